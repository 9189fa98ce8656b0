/**
 * The conversation guide's own words. What each of the five steps asks is in guide-steps.ts,
 * loaded with the guide's body.
 */
import { GUIDE_STEPS, type GuideStep } from '$lib/board';

/** A step's title ("What you want from today"): the field table's label of it. */
export function stepTitle(step: GuideStep): string {
	return GUIDE_STEPS.find((s) => s.value === step)?.label ?? '';
}

/** A step's number, 1 to 5. */
export function stepNumber(step: GuideStep): number {
	return GUIDE_STEPS.findIndex((s) => s.value === step) + 1;
}

/** The guide's own words. */
export const GUIDE = {
	title: 'Our conversation',
	hide: 'Hide the guide',
	show: 'Show the guide',
	collapsedNote: 'The guide is hidden. You can still write anywhere in the plan.',
	intro: 'Five steps to a good conversation. You lead it. Use them as a guide, not a rule: you can write anywhere in the plan at any time.',
	stepsLabel: 'Steps of the conversation',
	stepNumber: 'Step {n} of 5',
	weAreOn: 'We are on step {n}: {title}',
	goTo: 'Go to step {n}: {title}',
	current: 'We are here',
	questionsTitle: 'Questions to ask',
	fillsTitle: 'Where it goes',
	back: 'Back a step',
	next: 'Next step',
	moved: '{who} moved the conversation to step {n}: {title}.',
	readOnly: 'You can follow the conversation here. Only the people who write the plan can move it on.'
} as const;
