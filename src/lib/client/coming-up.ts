/**
 * "Coming up": the dates the plan has given itself, soonest first. A step's due date while it is
 * not done (nor let go), a goal's review date while it is still being worked on. Pure, so the
 * rules are tested on their own.
 */
import type { ItemView } from '$lib/board';

export interface ComingUpEntry {
	readonly kind: 'step' | 'goal';
	readonly itemId: string;
	/** `yyyy-mm-dd`. */
	readonly date: string;
	readonly text: string;
	/** Before today. */
	readonly late: boolean;
}

/** The entries, by date (then steps before goals, then plan order). `today` is `yyyy-mm-dd`. */
export function comingUp(goals: readonly ItemView<'goals'>[], steps: readonly ItemView<'steps'>[], today: string): ComingUpEntry[] {
	const entries: (ComingUpEntry & { at: number })[] = [];
	steps.forEach((step, at) => {
		if (step.dueDate && step.status !== 'done' && step.status !== 'changed_my_mind') {
			entries.push({ kind: 'step', itemId: step.id, date: step.dueDate, text: step.text, late: step.dueDate < today, at });
		}
	});
	goals.forEach((goal, at) => {
		if (goal.reviewDate && goal.status !== 'achieved' && goal.status !== 'changed_my_mind') {
			entries.push({ kind: 'goal', itemId: goal.id, date: goal.reviewDate, text: goal.text, late: goal.reviewDate < today, at });
		}
	});
	entries.sort((a, b) => (a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.kind !== b.kind ? (a.kind === 'step' ? -1 : 1) : a.at - b.at));
	return entries.map(({ at: _at, ...entry }) => entry);
}
