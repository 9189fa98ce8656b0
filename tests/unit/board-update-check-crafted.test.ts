/**
 * Hand-crafted updates that Yjs would integrate differently from how a naive reading of them
 * goes (found by attacking the check): each is refused, and the board keeps its rules.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addItem, checkUpdate, initBoard, keepDeletedAttribution, type UpdateWriter } from '../../src/lib/board/index.js';
import { chars, craft, id, newMap, newText, struct, value } from '../helpers/craft-update.js';
import { replicaOf } from '../helpers/forge-update.js';

const writer: UpdateWriter = { id: 'clinician', personId: 'person', isMember: (m) => ['person', 'clinician', 'advocate', 'supporter'].includes(m) };
const C = 424242;

function board() {
	const doc = new Y.Doc({ gcFilter: keepDeletedAttribution });
	initBoard(doc);
	const itemId = addItem(doc, 'goals', { author: 'person', recordedBy: 'clinician', text: 'hello' });
	const map = doc.getMap('section:goals').get(itemId) as Y.Map<unknown>;
	return { doc, itemId, map, current: (key: string) => map._map.get(key)! };
}
const check = (doc: Y.Doc, update: Uint8Array) => checkUpdate(update, { doc, writer, maxUpdateBytes: 512 * 1024 });

/** A new goal "evil" by client C: its map at C:0, then the given fields in order. */
function newGoal(fields: [string, Y.Item['content']][], extra: (Y.Item | Y.GC | Y.Skip)[] = []) {
	const P = id(C, 0);
	return [struct({ id: P, parent: 'section:goals', key: 'evil', content: newMap() }), ...fields.map(([key, content], i) => struct({ id: id(C, i + 1), parent: P, key, content })), ...extra];
}
const completeFields = (author = 'clinician'): [string, Y.Item['content']][] => [
	['id', value('evil')],
	['order', value('a0')],
	['author', value(author)],
	['createdAt', value(1)],
	['updatedAt', value(1)],
	['updatedBy', value('clinician')],
	['text', newText()]
];

describe('crafted updates the check refuses', () => {
	it('a struct the board holds part of, whose new part Yjs would place next to the version stamp', () => {
		// The server's own client wrote only the version stamp (its clock 0); the item came from a client.
		const doc = new Y.Doc({ gcFilter: keepDeletedAttribution });
		initBoard(doc);
		const client = replicaOf(doc);
		const itemId = addItem(client, 'goals', { author: 'clinician', text: 'hello' });
		Y.applyUpdate(doc, Y.encodeStateAsUpdate(client));
		const map = doc.getMap('section:goals').get(itemId) as Y.Map<unknown>;
		const server = doc.clientID;
		const firstChar = (map.get('text') as Y.Text)._start!.id;
		const update = craft([{ client: server, clock: 0, structs: [struct({ id: id(server, 0), origin: firstChar, content: chars('x9') })] }]);
		expect(check(doc, update)).toMatchObject({ kind: 'missing' });
	});

	it('a client listed twice, its first block hiding the items of the second', () => {
		const { doc } = board();
		const update = craft([
			{ client: C, clock: 0, structs: [new Y.GC(id(C, 0), 1)] },
			{ client: C, clock: 0, structs: newGoal(completeFields('mallory')) }
		]);
		expect(check(doc, update)?.message).toMatch(/listed twice|out of order/);
	});

	it('a gap (Skip) with an item’s fields after it', () => {
		const { doc } = board();
		const update = craft([{ client: C, clock: 0, structs: [struct({ id: id(C, 0), parent: 'section:goals', key: 'hollow', content: newMap() }), new Y.Skip(id(C, 1), 1)] }]);
		expect(check(doc, update)).toMatchObject({ kind: 'missing' });
	});

	it('a required field overwritten and the new value deleted again', () => {
		const { doc, current } = board();
		const update = craft([{ client: C, clock: 0, structs: [struct({ id: id(C, 0), origin: current('order').id, content: value('a0') })] }], [{ client: C, ranges: [[0, 1]] }]);
		expect(check(doc, update)?.message).toMatch(/"order" cannot be removed/);
	});

	it('a "replacement" placed before the current value, which Yjs deletes at once', () => {
		const { doc, current } = board();
		const old = current('author').id;
		const update = craft([{ client: C, clock: 0, structs: [struct({ id: id(C, 0), right: old, content: value('clinician') })] }], [{ client: old.client, ranges: [[old.clock, 1]] }]);
		expect(check(doc, update)?.message).toMatch(/where Yjs never puts one/);
	});

	it('a decoy author placed before the real one', () => {
		const { doc } = board();
		const update = craft([{ client: C, clock: 0, structs: newGoal(completeFields('person'), [struct({ id: id(C, 8), right: id(C, 3), content: value('clinician') })]) }]);
		expect(check(doc, update)).not.toBeNull();
	});

	it('delete ranges out of order, or listed twice', () => {
		const { doc } = board();
		const text = struct({ id: id(C, 8), parent: id(C, 7), content: chars('abc') });
		expect(check(doc, craft([{ client: C, clock: 0, structs: newGoal(completeFields(), [text]) }], [{ client: C, ranges: [[10, 1], [9, 1], [7, 1]] }]))?.message).toMatch(/out of order/);
		expect(check(doc, craft([{ client: C, clock: 0, structs: newGoal(completeFields(), [text]) }], [{ client: C, ranges: [[8, 1], [8, 1]] }]))?.message).toMatch(/out of order/);
	});

	it('a deletion of changes the board does not have', () => {
		const { doc } = board();
		expect(check(doc, craft([], [{ client: C, ranges: [[0, 5]] }]))).toMatchObject({ kind: 'missing' });
	});

	it('attribution left undefined', () => {
		const { doc } = board();
		const fields = completeFields().map(([key, content]): [string, Y.Item['content']] => (key === 'author' || key === 'updatedBy' ? [key, value(undefined)] : [key, content]));
		expect(check(doc, craft([{ client: C, clock: 0, structs: newGoal(fields) }]))?.message).toMatch(/not a user id/);
	});

	it('someone’s live item replaced with new words in their name', () => {
		const doc = new Y.Doc({ gcFilter: keepDeletedAttribution });
		initBoard(doc);
		const itemId = addItem(doc, 'goals', { author: 'advocate', text: 'the advocate wrote this' });
		const replica = replicaOf(doc);
		const before = Y.encodeStateVector(replica);
		replica.transact(() => {
			const map = new Y.Map<unknown>();
			replica.getMap('section:goals').set(itemId, map);
			for (const [k, v] of Object.entries({ id: itemId, order: 'a0', author: 'advocate', createdAt: 1, updatedAt: 2, updatedBy: 'clinician' })) map.set(k, v);
			map.set('text', new Y.Text('words the advocate never wrote'));
		});
		expect(check(doc, Y.encodeStateAsUpdate(replica, before))?.message).toMatch(/author|recordedBy/);
	});

	it('an XML hook where an item belongs, and "last changed" removed from an item', () => {
		const { doc, map } = board();
		const replica = replicaOf(doc);
		const before = Y.encodeStateVector(replica);
		replica.getMap('section:goals').set('hooked', new Y.XmlHook('hook'));
		expect(check(doc, Y.encodeStateAsUpdate(replica, before))).not.toBeNull();
		const other = replicaOf(doc);
		const sv = Y.encodeStateVector(other);
		(other.getMap('section:goals').get(map.get('id') as string) as Y.Map<unknown>).delete('updatedBy');
		expect(check(doc, Y.encodeStateAsUpdate(other, sv))?.message).toMatch(/"updatedBy" cannot be removed/);
	});
});
