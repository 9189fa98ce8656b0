import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	SCHEMA_VERSION,
	addItem,
	deleteItem,
	getItem,
	getItemText,
	getSchemaVersion,
	initBoard,
	listItems,
	moveItem,
	moveItemTo,
	setText,
	updateFields,
	validateBoardShape,
	type SectionKey
} from '../../src/lib/board/index.js';

const ME = 'user-person';
const CLIN = 'user-clinician';

/** Exchanges missing updates both ways, as providers do on (re)connect. */
function sync(a: Y.Doc, b: Y.Doc): void {
	const toB = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
	const toA = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
	Y.applyUpdate(b, toB);
	Y.applyUpdate(a, toA);
}

/** Two replicas; the client ids decide Yjs' tie-breaks, so every test runs with both orders. */
function replicas(ids: readonly [number, number]): [Y.Doc, Y.Doc] {
	const a = new Y.Doc();
	const b = new Y.Doc();
	a.clientID = ids[0];
	b.clientID = ids[1];
	initBoard(a);
	sync(a, b);
	return [a, b];
}

const texts = (doc: Y.Doc, s: SectionKey) => listItems(doc, s).map((i) => i.text);
const ids = (doc: Y.Doc, s: SectionKey) => listItems(doc, s).map((i) => i.id);

const ORDERS = [
	[[1, 2]],
	[[2, 1]]
] as const;

describe.each(ORDERS)('two replicas (client ids %j)', (clientIds) => {
	function seeded(section: SectionKey, words: string[]) {
		const [a, b] = replicas(clientIds);
		const made = words.map((text) => addItem(a, section, { author: ME, text }));
		sync(a, b);
		return { a, b, made };
	}

	it('starts both with the schema version, even when both init concurrently', () => {
		const a = new Y.Doc();
		const b = new Y.Doc();
		a.clientID = clientIds[0];
		b.clientID = clientIds[1];
		initBoard(a);
		initBoard(b);
		sync(a, b);
		expect(getSchemaVersion(a)).toBe(SCHEMA_VERSION);
		expect(getSchemaVersion(b)).toBe(SCHEMA_VERSION);
		expect(validateBoardShape(a)).toEqual([]);
		expect(validateBoardShape(b)).toEqual([]);
	});

	it('keeps items both replicas added before they ever synced', () => {
		const a = new Y.Doc();
		const b = new Y.Doc();
		a.clientID = clientIds[0];
		b.clientID = clientIds[1];
		addItem(a, 'goals', { author: ME, text: 'from a' });
		addItem(b, 'goals', { author: CLIN, text: 'from b' });
		initBoard(a);
		initBoard(b);
		sync(a, b);
		expect(texts(a, 'goals').sort()).toEqual(['from a', 'from b']);
		expect(ids(a, 'goals')).toEqual(ids(b, 'goals'));
	});

	it('concurrent inserts at the same position both survive, in the same order on both', () => {
		const { a, b, made } = seeded('matters', ['first', 'last']);
		const x = addItem(a, 'matters', { author: ME, text: 'x', index: 1 });
		const y = addItem(b, 'matters', { author: CLIN, text: 'y', index: 1 });
		// Same neighbours give the same key: the tie is broken by id.
		expect(getItem(a, 'matters', x)!.order).toBe(getItem(b, 'matters', y)!.order);
		sync(a, b);
		const middle = [x, y].sort();
		expect(ids(a, 'matters')).toEqual([made[0], ...middle, made[1]]);
		expect(ids(b, 'matters')).toEqual(ids(a, 'matters'));

		// Moving something between the tied pair still lands exactly there.
		moveItemTo(a, 'matters', made[1]!, 2);
		expect(ids(a, 'matters')).toEqual([made[0], middle[0], made[1], middle[1]]);
		sync(a, b);
		expect(ids(b, 'matters')).toEqual(ids(a, 'matters'));
		expect(validateBoardShape(b)).toEqual([]);
	});

	it('concurrent appends at the end both survive in the same order', () => {
		const { a, b } = seeded('today', ['agenda']);
		for (let i = 0; i < 3; i++) {
			addItem(a, 'today', { author: ME, text: `a${i}` });
			addItem(b, 'today', { author: CLIN, text: `b${i}` });
		}
		sync(a, b);
		expect(texts(a, 'today')).toHaveLength(7);
		expect(texts(a, 'today')[0]).toBe('agenda');
		expect(texts(b, 'today')).toEqual(texts(a, 'today'));
	});

	it('concurrent moves of the same item: it appears once, both converge', () => {
		const { a, b, made } = seeded('strengths', ['s0', 's1', 's2', 's3']);
		moveItemTo(a, 'strengths', made[2]!, 0);
		moveItemTo(b, 'strengths', made[2]!, 3);
		sync(a, b);
		const order = ids(a, 'strengths');
		expect(order).toHaveLength(4);
		expect(order.filter((id) => id === made[2])).toHaveLength(1);
		expect(new Set(order)).toEqual(new Set(made));
		expect(ids(b, 'strengths')).toEqual(order);
		// One of the two moves won, whole.
		expect([0, 3]).toContain(order.indexOf(made[2]!));
	});

	it('concurrent moves of different items converge without loss', () => {
		const { a, b, made } = seeded('people', ['p0', 'p1', 'p2', 'p3', 'p4']);
		moveItem(a, 'people', made[0]!, 'down');
		moveItemTo(b, 'people', made[4]!, 0);
		moveItem(b, 'people', made[2]!, 'up');
		sync(a, b);
		expect(new Set(ids(a, 'people'))).toEqual(new Set(made));
		expect(ids(a, 'people')).toHaveLength(5);
		expect(ids(b, 'people')).toEqual(ids(a, 'people'));
	});

	it('concurrent move and delete of the same item: gone on both, nothing throws', () => {
		const { a, b, made } = seeded('obstacles', ['o0', 'o1', 'o2']);
		expect(moveItem(a, 'obstacles', made[1]!, 'up')).toBe(true); // sets order on the nested map
		expect(deleteItem(b, 'obstacles', made[1]!)).toBe(true); // removes it from the parent map
		expect(() => sync(a, b)).not.toThrow();
		for (const doc of [a, b]) {
			expect(ids(doc, 'obstacles')).toEqual([made[0], made[2]]);
			expect(getItem(doc, 'obstacles', made[1]!)).toBeUndefined();
			expect(validateBoardShape(doc)).toEqual([]);
		}
		// Later writes to the deleted id are refused quietly, never resurrecting it.
		expect(moveItem(a, 'obstacles', made[1]!, 'down')).toBe(false);
		expect(updateFields(a, 'obstacles', made[1]!, { area: 'money' }, ME)).toBe(false);
		sync(a, b);
		expect(ids(b, 'obstacles')).toEqual([made[0], made[2]]);
	});

	it('concurrent field edit, text edit and delete of the same item: gone, nothing throws', () => {
		const { a, b } = seeded('goals', []);
		const goal = addItem(a, 'goals', { author: ME, text: 'Walk' });
		sync(a, b);
		const liveText = getItemText(a, 'goals', goal)!;
		expect(updateFields(a, 'goals', goal, { importance: 9, okLooksLike: 'Every day' }, ME)).toBe(true);
		deleteItem(b, 'goals', goal);
		expect(() => sync(a, b)).not.toThrow();
		// A stale editor binding to the deleted text must not throw either.
		expect(() => liveText.insert(0, 'typing after delete ')).not.toThrow();
		expect(() => sync(a, b)).not.toThrow();
		for (const doc of [a, b]) {
			expect(listItems(doc, 'goals')).toEqual([]);
			expect(validateBoardShape(doc)).toEqual([]);
		}
	});

	it('concurrent delete on both replicas', () => {
		const { a, b, made } = seeded('notes', ['n0', 'n1']);
		expect(deleteItem(a, 'notes', made[0]!)).toBe(true);
		expect(deleteItem(b, 'notes', made[0]!)).toBe(true);
		expect(() => sync(a, b)).not.toThrow();
		expect(ids(a, 'notes')).toEqual([made[1]]);
		expect(ids(b, 'notes')).toEqual([made[1]]);
	});

	it('concurrent typing in one item merges by character', () => {
		const { a, b, made } = seeded('contingency', ['call my sister']);
		const id = made[0]!;
		getItemText(a, 'contingency', id)!.insert(0, 'First, ');
		setText(b, 'contingency', id, 'call my sister Jo', CLIN); // whole-text replace, as a form would
		sync(a, b);
		expect(getItem(a, 'contingency', id)!.text).toBe('First, call my sister Jo');
		expect(getItem(b, 'contingency', id)!.text).toBe('First, call my sister Jo');
	});

	it('concurrent typing at the same spot keeps both words', () => {
		const { a, b, made } = seeded('goodDay', ['I like ']);
		const id = made[0]!;
		getItemText(a, 'goodDay', id)!.insert(7, 'music');
		getItemText(b, 'goodDay', id)!.insert(7, 'tea');
		sync(a, b);
		const merged = getItem(a, 'goodDay', id)!.text;
		expect(['I like musictea', 'I like teamusic']).toContain(merged);
		expect(getItem(b, 'goodDay', id)!.text).toBe(merged);
	});

	it('concurrent edits of different fields of one step both survive', () => {
		const { a, b } = seeded('steps', []);
		const step = addItem(a, 'steps', { author: ME, text: 'Phone the GP' });
		sync(a, b);
		updateFields(a, 'steps', step, { status: 'done' }, ME);
		updateFields(b, 'steps', step, { dueDate: '2025-06-01', owner: CLIN }, CLIN);
		sync(a, b);
		for (const doc of [a, b]) {
			const s = getItem(doc, 'steps', step)!;
			expect(s).toMatchObject({ status: 'done', dueDate: '2025-06-01', owner: CLIN });
			expect(s.doneAt).not.toBeNull();
		}
		expect(getItem(a, 'steps', step)).toEqual(getItem(b, 'steps', step));
	});

	it('random concurrent sessions converge with every surviving item exactly once', () => {
		let seed = clientIds[0] * 7919;
		const rand = (n: number) => {
			seed = (seed * 1103515245 + 12345) % 2147483648;
			return seed % n;
		};
		const [a, b] = replicas(clientIds);
		const docs = [a, b];
		for (let round = 0; round < 30; round++) {
			for (const doc of docs) {
				for (let op = 0; op < 4; op++) {
					const current = ids(doc, 'steps');
					const pick = current[rand(Math.max(1, current.length))];
					const r = rand(4);
					if (r === 0 || !pick) addItem(doc, 'steps', { author: ME, text: `r${round}`, index: rand(current.length + 1) });
					else if (r === 1) moveItemTo(doc, 'steps', pick, rand(current.length));
					else if (r === 2) moveItem(doc, 'steps', pick, rand(2) ? 'up' : 'down');
					else if (rand(3) === 0) deleteItem(doc, 'steps', pick);
					else updateFields(doc, 'steps', pick, { text: `edited ${round}` }, CLIN);
				}
			}
			if (rand(3) === 0) sync(a, b);
		}
		sync(a, b);
		const final = ids(a, 'steps');
		expect(final.length).toBeGreaterThan(0);
		expect(new Set(final).size).toBe(final.length);
		expect(ids(b, 'steps')).toEqual(final);
		expect(listItems(b, 'steps')).toEqual(listItems(a, 'steps'));
		expect(validateBoardShape(a)).toEqual([]);
	});
});
