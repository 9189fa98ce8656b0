import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	BoardInputError,
	BoardVersionError,
	LIMITS,
	SCHEMA_VERSION,
	addItem,
	deleteItem,
	getItem,
	getSchemaVersion,
	initBoard,
	listItems,
	moveItem,
	moveItemTo,
	updateFields,
	validateBoardShape,
	type SectionKey
} from '../../src/lib/board/index.js';

const ME = 'user-person';

function board(): Y.Doc {
	const doc = new Y.Doc();
	initBoard(doc);
	return doc;
}

/** Runs fn, expects a BoardInputError naming `field`, and returns it. */
function inputError(fn: () => unknown, field: string): BoardInputError {
	try {
		fn();
	} catch (e) {
		expect(e).toBeInstanceOf(BoardInputError);
		expect((e as BoardInputError).field).toBe(field);
		expect((e as BoardInputError).message.length).toBeGreaterThan(0);
		return e as BoardInputError;
	}
	throw new Error(`expected a BoardInputError for ${field}`);
}

// Untyped calls: the checks exist for callers that bypass TypeScript (form data, sockets).
const anyAdd = addItem as (doc: Y.Doc, section: string, input: unknown) => string;
const anyUpdate = updateFields as (doc: Y.Doc, section: string, id: string, patch: unknown, by: unknown) => boolean;

describe('input validation', () => {
	it('rejects unknown sections everywhere', () => {
		const doc = board();
		inputError(() => anyAdd(doc, 'secrets', { author: ME }), 'section');
		inputError(() => listItems(doc, 'nope' as SectionKey), 'section');
		inputError(() => deleteItem(doc, '__proto__' as SectionKey, 'x'), 'section');
		inputError(() => moveItem(doc, 'toString' as SectionKey, 'x', 'up'), 'section');
	});

	it('requires a non-empty author and editor', () => {
		const doc = board();
		inputError(() => anyAdd(doc, 'today', {}), 'author');
		inputError(() => anyAdd(doc, 'today', { author: '' }), 'author');
		inputError(() => anyAdd(doc, 'today', { author: 42 }), 'author');
		inputError(() => anyAdd(doc, 'today', { author: ' padded ' }), 'author');
		inputError(() => anyAdd(doc, 'today', { author: 'x'.repeat(LIMITS.maxIdLength + 1) }), 'author');
		inputError(() => anyAdd(doc, 'today', null), 'input');
		const id = addItem(doc, 'today', { author: ME });
		inputError(() => anyUpdate(doc, 'today', id, { text: 'x' }, ''), 'by');
		inputError(() => anyUpdate(doc, 'today', id, null, ME), 'patch');
	});

	it('caps text length and rejects control characters', () => {
		const doc = board();
		expect(() => addItem(doc, 'today', { author: ME, text: 'x'.repeat(LIMITS.maxTextLength) })).not.toThrow();
		inputError(() => addItem(doc, 'today', { author: ME, text: 'x'.repeat(LIMITS.maxTextLength + 1) }), 'text');
		inputError(() => addItem(doc, 'today', { author: ME, text: 'bad\u0000byte' }), 'text');
		expect(() => addItem(doc, 'today', { author: ME, text: 'line one\nline two\ttab' })).not.toThrow();
		inputError(() => anyAdd(doc, 'goals', { author: ME, okLooksLike: 7 }), 'okLooksLike');
	});

	it('accepts rulers 0–10 whole numbers or null only', () => {
		const doc = board();
		for (const ok of [0, 10, 5, null]) expect(() => addItem(doc, 'goals', { author: ME, importance: ok })).not.toThrow();
		for (const bad of [-1, 11, 2.5, Number.NaN, '5', Infinity]) {
			inputError(() => anyAdd(doc, 'goals', { author: ME, importance: bad }), 'importance');
			inputError(() => anyAdd(doc, 'goals', { author: ME, confidence: bad }), 'confidence');
		}
	});

	it('accepts statuses and kinds from their sets only', () => {
		const doc = board();
		inputError(() => anyAdd(doc, 'steps', { author: ME, status: 'achieved' }), 'status'); // a goal status
		inputError(() => anyAdd(doc, 'goals', { author: ME, status: 'doing' }), 'status'); // a step status
		inputError(() => anyAdd(doc, 'goodDay', { author: ME, kind: 'bad_day' }), 'kind');
		inputError(() => anyAdd(doc, 'goodDay', { author: ME, kind: null }), 'kind');
		inputError(() => anyAdd(doc, 'contingency', { author: ME, kind: 'good_day' }), 'kind');
		inputError(() => anyAdd(doc, 'obstacles', { author: ME, area: 'weather' }), 'area');
		expect(() => addItem(doc, 'obstacles', { author: ME, area: null })).not.toThrow();
	});

	it('accepts real yyyy-mm-dd dates only', () => {
		const doc = board();
		expect(() => addItem(doc, 'goals', { author: ME, reviewDate: '2024-02-29' })).not.toThrow();
		for (const bad of ['2023-02-29', '2025-13-01', '2025-1-5', '05/01/2025', '2025-01-01T00:00:00Z', '0024-01-01', 20250101]) {
			inputError(() => anyAdd(doc, 'goals', { author: ME, reviewDate: bad }), 'reviewDate');
			inputError(() => anyAdd(doc, 'steps', { author: ME, dueDate: bad }), 'dueDate');
		}
		inputError(() => anyAdd(doc, 'notes', { author: ME, date: null }), 'date'); // a note always has a date
	});

	it('checks short strings, phones, owners and goal links', () => {
		const doc = board();
		inputError(() => anyAdd(doc, 'people', { author: ME, relationship: 'x'.repeat(LIMITS.maxShortString + 1) }), 'relationship');
		inputError(() => anyAdd(doc, 'people', { author: ME, relationship: 'two\nlines' }), 'relationship');
		inputError(() => anyAdd(doc, 'contingency', { author: ME, phone: 'call me maybe' }), 'phone');
		inputError(() => anyAdd(doc, 'contingency', { author: ME, phone: '+-()' }), 'phone');
		inputError(() => anyAdd(doc, 'steps', { author: ME, owner: 12 }), 'owner');
		inputError(() => anyAdd(doc, 'steps', { author: ME, goalId: 'no-such-goal' }), 'goalId');
		const step = addItem(doc, 'steps', { author: ME });
		inputError(() => anyUpdate(doc, 'steps', step, { goalId: 'no-such-goal' }, ME), 'goalId');
	});

	it('rejects fields that do not belong to the section, and the model-owned doneAt', () => {
		const doc = board();
		inputError(() => anyAdd(doc, 'today', { author: ME, importance: 3 }), 'importance');
		inputError(() => anyAdd(doc, 'steps', { author: ME, doneAt: 5 }), 'doneAt');
		inputError(() => anyAdd(doc, 'steps', { author: ME, id: 'chosen' }), 'id');
		inputError(() => anyAdd(doc, 'steps', { author: ME, order: 'a0' }), 'order');
		const step = addItem(doc, 'steps', { author: ME });
		inputError(() => anyUpdate(doc, 'steps', step, { author: 'someone-else' }, ME), 'author');
		inputError(() => anyUpdate(doc, 'steps', step, { __proto__: 1, updatedAt: 1 }, ME), 'updatedAt');
	});

	it('validates positions and directions', () => {
		const doc = board();
		const id = addItem(doc, 'today', { author: ME });
		inputError(() => anyAdd(doc, 'today', { author: ME, index: -1 }), 'index');
		inputError(() => anyAdd(doc, 'today', { author: ME, index: 1.5 }), 'index');
		inputError(() => moveItemTo(doc, 'today', id, -2), 'index');
		inputError(() => moveItem(doc, 'today', id, 'left' as 'up'), 'direction');
		inputError(() => getItem(doc, 'today', '' as string), 'id');
	});

	it('writes nothing when any field of a patch is invalid', () => {
		const doc = board();
		const goal = addItem(doc, 'goals', { author: ME, text: 'Walk', importance: 3 });
		inputError(() => anyUpdate(doc, 'goals', goal, { text: 'Run', importance: 11 }, ME), 'importance');
		expect(getItem(doc, 'goals', goal)).toMatchObject({ text: 'Walk', importance: 3 });
	});

	it('limits the number of items in a section', () => {
		const doc = board();
		for (let i = 0; i < LIMITS.maxItemsPerSection; i++) addItem(doc, 'notes', { author: ME, date: '2025-01-01' });
		inputError(() => addItem(doc, 'notes', { author: ME }), 'section');
	});
});

describe('schema version', () => {
	it('initBoard sets the version once and is idempotent', () => {
		const doc = new Y.Doc();
		expect(getSchemaVersion(doc)).toBeNull();
		expect(initBoard(doc)).toBe(SCHEMA_VERSION);
		let updates = 0;
		doc.on('update', () => updates++);
		expect(initBoard(doc)).toBe(SCHEMA_VERSION);
		expect(updates).toBe(0);
		expect(doc.getMap('meta').get('schemaVersion')).toBe(1);
	});

	it('refuses to write to a board from a newer schema, but still reads it', () => {
		const doc = board();
		const id = addItem(doc, 'today', { author: ME, text: 'hi' });
		doc.getMap('meta').set('schemaVersion', SCHEMA_VERSION + 1);
		expect(() => addItem(doc, 'today', { author: ME })).toThrow(BoardVersionError);
		expect(() => updateFields(doc, 'today', id, { text: 'x' }, ME)).toThrow(BoardVersionError);
		expect(() => deleteItem(doc, 'today', id)).toThrow(BoardVersionError);
		expect(() => moveItemTo(doc, 'today', id, 0)).toThrow(BoardVersionError);
		expect(listItems(doc, 'today').map((i) => i.text)).toEqual(['hi']);
		expect(initBoard(doc)).toBe(SCHEMA_VERSION + 1); // never downgrades
	});
});

describe('validateBoardShape', () => {
	function goodBoard() {
		const doc = board();
		const goal = addItem(doc, 'goals', { author: ME, text: 'Walk', importance: 7 });
		addItem(doc, 'steps', { author: ME, text: 'Shoes', goalId: goal, status: 'done' });
		addItem(doc, 'contingency', { author: ME, kind: 'who_to_call', phone: '111' });
		return { doc, goal };
	}
	const itemMap = (doc: Y.Doc, section: string, id: string) => doc.getMap<Y.Map<unknown>>(`section:${section}`).get(id)!;

	it('finds nothing wrong in a board written through the model', () => {
		expect(validateBoardShape(goodBoard().doc)).toEqual([]);
	});

	it('reports a missing schema version', () => {
		const doc = new Y.Doc();
		expect(validateBoardShape(doc)).toEqual(['meta: schemaVersion is missing']);
	});

	it('reports unknown top-level types and meta keys', () => {
		const { doc } = goodBoard();
		doc.getArray('junk').push([1]);
		doc.getMap('meta').set('admin', true);
		const problems = validateBoardShape(doc);
		expect(problems).toContain('unknown top-level type "junk"');
		expect(problems).toContain('meta: unknown key "admin"');
	});

	it('reports unknown top-level types arriving in a remote update', () => {
		const { doc } = goodBoard();
		const evil = new Y.Doc();
		evil.getText('payload').insert(0, 'x'.repeat(100));
		Y.applyUpdate(doc, Y.encodeStateAsUpdate(evil));
		expect(validateBoardShape(doc)).toEqual(['unknown top-level type "payload"']);
	});

	it('reports items with missing or wrongly typed fields', () => {
		const { doc, goal } = goodBoard();
		const g = itemMap(doc, 'goals', goal);
		g.set('importance', 42);
		g.set('order', '!!');
		g.set('text', 'not a Y.Text');
		g.set('isAdmin', true);
		g.delete('author');
		const problems = validateBoardShape(doc);
		expect(problems).toEqual(
			expect.arrayContaining([
				`goals/${goal}: "importance" has a value outside the schema`,
				`goals/${goal}: "order" is not a valid order key`,
				`goals/${goal}: "text" is not a Y.Text`,
				`goals/${goal}: unknown field "isAdmin"`,
				`goals/${goal}: "author" is not a user id`
			])
		);
		expect(problems).toHaveLength(5);
		// The UI keeps working on junk: reads fall back to defaults.
		expect(getItem(doc, 'goals', goal)).toMatchObject({ importance: null, text: '', author: '' });
	});

	it('reports non-map items, mismatched ids, formatted and overlong text', () => {
		const { doc, goal } = goodBoard();
		doc.getMap('section:today').set('x', 'a string item');
		itemMap(doc, 'goals', goal).set('id', 'other');
		const t = itemMap(doc, 'goals', goal).get('okLooksLike') as Y.Text;
		t.insert(0, 'bold', { bold: true });
		const s = addItem(doc, 'strengths', { author: ME });
		(itemMap(doc, 'strengths', s).get('text') as Y.Text).insert(0, 'x'.repeat(LIMITS.mergedTextLength + 1));
		const problems = validateBoardShape(doc);
		expect(problems).toEqual(
			expect.arrayContaining([
				'today/x: item is not a Y.Map',
				`goals/${goal}: "id" does not match its key`,
				`goals/${goal}: "okLooksLike" holds something other than plain text`,
				`strengths/${s}: "text" is longer than ${LIMITS.mergedTextLength} characters`
			])
		);
		expect(listItems(doc, 'today')).toEqual([]); // the junk entry is not an item
	});

	it('reports list content written into a section map', () => {
		const { doc } = goodBoard();
		const evil = new Y.Doc();
		evil.getArray('section:people').insert(0, ['junk']);
		Y.applyUpdate(doc, Y.encodeStateAsUpdate(evil));
		expect(validateBoardShape(doc)).toEqual(['people: section has list content']);
	});

	it('stops at maxProblems', () => {
		const { doc } = goodBoard();
		for (let i = 0; i < 20; i++) doc.getMap('section:notes').set(`n${i}`, i);
		expect(validateBoardShape(doc, 5)).toHaveLength(5);
	});
});
