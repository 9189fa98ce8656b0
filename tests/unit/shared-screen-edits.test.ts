/**
 * Changes made on one shared screen: whose words a change is (`updatedFor`) beside who typed it
 * (`updatedBy`), in the model and in the server's check of every update.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	addItem,
	checkUpdate,
	createUndoManager,
	getItem,
	initBoard,
	THE_PERSON,
	touchItem,
	undoMine,
	updateFields,
	validateBoardShape,
	type UpdateWriter
} from '../../src/lib/board/index.js';
import { forgeMapWrite, updateOf } from '../helpers/forge-update.js';

const members = new Set(['person', 'clinician', 'advocate']);
const as = (id: string, personId: string | null = 'person'): UpdateWriter => ({ id, personId, isMember: (m) => members.has(m) });
const check = (doc: Y.Doc, update: Uint8Array, writer = as('clinician')) => checkUpdate(update, { doc, writer, maxUpdateBytes: 512 * 1024 });
const itemMap = (doc: Y.Doc, id: string) => doc.getMap('section:goals').get(id) as Y.Map<unknown>;

function board() {
	const doc = new Y.Doc();
	initBoard(doc);
	const goal = addItem(doc, 'goals', { author: 'clinician', text: 'Walk more' });
	return { doc, goal };
}

describe('a change on a shared screen, in the model', () => {
	it('records whose words it is beside who typed it, and a change in one’s own name clears it', () => {
		const { doc, goal } = board();
		expect(getItem(doc, 'goals', goal)).toMatchObject({ updatedBy: 'clinician', updatedFor: null });
		updateFields(doc, 'goals', goal, { status: 'working_on_it' }, 'clinician', 'person');
		expect(getItem(doc, 'goals', goal)).toMatchObject({ status: 'working_on_it', updatedBy: 'clinician', updatedFor: 'person' });
		touchItem(doc, 'goals', goal, 'clinician');
		expect(getItem(doc, 'goals', goal)).toMatchObject({ updatedBy: 'clinician', updatedFor: null });
		expect(itemMap(doc, goal).has('updatedFor')).toBe(false);
		touchItem(doc, 'goals', goal, 'clinician', THE_PERSON);
		expect(getItem(doc, 'goals', goal)!.updatedFor).toBe(THE_PERSON);
		expect(validateBoardShape(doc)).toEqual([]);
	});

	it('an item written before this field reads as changed in its editor’s own words', () => {
		const { doc, goal } = board();
		expect(itemMap(doc, goal).has('updatedFor')).toBe(false);
		expect(getItem(doc, 'goals', goal)!.updatedFor).toBeNull();
		itemMap(doc, goal).set('updatedFor', '');
		expect(validateBoardShape(doc)).toEqual([expect.stringMatching(/"updatedFor" is not a user id/)]);
	});

	it('an undo is mine: it does not keep saying the words were someone else’s', () => {
		const { doc, goal } = board();
		updateFields(doc, 'goals', goal, { importance: 3 }, 'advocate', 'person');
		const undo = createUndoManager(doc, 0);
		updateFields(doc, 'goals', goal, { importance: 5 }, 'clinician');
		undoMine(undo, 'clinician');
		expect(getItem(doc, 'goals', goal)).toMatchObject({ importance: 3, updatedBy: 'clinician', updatedFor: null });
	});
});

describe('a change on a shared screen, as the server checks it', () => {
	it('may be the words of anyone on the plan, or of the person before they join', () => {
		const { doc, goal } = board();
		expect(check(doc, updateOf(doc, (d) => updateFields(d, 'goals', goal, { importance: 8 }, 'clinician', 'person')))).toBeNull();
		expect(check(doc, updateOf(doc, (d) => updateFields(d, 'goals', goal, { importance: 8 }, 'clinician', 'advocate')))).toBeNull();
		const noPerson = as('clinician', null);
		expect(check(doc, updateOf(doc, (d) => touchItem(d, 'goals', goal, 'clinician', THE_PERSON)), noPerson)).toBeNull();
		// Back in one's own name: the key is removed.
		Y.applyUpdate(doc, updateOf(doc, (d) => touchItem(d, 'goals', goal, 'clinician', 'person')));
		expect(check(doc, updateOf(doc, (d) => touchItem(d, 'goals', goal, 'clinician')))).toBeNull();
	});

	it('refuses an edit attributed to someone not on the plan', () => {
		const { doc, goal } = board();
		const refusal = check(doc, updateOf(doc, (d) => updateFields(d, 'goals', goal, { text: 'Put in a stranger’s mouth' }, 'clinician', 'stranger')));
		expect(refusal).toMatchObject({ kind: 'not-a-member', message: expect.stringMatching(/updatedFor/) });
		expect(check(doc, updateOf(doc, (d) => touchItem(d, 'goals', goal, 'clinician', '@someone')))?.message).toMatch(/updatedFor/);
	});

	it('refuses whose words a change was without who typed it, or typed by someone else than the sender', () => {
		const { doc, goal } = board();
		const alone = updateOf(doc, (d) => forgeMapWrite(itemMap(d, goal), 'updatedFor', new Y.ContentAny(['person'])));
		expect(check(doc, alone)?.message).toMatch(/updatedBy/);
		const otherTypist = updateOf(doc, (d) => updateFields(d, 'goals', goal, { importance: 2 }, 'advocate', 'person'));
		expect(check(doc, otherTypist)?.message).toMatch(/updatedBy/);
		expect(check(doc, updateOf(doc, (d) => forgeMapWrite(itemMap(d, goal), 'updatedFor', new Y.ContentAny([7]))))?.message).toMatch(/updatedFor/);
	});
});
