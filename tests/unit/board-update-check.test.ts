import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addItem, checkUpdate, createUndoManager, deleteItem, initBoard, keepDeletedAttribution, LIMITS, moveItem, updateFields, type UpdateWriter } from '../../src/lib/board/index.js';
import { forgeMapWrite, updateOf } from '../helpers/forge-update.js';

const members = new Set(['person', 'clinician', 'advocate', 'supporter']);
const as = (id: string): UpdateWriter => ({ id, personId: 'person', isMember: (m) => members.has(m) });
const clinician = as('clinician');

function board(): { doc: Y.Doc; goal: string; note: string } {
	const doc = new Y.Doc();
	initBoard(doc);
	const goal = addItem(doc, 'goals', { author: 'person', text: 'Take the bus to my daughter' });
	const note = addItem(doc, 'notes', { author: 'advocate', text: 'Called on Tuesday' });
	return { doc, goal, note };
}

const item = (doc: Y.Doc, section: string, id: string) => doc.getMap(`section:${section}`).get(id) as Y.Map<unknown>;
const check = (doc: Y.Doc, update: Uint8Array, writer: UpdateWriter = clinician) => checkUpdate(update, { doc, writer, maxUpdateBytes: 512 * 1024 });

describe('checkUpdate: what the model writes passes', () => {
	it('new items in every kind of section, edits, moves, typing and deletes', () => {
		const { doc, goal, note } = board();
		const changes: ((d: Y.Doc) => void)[] = [
			(d) => addItem(d, 'steps', { author: 'clinician', text: 'Buy a bus pass', owner: 'person', goalId: goal, dueDate: '2027-01-05' }),
			(d) => addItem(d, 'contingency', { author: 'clinician', text: 'My sister', kind: 'who_to_call', phone: '+44 7700 900123' }),
			(d) => addItem(d, 'people', { author: 'clinician', text: 'Ann', relationship: 'My neighbour' }),
			(d) => updateFields(d, 'goals', goal, { importance: 7, confidence: 4, status: 'working_on_it', okLooksLike: 'Once a week' }, 'clinician'),
			(d) => moveItem(d, 'notes', note, 'up'),
			(d) => (item(d, 'goals', goal).get('text') as Y.Text).insert(4, 'number 7 '),
			(d) => deleteItem(d, 'notes', note)
		];
		for (const change of changes) expect(check(doc, updateOf(doc, change))).toBeNull();
	});

	it('words recorded as the person’s, with who typed them', () => {
		const { doc } = board();
		expect(check(doc, updateOf(doc, (d) => addItem(d, 'matters', { author: 'person', recordedBy: 'clinician', text: 'My garden' })))).toBeNull();
	});

	it('a long text replaced in one go (the deletion is counted)', () => {
		const { doc, goal } = board();
		const long = 'a'.repeat(LIMITS.maxTextLength - 10);
		Y.applyUpdate(doc, updateOf(doc, (d) => updateFields(d, 'goals', goal, { text: long }, 'clinician')));
		const replace = updateOf(doc, (d) => {
			const text = item(d, 'goals', goal).get('text') as Y.Text;
			d.transact(() => {
				text.delete(0, text.length);
				text.insert(0, 'b'.repeat(LIMITS.maxTextLength));
			});
		});
		expect(check(doc, replace)).toBeNull();
	});

	it('an offline copy with items added and deleted since, sent whole', () => {
		const { doc } = board();
		const update = updateOf(doc, (d) => {
			addItem(d, 'matters', { author: 'clinician', text: 'Stays' });
			deleteItem(d, 'matters', addItem(d, 'matters', { author: 'clinician', text: 'Goes' }));
		});
		expect(check(doc, update)).toBeNull();
	});
});

describe('checkUpdate refuses', () => {
	const cases: [string, (d: Y.Doc, ids: { goal: string; note: string }) => void, RegExp][] = [
		['importance "banana"', (d, { goal }) => item(d, 'goals', goal).set('importance', 'banana'), /importance.*outside/],
		['an unknown field', (d, { goal }) => item(d, 'goals', goal).set('secret', 'x'), /unknown field "secret"/],
		['an invalid order', (d, { goal }) => item(d, 'goals', goal).set('order', '!!'), /order/],
		['an id that is not the key', (d, { goal }) => item(d, 'goals', goal).set('id', 'other'), /"id" must match/],
		['a status outside the list', (d, { goal }) => item(d, 'goals', goal).set('status', 'winning'), /status/],
		['a date that is not a date', (d, { goal }) => item(d, 'goals', goal).set('reviewDate', '2027-02-30'), /reviewDate/],
		['a nested map as a value', (d, { goal }) => item(d, 'goals', goal).set('importance', new Y.Map()), /importance/],
		['a map where text belongs', (d, { goal }) => item(d, 'goals', goal).set('text', new Y.Map()), /"text" must be text/],
		['control characters in text', (d, { goal }) => (item(d, 'goals', goal).get('text') as Y.Text).insert(0, 'a\u0000b'), /cannot be saved/],
		['formatting in text', (d, { goal }) => (item(d, 'goals', goal).get('text') as Y.Text).format(0, 2, { bold: true }), /formatting/],
		['an embed in text', (d, { goal }) => (item(d, 'goals', goal).get('text') as Y.Text).insertEmbed(0, { img: 'x' }), /formatting|encoding/],
		['an attribute on text', (d, { goal }) => (item(d, 'goals', goal).get('text') as Y.Text).setAttribute('k', 'v'), /no attributes/],
		['a schema version from a client', (d) => d.getMap('meta').set('schemaVersion', 99), /only the server/],
		['any other meta key', (d) => d.getMap('meta').set('owner', 'me'), /only the server/],
		['removing the schema version', (d) => d.getMap('meta').delete('schemaVersion'), /only the server/],
		['removing an item’s id', (d, { goal }) => item(d, 'goals', goal).delete('id'), /"id" cannot be removed/],
		['an item without its fields', (d) => d.getMap('section:goals').set('x1', new Y.Map()), /needs "id"/],
		[
			'a new item whose field is removed in the same change',
			(d) => d.transact(() => item(d, 'goals', addItem(d, 'goals', { author: 'clinician', text: 'x' })).delete('createdAt')),
			/needs "createdAt"/
		],
		['a plain value in a section', (d) => d.getMap('section:matters').set('a', 'text'), /holds only items/],
		['an unknown top-level type', (d) => d.getMap('junk').set('a', 1), /unknown top-level type junk/],
		['a top-level array under a section name', (d) => d.getArray('section:matters').insert(0, [1]), /holds only items/],
		['a sub-document', (d) => d.getMap('section:matters').set('a', new Y.Doc()), /sub-documents/],
		['binary content', (d, { goal }) => item(d, 'goals', goal).set('importance', new Uint8Array([1])), /binary/],
		['a step owned by a stranger', (d) => addItem(d, 'steps', { author: 'clinician', text: 'x', owner: 'stranger' }), /owner/]
	];
	it.each(cases)('%s', (_name, change, message) => {
		const { doc, goal, note } = board();
		const refusal = check(doc, updateOf(doc, (d) => change(d, { goal, note })));
		expect(refusal?.message).toMatch(message);
	});

	it('a text over the limit, at once or a character at a time', () => {
		const { doc, goal } = board();
		expect(check(doc, updateOf(doc, (d) => (item(d, 'goals', goal).get('text') as Y.Text).insert(0, 'x'.repeat(15_000))))?.message).toMatch(/at most 10000/);
		const text = item(doc, 'goals', goal).get('text') as Y.Text;
		text.insert(0, 'y'.repeat(LIMITS.mergedTextLength - text.length));
		expect(check(doc, updateOf(doc, (d) => (item(d, 'goals', goal).get('text') as Y.Text).insert(0, 'z')))?.message).toMatch(/at most 10000/);
	});

	it('two people typing into one full text at once: both changes merge', () => {
		const { doc, goal } = board();
		const text = item(doc, 'goals', goal).get('text') as Y.Text;
		text.insert(0, 'y'.repeat(LIMITS.maxTextLength - 5 - text.length));
		const first = updateOf(doc, (d) => (item(d, 'goals', goal).get('text') as Y.Text).insert(0, 'aaaaa'));
		const second = updateOf(doc, (d) => (item(d, 'goals', goal).get('text') as Y.Text).insert(0, 'bbbbb'));
		expect(check(doc, first)).toBeNull();
		Y.applyUpdate(doc, first);
		expect(check(doc, second, as('advocate'))).toBeNull();
	});

	it('more items than a section may hold', () => {
		const doc = new Y.Doc();
		initBoard(doc);
		for (let i = 0; i < LIMITS.maxItemsPerSection; i++) addItem(doc, 'notes', { author: 'clinician', text: `n${i}` });
		// Beyond what the model adds: as many as concurrent additions could merge to.
		const notes = doc.getMap('section:notes');
		for (let i = LIMITS.maxItemsPerSection; i < LIMITS.mergedItemsPerSection; i++) {
			const map = new Y.Map<unknown>();
			notes.set(`extra${i}`, map);
		}
		const forged = updateOf(doc, (d) => {
			const map = new Y.Map<unknown>();
			d.getMap('section:notes').set('extra1', map);
			for (const [k, v] of Object.entries({ id: 'extra1', order: 'a0', author: 'clinician', createdAt: 1, updatedAt: 1, updatedBy: 'clinician' })) map.set(k, v);
			map.set('text', new Y.Text('one too many'));
		});
		expect(check(doc, forged)?.message).toMatch(/at most 500 items/);
	});

	it('an update over the byte budget', () => {
		const { doc } = board();
		const refusal = checkUpdate(updateOf(doc, (d) => addItem(d, 'notes', { author: 'clinician', text: 'x'.repeat(5000) })), { doc, writer: clinician, maxUpdateBytes: 1000 });
		expect(refusal?.kind).toBe('too-large');
	});

	it('bytes that are not an update, without throwing', () => {
		const { doc } = board();
		expect(check(doc, new Uint8Array([255, 255, 255, 255, 255, 1]))?.message).toMatch(/not a Yjs update/);
		const valid = updateOf(doc, (d) => addItem(d, 'notes', { author: 'clinician', text: 'hello' }));
		expect(check(doc, valid.slice(0, valid.length - 5))?.kind).toBe('refused');
	});

	it('an update that builds on changes the board does not have, as recoverable', () => {
		const { doc, goal } = board();
		const ahead = new Y.Doc();
		Y.applyUpdate(ahead, Y.encodeStateAsUpdate(doc));
		(item(ahead, 'goals', goal).get('text') as Y.Text).insert(0, 'first ');
		const before = Y.encodeStateVector(ahead);
		(item(ahead, 'goals', goal).get('text') as Y.Text).insert(0, 'second ');
		expect(check(doc, Y.encodeStateAsUpdate(ahead, before))?.kind).toBe('missing');
	});
});

describe('checkUpdate: attribution cannot be forged', () => {
	const add = (author: string, recordedBy?: string) => (d: Y.Doc) => addItem(d, 'matters', { author, recordedBy, text: 'words' });

	it.each([
		['the clinician, sent by the peer advocate', add('clinician'), as('advocate')],
		['a supporter, who cannot write', add('supporter'), clinician],
		['someone not on the plan', add('stranger'), clinician],
		['the person, without saying who typed it', add('person'), clinician],
		['the person, typed by someone else than the sender', add('person', 'advocate'), clinician]
	])('author as %s', (_name, change, writer) => {
		const { doc } = board();
		expect(check(doc, updateOf(doc, change), writer)?.kind).toMatch(/refused|not-a-member/);
	});

	it('"last changed by" someone else', () => {
		const { doc, goal } = board();
		expect(check(doc, updateOf(doc, (d) => updateFields(d, 'goals', goal, { importance: 5 }, 'advocate')))?.message).toMatch(/updatedBy/);
	});

	it.each([
		['the older JSON encoding', (v: string) => new Y.ContentJSON([v])],
		['a value list', (v: string) => new Y.ContentAny([v, 'clinician'])]
	])('author in %s', (_name, content) => {
		const { doc, note } = board();
		expect(check(doc, updateOf(doc, (d) => forgeMapWrite(item(d, 'notes', note), 'author', content('stranger'))))).not.toBeNull();
	});

	it('an overwrite, whose key is known only through the value before it', () => {
		const { doc, note } = board();
		const update = updateOf(doc, (d) => forgeMapWrite(item(d, 'notes', note), 'author', new Y.ContentAny(['supporter'])));
		expect(Y.decodeUpdate(update).structs.some((s) => s instanceof Y.Item && s.parentSub === null && s.origin !== null)).toBe(true);
		expect(check(doc, update)?.message).toMatch(/author|recordedBy/);
	});
});

describe('checkUpdate: putting a deleted item back', () => {
	/** The server's copy, which keeps deleted items' attribution, and the person's, which deletes and undoes. */
	function deletedByThePerson(serverDoc: Y.Doc) {
		initBoard(serverDoc);
		const id = addItem(serverDoc, 'matters', { author: 'clinician', text: 'Time in the garden' });
		const personDoc = new Y.Doc();
		Y.applyUpdate(personDoc, Y.encodeStateAsUpdate(serverDoc));
		const undo = createUndoManager(personDoc, 0);
		const sent: Uint8Array[] = [];
		personDoc.on('update', (update: Uint8Array) => sent.push(update));
		deleteItem(personDoc, 'matters', id);
		Y.applyUpdate(serverDoc, sent.pop()!);
		undo.undo();
		return { id, restore: sent.pop()! };
	}

	it('keeps whose words they were, and is accepted from whoever puts it back', () => {
		const serverDoc = new Y.Doc({ gcFilter: keepDeletedAttribution });
		const { id, restore } = deletedByThePerson(serverDoc);
		expect(check(serverDoc, restore, as('person'))).toBeNull();
		Y.applyUpdate(serverDoc, restore);
		expect(item(serverDoc, 'matters', id).get('author')).toBe('clinician');
	});

	it('cannot bring an item back in someone else’s name', () => {
		const serverDoc = new Y.Doc({ gcFilter: keepDeletedAttribution });
		const { id } = deletedByThePerson(serverDoc);
		const forged = updateOf(serverDoc, (d) => {
			const map = new Y.Map<unknown>();
			d.getMap('section:matters').set(id, map);
			for (const [k, v] of Object.entries({ id, order: 'a0', author: 'advocate', createdAt: 1, updatedAt: 1, updatedBy: 'person' })) map.set(k, v);
			map.set('text', new Y.Text('Words never said'));
		});
		expect(check(serverDoc, forged, as('person'))?.message).toMatch(/author|recordedBy/);
	});

	it('needs the server to keep deleted items’ attribution', () => {
		const serverDoc = new Y.Doc();
		const { restore } = deletedByThePerson(serverDoc);
		expect(check(serverDoc, restore, as('person'))).not.toBeNull();
	});
});
