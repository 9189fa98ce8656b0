import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addItem, initBoard, listItems } from '../../src/lib/board/index.js';
import { comingUp } from '../../src/lib/client/coming-up.js';

const TODAY = '2026-05-12';

function plan() {
	const doc = new Y.Doc();
	initBoard(doc);
	const add = {
		goal: (text: string, reviewDate: string | null, status: 'not_started' | 'working_on_it' | 'achieved' | 'changed_my_mind' = 'working_on_it') =>
			addItem(doc, 'goals', { author: 'sam', text, reviewDate, status }),
		step: (text: string, dueDate: string | null, status: 'not_started' | 'doing' | 'done' | 'changed_my_mind' = 'not_started') =>
			addItem(doc, 'steps', { author: 'sam', text, dueDate, status })
	};
	return { doc, add, read: () => comingUp(listItems(doc, 'goals'), listItems(doc, 'steps'), TODAY) };
}

describe('"Coming up"', () => {
	it('lists due dates and review dates soonest first, steps before goals on one day, then in plan order', () => {
		const { add, read } = plan();
		add.goal('Sleep better', '2026-06-01');
		add.step('Ring the GP', '2026-05-20');
		add.goal('Walk more', '2026-05-20');
		add.step('Buy shoes', '2026-05-20');
		add.step('No date', null);
		expect(read().map((e) => [e.kind, e.text, e.date])).toEqual([
			['step', 'Ring the GP', '2026-05-20'],
			['step', 'Buy shoes', '2026-05-20'],
			['goal', 'Walk more', '2026-05-20'],
			['goal', 'Sleep better', '2026-06-01']
		]);
	});

	it('leaves out steps done or let go, and goals achieved or let go', () => {
		const { add, read } = plan();
		add.step('Done already', '2026-05-20', 'done');
		add.step('Not now', '2026-05-20', 'changed_my_mind');
		add.goal('Got there', '2026-05-20', 'achieved');
		add.goal('Not for me', '2026-05-20', 'changed_my_mind');
		add.step('Still to do', '2026-05-21', 'doing');
		add.goal('Not started', '2026-05-22', 'not_started');
		expect(read().map((e) => e.text)).toEqual(['Still to do', 'Not started']);
	});

	it('says which dates are before today; today itself is not late', () => {
		const { add, read } = plan();
		const late = add.step('Yesterday', '2026-05-11');
		add.step('Today', TODAY);
		expect(read()).toEqual([
			{ kind: 'step', itemId: late, date: '2026-05-11', text: 'Yesterday', late: true },
			expect.objectContaining({ text: 'Today', late: false })
		]);
	});

	it('is empty for a plan with no dates', () => {
		expect(plan().read()).toEqual([]);
	});
});
