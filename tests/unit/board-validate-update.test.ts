import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addItem, findUpdateProblem, initBoard, updateFields } from '../../src/lib/board/index.js';

function updateOf(change: (doc: Y.Doc) => void, base?: Y.Doc): Uint8Array {
	const doc = new Y.Doc();
	if (base) Y.applyUpdate(doc, Y.encodeStateAsUpdate(base));
	const before = Y.encodeStateVector(doc);
	change(doc);
	return Y.encodeStateAsUpdate(doc, before);
}

describe('findUpdateProblem', () => {
	it('accepts what the model writes: init, new items, edits, deletes', () => {
		const base = new Y.Doc();
		initBoard(base);
		const id = addItem(base, 'goals', { author: 'u1', text: 'Walk' });
		expect(findUpdateProblem(Y.encodeStateAsUpdate(base))).toBeNull();
		expect(findUpdateProblem(updateOf((doc) => addItem(doc, 'steps', { author: 'u1', text: 'Buy shoes' }), base))).toBeNull();
		expect(findUpdateProblem(updateOf((doc) => updateFields(doc, 'goals', id, { importance: 7 }, 'u2'), base))).toBeNull();
		expect(findUpdateProblem(updateOf((doc) => doc.getMap('section:goals').delete(id), base))).toBeNull();
	});

	it('accepts the saved copy of a board where an item was added and then deleted', () => {
		const doc = new Y.Doc();
		initBoard(doc);
		addItem(doc, 'matters', { author: 'u1', text: 'Stays' });
		const gone = addItem(doc, 'matters', { author: 'u1', text: 'Goes' });
		doc.getMap('section:matters').delete(gone);
		// What a reopened page sends from its offline copy: deleted entries as deleted content.
		const update = Y.encodeStateAsUpdate(doc);
		expect(Y.decodeUpdate(update).structs.some((s) => s instanceof Y.Item && s.content instanceof Y.ContentDeleted)).toBe(true);
		expect(findUpdateProblem(update)).toBeNull();
	});

	it.each([
		['an unknown top-level type', (doc: Y.Doc) => doc.getMap('junk').set('a', 1), /unknown top-level type junk/],
		['an unknown section', (doc: Y.Doc) => doc.getMap('section:nope').set('a', new Y.Map()), /unknown top-level type/],
		['a plain value in a section', (doc: Y.Doc) => doc.getMap('section:matters').set('a', 'text'), /holds only item maps/],
		['a text where an item map belongs', (doc: Y.Doc) => doc.getMap('section:matters').set('a', new Y.Text('x')), /holds only item maps/],
		['another meta key', (doc: Y.Doc) => doc.getMap('meta').set('owner', 'me'), /unknown meta key owner/],
		['a top-level array', (doc: Y.Doc) => doc.getArray('section:matters').insert(0, [1]), /holds only item maps/],
		['a sub-document', (doc: Y.Doc) => doc.getMap('section:matters').set('a', new Y.Doc()), /sub-documents/],
		['binary content', (doc: Y.Doc) => doc.getMap('meta').set('schemaVersion', new Uint8Array([1])), /binary/]
	])('refuses %s', (_name, change, message) => {
		expect(findUpdateProblem(updateOf(change))).toMatch(message);
	});

	it('lets members attribute words to each other, but never to someone not on the plan', () => {
		const members = new Set(['person', 'clinician']);
		const isMember = (id: string) => members.has(id);
		const base = new Y.Doc();
		initBoard(base);
		const goal = addItem(base, 'goals', { author: 'person', text: 'Walk' });
		// Speaking as the person, from the clinician's device.
		expect(findUpdateProblem(updateOf((doc) => addItem(doc, 'matters', { author: 'person', text: 'My words' }), base), { isMember })).toBeNull();
		expect(findUpdateProblem(updateOf((doc) => updateFields(doc, 'goals', goal, { importance: 5 }, 'clinician'), base), { isMember })).toBeNull();
		expect(findUpdateProblem(updateOf((doc) => addItem(doc, 'steps', { author: 'person', owner: null, text: 'x' }), base), { isMember })).toBeNull();
		expect(findUpdateProblem(updateOf((doc) => addItem(doc, 'matters', { author: 'stranger', text: 'Not mine' }), base), { isMember })).toMatch(/author names someone who is not on this plan/);
		// An overwrite names its key only through the value before it: in the board's document.
		expect(findUpdateProblem(updateOf((doc) => updateFields(doc, 'goals', goal, { importance: 5 }, 'stranger'), base), { isMember, doc: base })).toMatch(/updatedBy names/);
		expect(findUpdateProblem(updateOf((doc) => addItem(doc, 'steps', { author: 'person', owner: 'stranger', text: 'x' }), base), { isMember })).toMatch(/owner names/);
		// Without a member list, ids are not checked (the model's own unit use).
		expect(findUpdateProblem(updateOf((doc) => addItem(doc, 'matters', { author: 'stranger', text: 'x' }), base))).toBeNull();
	});

	it('refuses bytes that are not an update, without throwing', () => {
		expect(findUpdateProblem(new Uint8Array([255, 255, 255, 255, 255, 1]))).toMatch(/not a Yjs update/);
		const valid = updateOf((doc) => addItem(doc, 'notes', { author: 'u', text: 'hello' }));
		expect(findUpdateProblem(valid.slice(0, valid.length - 5))).toMatch(/not a Yjs update/);
	});
});
