/** "What we agreed" gathered from the plan: new goals and steps, steps done, other changes of how things go. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addItem, initBoard, listItems, updateFields } from '../../src/lib/board/index.js';
import { agreedLines } from '../../src/lib/client/visit-agreed.js';

describe('what we agreed', () => {
	it('lists new goals and steps, steps done, and changed statuses of older ones as they stand now', () => {
		const doc = new Y.Doc();
		initBoard(doc);
		const old = addItem(doc, 'goals', { author: 'p', text: 'Sleep better' });
		const oldStep = addItem(doc, 'steps', { author: 'p', text: 'See the GP' });
		const changedBack = addItem(doc, 'goals', { author: 'p', text: 'Cook more' });
		const since = Date.now() + 1;
		while (Date.now() < since) {
			// wait a millisecond: what follows is "during the conversation"
		}
		addItem(doc, 'goals', { author: 'p', text: 'Walk to the park' });
		addItem(doc, 'steps', { author: 'p', text: 'Buy shoes', status: 'done' });
		updateFields(doc, 'steps', oldStep, { status: 'done' }, 'p');
		updateFields(doc, 'goals', old, { status: 'working_on_it' }, 'p');
		const view = { goals: listItems(doc, 'goals'), steps: listItems(doc, 'steps'), since };
		const changes = [
			{ section: 'goals' as const, itemId: old, status: 'working_on_it' },
			{ section: 'steps' as const, itemId: oldStep, status: 'done' },
			{ section: 'goals' as const, itemId: changedBack, status: 'achieved' }
		];
		expect(agreedLines({ ...view, statusChanges: changes })).toEqual([
			'New goal: Walk to the park',
			'New step: Buy shoes',
			'Step done: See the GP',
			'Step done: Buy shoes',
			'Sleep better: now “Working on it”'
		]);
		// Offline, the history is not there: the plan's own facts still are.
		expect(agreedLines({ ...view, statusChanges: null })).toEqual(['New goal: Walk to the park', 'New step: Buy shoes', 'Step done: See the GP', 'Step done: Buy shoes']);
	});
});
