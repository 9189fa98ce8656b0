import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { compareOrder, isValidOrderKey, placeAt, type OrderEntry } from '../../src/lib/board/order.js';
import { replaceText } from '../../src/lib/board/text.js';
import { newId } from '../../src/lib/board/ids.js';
import {
	addItem,
	createUndoManager,
	deleteItem,
	getItem,
	getItemText,
	initBoard,
	listItems,
	observeBoard,
	updateFields,
	type BoardChange
} from '../../src/lib/board/index.js';

const sorted = (entries: OrderEntry[]) => [...entries].sort(compareOrder);
const ME = 'user-person';

describe('placeAt', () => {
	it('puts a key strictly between distinct neighbours without touching them', () => {
		const list = [
			{ id: 'a', order: 'a0' },
			{ id: 'b', order: 'a1' }
		];
		const p = placeAt(list, 1);
		expect(p.rekeyed).toEqual([]);
		expect(p.key > 'a0' && p.key < 'a1').toBe(true);
		expect(placeAt(list, 0).key < 'a0').toBe(true);
		expect(placeAt(list, 2).key > 'a1').toBe(true);
		expect(placeAt(list, 99).key > 'a1').toBe(true);
		expect(placeAt([], 0).key).toBe('a0');
	});

	it('between tied neighbours, re-keys only the tied run after the slot', () => {
		const list = sorted([
			{ id: 'p', order: 'a0' },
			{ id: 't1', order: 'a1' },
			{ id: 't2', order: 'a1' },
			{ id: 't3', order: 'a1' },
			{ id: 'z', order: 'a2' }
		]);
		const p = placeAt(list, 2); // between t1 and t2
		expect(p.rekeyed.map((e) => e.id)).toEqual(['t2', 't3']);
		const next = list.map((e) => p.rekeyed.find((r) => r.id === e.id) ?? e);
		const result = sorted([...next, { id: 'new', order: p.key }]).map((e) => e.id);
		expect(result).toEqual(['p', 't1', 'new', 't2', 't3', 'z']);
	});

	it('falls back to re-keying everything when a stored key is invalid', () => {
		const list = sorted([
			{ id: 'a', order: 'a0' },
			{ id: 'b', order: '!!junk' },
			{ id: 'c', order: 'a5' }
		]);
		const p = placeAt(list, 1);
		const next = list.map((e) => p.rekeyed.find((r) => r.id === e.id) ?? e);
		for (const e of next) expect(isValidOrderKey(e.order)).toBe(true);
		expect(sorted([...next, { id: 'new', order: p.key }]).map((e) => e.id)).toEqual(['b', 'new', 'a', 'c']);
	});

	it('validates keys', () => {
		expect(isValidOrderKey('a0')).toBe(true);
		expect(isValidOrderKey('a0V')).toBe(true);
		for (const bad of ['', 'a', 'a00', '!!', 42, null, 'A00000000000000000000000000']) expect(isValidOrderKey(bad)).toBe(false);
	});
});

describe('replaceText', () => {
	const cases: [string, string][] = [
		['', 'hello'],
		['hello', ''],
		['hello world', 'hello there world'],
		['a😀b', 'a😁b'],
		['😀', '😀😀'],
		['x\uD83D\uDE00', 'x\uD83C\uDE00'],
		['same', 'same']
	];
	it.each(cases)('%j → %j', (from, to) => {
		const doc = new Y.Doc();
		const t = doc.getText('t');
		t.insert(0, from);
		expect(replaceText(t, to)).toBe(from !== to);
		expect(t.toString()).toBe(to);
	});

	it('keeps a concurrent insert elsewhere in the text', () => {
		const a = new Y.Doc();
		a.getText('t').insert(0, 'one two three');
		const b = new Y.Doc();
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		a.getText('t').insert(0, '>> ');
		replaceText(b.getText('t'), 'one 2 three');
		Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		expect(a.getText('t').toString()).toBe('>> one 2 three');
		expect(b.getText('t').toString()).toBe('>> one 2 three');
	});
});

describe('newId', () => {
	afterEach(() => vi.unstubAllGlobals());

	it('makes distinct UUID v4 ids', () => {
		const ids = new Set(Array.from({ length: 200 }, newId));
		expect(ids.size).toBe(200);
		for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
	});

	it('works without crypto.randomUUID (insecure http context)', () => {
		const real = globalThis.crypto;
		vi.stubGlobal('crypto', { getRandomValues: (a: Uint8Array) => real.getRandomValues(a) });
		const id = newId();
		expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
		expect(newId()).not.toBe(id);
	});
});

describe('observeBoard', () => {
	it('reports changed sections once per transaction, local and remote, until unsubscribed', () => {
		const a = new Y.Doc();
		const b = new Y.Doc();
		initBoard(a);
		const seen: BoardChange[] = [];
		const stop = observeBoard(b, (c) => seen.push(c));
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		expect(seen).toEqual([expect.objectContaining({ sections: [], meta: true, local: false })]);

		const goal = addItem(b, 'goals', { author: ME, text: 'Walk' });
		const step = addItem(b, 'steps', { author: ME, goalId: goal });
		expect(seen.at(-1)).toMatchObject({ sections: ['steps'], meta: false, local: true });
		deleteItem(b, 'goals', goal); // one transaction touching goals and steps
		expect(seen.at(-1)).toMatchObject({ sections: ['goals', 'steps'] });
		getItemText(b, 'steps', step)!.insert(0, 'typed'); // a change deep inside an item
		expect(seen.at(-1)).toMatchObject({ sections: ['steps'] });

		const count = seen.length;
		stop();
		addItem(b, 'today', { author: ME });
		expect(seen).toHaveLength(count);
	});
});

describe('createUndoManager', () => {
	it('undoes local writes, including a delete with its unlinks, but not remote ones', () => {
		const a = new Y.Doc();
		const b = new Y.Doc();
		initBoard(a);
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		const undo = createUndoManager(a, 0);
		const goal = addItem(a, 'goals', { author: ME, text: 'Walk' });
		const step = addItem(a, 'steps', { author: ME, goalId: goal });
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		addItem(b, 'today', { author: 'someone-else', text: 'remote' });
		Y.applyUpdate(a, Y.encodeStateAsUpdate(b));

		deleteItem(a, 'goals', goal);
		expect(getItem(a, 'steps', step)!.goalId).toBeNull();
		undo.undo();
		expect(listItems(a, 'goals').map((g) => g.text)).toEqual(['Walk']);
		expect(listItems(a, 'goals')[0]!.id).toBe(goal); // restored under the same id
		expect(getItem(a, 'steps', step)!.goalId).toBe(goal); // and relinked
		expect(listItems(a, 'today').map((t) => t.text)).toEqual(['remote']);

		updateFields(a, 'steps', step, { status: 'doing' }, ME);
		undo.undo();
		expect(getItem(a, 'steps', step)!.status).toBe('not_started');
	});
});
