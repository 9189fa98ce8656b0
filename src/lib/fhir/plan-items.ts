/**
 * The items of a plan as FHIR: each goal a Goal, each next step an activity of the CarePlan,
 * each note between visits a note of the CarePlan, and each item of the other sections (what
 * matters, a good day, strengths, people who help, things in the way, if things get difficult,
 * our time today) an Observation whose code is the section's title in words. No clinical code
 * is made up: where FHIR wants a code and we have none, the words stand alone (`text`).
 * The person's words are copied exactly, never trimmed or reformatted.
 */
import type { Annotation, BundleEntry, CarePlanActivity, Goal, GoalTarget, Observation, ObservationComponent } from '@medplum/fhirtypes';
import { getSection, type ItemView, type SectionKey } from '../board/index.js';
import { rulerWords } from '../plan-text/index.js';
import { urn, type PlanIds } from './ids.js';
import type { Participants } from './participants.js';
import { CHANGED_MY_MIND, GOAL_ACHIEVEMENT, GOAL_ACHIEVEMENT_SYSTEM, GOAL_LIFECYCLE, STEP_STATUS } from './statuses.js';

const iso = (at: number) => new Date(at).toISOString();

/** The words a goal with none yet is described by: clearly not the person's own. */
export const GOAL_WITHOUT_WORDS = '(A goal with no words written yet)';

/** The sections carried as Observations, one per item. */
export const OBSERVED_SECTIONS = ['today', 'matters', 'goodDay', 'strengths', 'people', 'obstacles', 'contingency'] as const satisfies readonly SectionKey[];
export type ObservedSection = (typeof OBSERVED_SECTIONS)[number];

/** Importance and confidence as notes in fixed words: "Importance: 9 out of 10 important to me". */
function rulerNotes(goal: ItemView<'goals'>): Annotation[] {
	const notes: Annotation[] = [];
	if (goal.importance !== null) notes.push({ text: `Importance: ${rulerWords('importance', goal.importance)}` });
	if (goal.confidence !== null) notes.push({ text: `Confidence: ${rulerWords('confidence', goal.confidence)}` });
	return notes;
}

export function goalResource(goal: ItemView<'goals'>, ids: PlanIds, people: Participants): BundleEntry<Goal> {
	const id = ids.item(goal.id);
	const target: GoalTarget = {};
	if (goal.okLooksLike !== '') Object.assign(target, { measure: { text: getSection('goals').fields.okLooksLike!.label }, detailString: goal.okLooksLike });
	if (goal.reviewDate) target.dueDate = goal.reviewDate;
	const achievement = GOAL_ACHIEVEMENT[goal.status];
	const notes = rulerNotes(goal);
	const resource: Goal = {
		resourceType: 'Goal',
		id,
		lifecycleStatus: GOAL_LIFECYCLE[goal.status],
		...(achievement ? { achievementStatus: { coding: [{ system: GOAL_ACHIEVEMENT_SYSTEM, ...achievement }], text: getStatusLabel('goals', goal.status) } } : {}),
		description: { text: goal.text === '' ? GOAL_WITHOUT_WORDS : goal.text },
		subject: people.patientRef,
		expressedBy: people.ref(goal.author),
		...(Object.keys(target).length ? { target: [target] } : {}),
		...(goal.status === 'changed_my_mind' ? { statusReason: CHANGED_MY_MIND } : {}),
		...(notes.length ? { note: notes } : {})
	};
	return { fullUrl: urn(id), resource };
}

function getStatusLabel(section: 'goals' | 'steps', value: string): string {
	const spec = getSection(section).fields.status;
	return spec?.type === 'enum' ? (spec.options.find((o) => o.value === value)?.label ?? value) : value;
}

/** One next step as an activity: what, who does it, by when, how it is going, for which goal. */
export function stepActivity(step: ItemView<'steps'>, goalIds: ReadonlySet<string>, ids: PlanIds, people: Participants): CarePlanActivity {
	const status = STEP_STATUS[step.status];
	const linked = step.goalId !== null && goalIds.has(step.goalId);
	return {
		...(step.doneAt !== null && step.status === 'done' ? { progress: [{ time: iso(step.doneAt), text: 'Done' }] } : {}),
		detail: {
			status,
			...(step.status === 'changed_my_mind' ? { statusReason: { text: CHANGED_MY_MIND } } : {}),
			...(linked ? { goal: [{ reference: urn(ids.item(step.goalId!)), type: 'Goal' }] } : {}),
			...(step.dueDate ? { scheduledPeriod: { end: step.dueDate } } : {}),
			...(step.owner !== null ? { performer: [people.ref(step.owner)] } : {}),
			...(step.text !== '' ? { description: step.text } : {})
		}
	};
}

/** A note between visits as a note of the plan: its words, who wrote it, and the day it is about. */
export function noteAnnotation(note: ItemView<'notes'>, people: Participants): Annotation | null {
	// FHIR has no empty notes: a note with no words yet is in the section's narrative only.
	if (note.text === '') return null;
	return { authorReference: people.ref(note.author) as Annotation['authorReference'], time: note.date, text: note.text };
}

function component(label: string, value: string | null): ObservationComponent[] {
	return value ? [{ code: { text: label }, valueString: value }] : [];
}

/** What kind of item it is, in words, for the sections that have kinds or areas. */
function category(item: ItemView<ObservedSection>): Observation['category'] {
	const field = item.section === 'goodDay' || item.section === 'contingency' ? 'kind' : item.section === 'obstacles' ? 'area' : null;
	if (!field) return undefined;
	const spec = getSection(item.section).fields[field];
	const value = (item as unknown as Record<string, unknown>)[field];
	const label = spec?.type === 'enum' ? spec.options.find((o) => o.value === value)?.label : undefined;
	return label ? [{ text: label }] : undefined;
}

/** One item of a section FHIR has no resource for, as an Observation in words. */
export function itemObservation(item: ItemView<ObservedSection>, ids: PlanIds, people: Participants): BundleEntry<Observation> {
	const id = ids.item(item.id);
	const info = getSection(item.section);
	const fields = info.fields as Record<string, { label: string }>;
	const components = [
		...(item.section === 'people' ? component(fields.relationship!.label, item.relationship) : []),
		...(item.section === 'contingency' ? component(fields.phone!.label, item.phone) : [])
	];
	const kinds = category(item);
	const resource: Observation = {
		resourceType: 'Observation',
		id,
		status: 'final',
		...(kinds ? { category: kinds } : {}),
		code: { text: info.title },
		subject: people.patientRef,
		issued: iso(item.createdAt),
		performer: [people.ref(item.author) as NonNullable<Observation['performer']>[number]],
		...(item.text !== '' ? { valueString: item.text } : {}),
		...(components.length ? { component: components } : {})
	};
	return { fullUrl: urn(id), resource };
}
