import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	SECTIONS,
	SECTION_KEYS,
	BOARD_SECTION_KEYS,
	addItem,
	deleteItem,
	getItem,
	getItemText,
	initBoard,
	listItems,
	moveItem,
	moveItemTo,
	setText,
	todayIso,
	touchItem,
	updateFields,
	validateBoardShape,
	type SectionKey
} from '../../src/lib/board/index.js';

const ME = 'user-person';
const CLIN = 'user-clinician';

function board(): Y.Doc {
	const doc = new Y.Doc();
	initBoard(doc);
	return doc;
}

const texts = (doc: Y.Doc, s: SectionKey) => listItems(doc, s).map((i) => i.text);

describe('sections', () => {
	it('lists the ten sections in the product order with stable keys', () => {
		expect(SECTIONS.map((s) => s.key)).toEqual([...BOARD_SECTION_KEYS]);
		expect(SECTION_KEYS).toEqual([...BOARD_SECTION_KEYS, 'visits']);
		expect(SECTIONS.map((s) => s.title)).toEqual([
			'Our time today',
			'What matters to me',
			'A good day / a hard day',
			'My strengths',
			'People who help me',
			'Things that get in the way',
			'My goals',
			'Next steps',
			'Notes between visits',
			'If things get difficult'
		]);
		expect(SECTIONS[0]!.prompts[0]).toBe('What would you like to get out of our time together today?');
		expect(Object.keys(SECTIONS.find((s) => s.key === 'goals')!.fields)).toEqual([
			'okLooksLike',
			'importance',
			'confidence',
			'status',
			'reviewDate'
		]);
	});
});

describe.each(SECTION_KEYS.map((k) => [k] as const))('section %s', (section) => {
	it('adds, edits, reorders and deletes items', () => {
		const doc = board();
		const a = addItem(doc, section, { author: ME, text: 'first' });
		const b = addItem(doc, section, { author: CLIN, text: 'second' });
		const c = addItem(doc, section, { author: ME, text: 'third' });
		expect(texts(doc, section)).toEqual(['first', 'second', 'third']);
		expect(new Set([a, b, c]).size).toBe(3);

		const item = getItem(doc, section, b)!;
		expect(item).toMatchObject({ id: b, section, author: CLIN, updatedBy: CLIN, text: 'second' });
		expect(item.createdAt).toBeGreaterThan(0);

		expect(setText(doc, section, b, 'second, edited', ME)).toBe(true);
		expect(getItem(doc, section, b)).toMatchObject({ text: 'second, edited', author: CLIN, updatedBy: ME });

		expect(moveItem(doc, section, c, 'up')).toBe(true);
		expect(texts(doc, section)).toEqual(['first', 'third', 'second, edited']);
		expect(moveItem(doc, section, a, 'up')).toBe(false); // already first
		expect(moveItem(doc, section, a, 'down')).toBe(true);
		expect(texts(doc, section)).toEqual(['third', 'first', 'second, edited']);
		expect(moveItemTo(doc, section, b, 0)).toBe(true);
		expect(texts(doc, section)).toEqual(['second, edited', 'third', 'first']);
		expect(moveItemTo(doc, section, b, 99)).toBe(true); // clamped to the end
		expect(texts(doc, section)).toEqual(['third', 'first', 'second, edited']);
		expect(moveItem(doc, section, b, 'down')).toBe(false); // already last

		expect(deleteItem(doc, section, c)).toBe(true);
		expect(deleteItem(doc, section, c)).toBe(false);
		expect(texts(doc, section)).toEqual(['first', 'second, edited']);
		expect(getItem(doc, section, c)).toBeUndefined();
		expect(validateBoardShape(doc)).toEqual([]);
	});

	it('inserts at a given index', () => {
		const doc = board();
		addItem(doc, section, { author: ME, text: 'a' });
		addItem(doc, section, { author: ME, text: 'c' });
		addItem(doc, section, { author: ME, text: 'b', index: 1 });
		addItem(doc, section, { author: ME, text: 'start', index: 0 });
		expect(texts(doc, section)).toEqual(['start', 'a', 'b', 'c']);
	});

	it('one add is one Yjs update', () => {
		const doc = board();
		let updates = 0;
		doc.on('update', () => updates++);
		addItem(doc, section, { author: ME, text: 'x' });
		expect(updates).toBe(1);
	});
});

describe('section fields', () => {
	it('applies defaults when fields are not given', () => {
		const doc = board();
		const g = getItem(doc, 'goodDay', addItem(doc, 'goodDay', { author: ME }))!;
		expect(g.kind).toBe('good_day');
		expect(g.text).toBe('');
		const goal = getItem(doc, 'goals', addItem(doc, 'goals', { author: ME, text: 'Sleep better' }))!;
		expect(goal).toMatchObject({ okLooksLike: '', importance: null, confidence: null, status: 'not_started', reviewDate: null });
		const step = getItem(doc, 'steps', addItem(doc, 'steps', { author: ME }))!;
		expect(step).toMatchObject({ owner: null, dueDate: null, status: 'not_started', goalId: null, doneAt: null });
		const note = getItem(doc, 'notes', addItem(doc, 'notes', { author: ME }))!;
		expect(note.date).toBe(todayIso());
		const c = getItem(doc, 'contingency', addItem(doc, 'contingency', { author: ME }))!;
		expect(c).toMatchObject({ kind: 'warning_sign', phone: null });
		expect(getItem(doc, 'people', addItem(doc, 'people', { author: ME }))!.relationship).toBeNull();
		expect(getItem(doc, 'obstacles', addItem(doc, 'obstacles', { author: ME }))!.area).toBeNull();
	});

	it('stores and updates every kind of field', () => {
		const doc = board();
		const goal = addItem(doc, 'goals', {
			author: ME,
			text: 'Get out of the house more',
			okLooksLike: 'A walk most days',
			importance: 8,
			confidence: 4,
			reviewDate: '2025-03-01'
		});
		expect(updateFields(doc, 'goals', goal, { confidence: 5, status: 'working_on_it', okLooksLike: 'A walk every day' }, CLIN)).toBe(
			true
		);
		expect(getItem(doc, 'goals', goal)).toMatchObject({
			importance: 8,
			confidence: 5,
			status: 'working_on_it',
			okLooksLike: 'A walk every day',
			reviewDate: '2025-03-01',
			updatedBy: CLIN
		});
		expect(getItemText(doc, 'goals', goal, 'okLooksLike')!.toString()).toBe('A walk every day');

		const p = addItem(doc, 'people', { author: ME, text: 'Sam', relationship: 'My brother, drives me' });
		expect(getItem(doc, 'people', p)!.relationship).toBe('My brother, drives me');
		const o = addItem(doc, 'obstacles', { author: ME, text: 'Rent', area: 'money' });
		updateFields(doc, 'obstacles', o, { area: 'housing' }, ME);
		expect(getItem(doc, 'obstacles', o)!.area).toBe('housing');
		const n = addItem(doc, 'notes', { author: 'user-advocate', text: 'Went to the group', date: '2025-01-15' });
		expect(getItem(doc, 'notes', n)!.date).toBe('2025-01-15');
		const k = addItem(doc, 'contingency', { author: ME, text: 'Crisis line', kind: 'who_to_call', phone: '+44 (0)800 123 456' });
		expect(getItem(doc, 'contingency', k)).toMatchObject({ kind: 'who_to_call', phone: '+44 (0)800 123 456' });
		const d = addItem(doc, 'goodDay', { author: ME, text: 'Music', kind: 'what_helps' });
		expect(getItem(doc, 'goodDay', d)!.kind).toBe('what_helps');
		expect(validateBoardShape(doc)).toEqual([]);
	});

	it('treats an empty string as "not set" for optional fields', () => {
		const doc = board();
		const s = addItem(doc, 'steps', { author: ME, owner: ME, dueDate: '2025-02-01' });
		updateFields(doc, 'steps', s, { owner: '', dueDate: '' }, ME);
		expect(getItem(doc, 'steps', s)).toMatchObject({ owner: null, dueDate: null });
	});

	it('sets doneAt when a step is marked done and clears it when it is not', () => {
		const doc = board();
		const goal = addItem(doc, 'goals', { author: ME, text: 'Walk' });
		const s = addItem(doc, 'steps', { author: ME, text: 'Buy shoes', owner: ME, goalId: goal, dueDate: '2025-02-01' });
		const before = Date.now();
		updateFields(doc, 'steps', s, { status: 'done' }, ME);
		const done = getItem(doc, 'steps', s)!;
		expect(done.status).toBe('done');
		expect(done.doneAt).toBeGreaterThanOrEqual(before);
		expect(done.goalId).toBe(goal);
		updateFields(doc, 'steps', s, { status: 'doing' }, ME);
		expect(getItem(doc, 'steps', s)!.doneAt).toBeNull();
		const born = addItem(doc, 'steps', { author: ME, status: 'done' });
		expect(getItem(doc, 'steps', born)!.doneAt).toBeGreaterThanOrEqual(before);
	});

	it('does not rewrite unchanged fields or touch updatedBy for a no-op', () => {
		const doc = board();
		const s = addItem(doc, 'steps', { author: ME, status: 'doing' });
		let updates = 0;
		doc.on('update', () => updates++);
		expect(updateFields(doc, 'steps', s, { status: 'doing' }, CLIN)).toBe(true);
		expect(updates).toBe(0);
		expect(getItem(doc, 'steps', s)!.updatedBy).toBe(ME);
		expect(touchItem(doc, 'steps', s, CLIN)).toBe(true);
		expect(getItem(doc, 'steps', s)!.updatedBy).toBe(CLIN);
	});

	it('deleting a goal unlinks its steps in the same update', () => {
		const doc = board();
		const goal = addItem(doc, 'goals', { author: ME, text: 'Walk' });
		const other = addItem(doc, 'goals', { author: ME, text: 'Read' });
		const s1 = addItem(doc, 'steps', { author: ME, goalId: goal });
		const s2 = addItem(doc, 'steps', { author: ME, goalId: other });
		let updates = 0;
		doc.on('update', () => updates++);
		deleteItem(doc, 'goals', goal);
		expect(updates).toBe(1);
		expect(getItem(doc, 'steps', s1)!.goalId).toBeNull();
		expect(getItem(doc, 'steps', s2)!.goalId).toBe(other);
	});

	it('edits of a missing item return false and create nothing', () => {
		const doc = board();
		const id = addItem(doc, 'matters', { author: ME, text: 'x' });
		deleteItem(doc, 'matters', id);
		expect(updateFields(doc, 'matters', id, { text: 'y' }, ME)).toBe(false);
		expect(setText(doc, 'matters', id, 'y', ME)).toBe(false);
		expect(touchItem(doc, 'matters', id, ME)).toBe(false);
		expect(moveItem(doc, 'matters', id, 'up')).toBe(false);
		expect(moveItemTo(doc, 'matters', id, 0)).toBe(false);
		expect(getItemText(doc, 'matters', id)).toBeUndefined();
		expect(listItems(doc, 'matters')).toEqual([]);
	});

	it('setText keeps an emoji whole when only part of the text changes', () => {
		const doc = board();
		const id = addItem(doc, 'matters', { author: ME, text: 'My dog 🐶' });
		setText(doc, 'matters', id, 'My dog 🐱', ME);
		expect(getItem(doc, 'matters', id)!.text).toBe('My dog 🐱');
		setText(doc, 'matters', id, 'My cat 🐱 and my dog', ME);
		expect(getItem(doc, 'matters', id)!.text).toBe('My cat 🐱 and my dog');
		expect(getItem(doc, 'matters', id)!.text).not.toContain('\ufffd');
	});

	it('keeps order stable: re-reading never changes it, equal keys sort by id', () => {
		const doc = board();
		for (let i = 0; i < 20; i++) addItem(doc, 'strengths', { author: ME, text: `s${i}`, index: i % 3 });
		const first = listItems(doc, 'strengths').map((i) => i.id);
		expect(listItems(doc, 'strengths').map((i) => i.id)).toEqual(first);
		const orders = listItems(doc, 'strengths').map((i) => i.order);
		expect([...orders].sort()).toEqual(orders);
		expect(new Set(orders).size).toBe(orders.length);
	});
});
