/**
 * "What we agreed" at the end of a conversation, gathered from the plan: goals and steps added
 * since it started, steps done, and other changes of how a goal or step is going (those come from
 * the server's history, which knows the status before; offline they are left out). Pure.
 */
import { GOAL_STATUSES, STEP_STATUSES, type ItemView } from '$lib/board';
import { CONVERSATION } from '$lib/copy/conversation';
import { say } from '$lib/copy/say';
import { excerpt } from './announcer.svelte';

export interface StatusChange {
	readonly section: 'goals' | 'steps';
	readonly itemId: string;
	readonly status: string;
}

export interface AgreedInput {
	readonly goals: readonly ItemView<'goals'>[];
	readonly steps: readonly ItemView<'steps'>[];
	/** When the conversation started (epoch ms). */
	readonly since: number;
	/** From the history; null when it could not be read. */
	readonly statusChanges: readonly StatusChange[] | null;
}

const words = (text: string) => excerpt(text, 120) || CONVERSATION.noWords;

/** The lines, one a thing agreed, in the order goals, steps, steps done, other changes. */
export function agreedLines({ goals, steps, since, statusChanges }: AgreedInput): string[] {
	const lines: string[] = [];
	const isNew = (item: { createdAt: number }) => item.createdAt >= since;
	for (const goal of goals) if (isNew(goal)) lines.push(say(CONVERSATION.newGoal, { text: words(goal.text) }));
	for (const step of steps) if (isNew(step)) lines.push(say(CONVERSATION.newStep, { text: words(step.text) }));
	const done = steps.filter((step) => step.status === 'done' && step.doneAt !== null && step.doneAt >= since);
	for (const step of done) lines.push(say(CONVERSATION.stepDone, { text: words(step.text) }));
	const told = new Set([...goals.filter(isNew), ...steps.filter(isNew), ...done].map((item) => item.id));
	for (const change of statusChanges ?? []) {
		if (told.has(change.itemId)) continue;
		const item = (change.section === 'goals' ? goals : steps).find((i) => i.id === change.itemId);
		// Only where it stands now: a status changed and changed back again is no change.
		if (!item || item.status !== change.status) continue;
		const options: readonly { value: string; label: string }[] = change.section === 'goals' ? GOAL_STATUSES : STEP_STATUSES;
		const status = options.find((o) => o.value === change.status)?.label;
		if (status) lines.push(say(CONVERSATION.nowGoing, { text: words(item.text), status }));
	}
	return lines;
}
