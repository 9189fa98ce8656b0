import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addItem, getItem, initBoard, listItems, moveItem, setText, updateFields } from '../../src/lib/board/index.js';
import { CloseCode } from '../../src/lib/protocol/close-codes.js';
import { Announcer } from '../../src/lib/client/announcer.svelte.js';
import { BoardEditor } from '../../src/lib/client/board-editor.svelte.js';
import { BoardView } from '../../src/lib/client/board-view.svelte.js';
import { closeEffect, connectionStatus, type ConnectionFacts } from '../../src/lib/client/connection-state.js';
import { displayValue, formatIsoDate } from '../../src/lib/client/field-display.js';
import { MemberDirectory, type Member } from '../../src/lib/client/members.js';
import { readPeer } from '../../src/lib/client/presence.svelte.js';
import { fieldSpec } from '../../src/lib/board/index.js';

const PERSON: Member = { id: 'user-person', name: 'Sam', role: 'person' };
const CLIN: Member = { id: 'user-clin', name: 'Alex', role: 'clinician' };
const ADVOCATE: Member = { id: 'user-adv', name: 'Jo', role: 'peer_advocate' };

function board(): Y.Doc {
	const doc = new Y.Doc();
	initBoard(doc);
	return doc;
}

describe('connectionStatus', () => {
	const base: ConnectionFacts = {
		browserOnline: true,
		socket: 'connecting',
		synced: false,
		hadDrop: false,
		finalCode: null,
		troubleCode: null,
		tooNew: false
	};
	const status = (f: Partial<ConnectionFacts>) => connectionStatus({ ...base, ...f });

	it('is connecting at first, live once synced, reconnecting after a drop', () => {
		expect(status({})).toBe('connecting');
		expect(status({ socket: 'connected' })).toBe('connecting');
		expect(status({ socket: 'connected', synced: true })).toBe('live');
		expect(status({ socket: 'disconnected', hadDrop: true })).toBe('reconnecting');
		// Backing off between attempts does not flicker between words.
		expect(status({ socket: 'connecting', hadDrop: true })).toBe('reconnecting');
	});

	it('says offline when the browser is, and final refusals beat everything', () => {
		expect(status({ browserOnline: false, socket: 'disconnected', hadDrop: true })).toBe('offline');
		expect(status({ finalCode: CloseCode.Unauthorized, browserOnline: false })).toBe('signed-out');
		expect(status({ finalCode: CloseCode.Forbidden })).toBe('no-access');
	});

	it('reports trouble while retrying, until a sync succeeds; and a newer board always', () => {
		expect(status({ hadDrop: true, troubleCode: CloseCode.StorageFailed })).toBe('error');
		expect(status({ socket: 'connected', synced: true, troubleCode: CloseCode.StorageFailed })).toBe('live');
		expect(status({ socket: 'connected', synced: true, tooNew: true })).toBe('error');
	});
});

describe('closeEffect', () => {
	it('stops only when the person must act, reloads rights on a role change, retries the rest', () => {
		expect(closeEffect(CloseCode.Unauthorized)).toBe('final');
		expect(closeEffect(CloseCode.Forbidden)).toBe('final');
		expect(closeEffect(CloseCode.RoleChanged)).toBe('role-changed');
		expect(closeEffect(CloseCode.InternalError)).toBe('trouble');
		expect(closeEffect(CloseCode.StorageFailed)).toBe('trouble');
		expect(closeEffect(CloseCode.Malformed)).toBe('trouble');
		expect(closeEffect(CloseCode.MissingChanges)).toBe('retry');
		expect(closeEffect(CloseCode.GoingAway)).toBe('retry');
		expect(closeEffect(1006)).toBe('retry');
	});

	it('keeps every recoverable code out of the range the stock y-websocket client treats as final', () => {
		const stockIsFinal = (code: number) => code >= 4400 && code < 4500;
		for (const code of [CloseCode.MissingChanges, CloseCode.RoleChanged, CloseCode.InternalError, CloseCode.StorageFailed, CloseCode.LoadFailed, CloseCode.GoingAway]) {
			expect(stockIsFinal(code), String(code)).toBe(false);
		}
		for (const code of [CloseCode.Unauthorized, CloseCode.Forbidden]) expect(stockIsFinal(code)).toBe(true);
	});
});

describe('readPeer', () => {
	it('accepts a well-formed state and rejects anything else', () => {
		expect(readPeer(7, { user: CLIN, editing: { section: 'goals', itemId: 'x' } })).toEqual({
			clientId: 7,
			user: CLIN,
			viewing: null,
			editing: { section: 'goals', itemId: 'x', field: null, caret: null },
			drafting: null
		});
		expect(readPeer(7, { user: CLIN, editing: { section: 'nope', itemId: 'x' } })?.editing).toBeNull();
		expect(readPeer(7, null)).toBeNull();
		expect(readPeer(7, { user: { id: 'a', name: 'A', role: 'boss' } })).toBeNull();
		expect(readPeer(7, { user: { id: '', name: 'A', role: 'person' } })).toBeNull();
		expect(readPeer(7, { user: { id: 'a', name: 'x'.repeat(201), role: 'person' } })).toBeNull();
	});
});

describe('MemberDirectory', () => {
	it('names authors, with "you" for me', () => {
		const people = new MemberDirectory([PERSON, CLIN], CLIN);
		expect(people.describe(CLIN.id)).toBe('you');
		expect(people.describe(PERSON.id)).toBe('Sam (Person)');
		expect(people.describe('gone')).toBe('someone who is not on this plan now');
		const partial = new MemberDirectory([PERSON, CLIN], CLIN, false);
		expect(partial.describe('hidden')).toBe('someone who helps write this plan');
	});

	it('offers "Me" to the person as a step owner, first, and keeps a departed owner', () => {
		const mine = new MemberDirectory([CLIN, PERSON, ADVOCATE], PERSON);
		expect(mine.ownerOptions(null)).toEqual([
			{ value: PERSON.id, label: 'Me' },
			{ value: CLIN.id, label: 'Alex (Clinician)' },
			{ value: ADVOCATE.id, label: 'Jo (Peer advocate)' }
		]);
		const theirs = new MemberDirectory([PERSON, CLIN], CLIN);
		expect(theirs.ownerOptions('gone').map((o) => o.label)).toEqual(['Sam (Person)', 'Alex (you)', 'Someone who is not on this plan now']);
		expect(theirs.ownerLabel(null)).toBe('Not decided yet');
	});
});

describe('displayValue', () => {
	it('says field values in words for readers', () => {
		const people = new MemberDirectory([PERSON], PERSON);
		expect(formatIsoDate('2025-05-03')).toBe('3 May 2025');
		expect(displayValue(fieldSpec('goals', 'importance')!, 7, people, [])).toBe('7 out of 10');
		expect(displayValue(fieldSpec('goals', 'status')!, 'changed_my_mind', people, [])).toBe('Changed my mind');
		expect(displayValue(fieldSpec('steps', 'owner')!, PERSON.id, people, [])).toBe('Me');
		expect(displayValue(fieldSpec('steps', 'goalId')!, 'dangling', people, [])).toBeNull();
		expect(displayValue(fieldSpec('goals', 'reviewDate')!, null, people, [])).toBeNull();
	});
});

describe('BoardView', () => {
	it('re-reads only changed sections and reports others\u2019 new items and finished steps', () => {
		const doc = board();
		const remote = board();
		const added: string[] = [];
		const done: string[] = [];
		const view = new BoardView(doc, {
			added: (section, items) => added.push(`${section}:${items.map((i) => i.text).join(',')}`),
			done: (step, local) => done.push(`${step.text}:${local}`)
		});
		const goalsBefore = view.items('goals');
		addItem(doc, 'matters', { author: PERSON.id, text: 'my dog' });
		expect(view.items('matters').map((i) => i.text)).toEqual(['my dog']);
		expect(view.items('goals')).toBe(goalsBefore);
		expect(added).toEqual([]); // my own additions are not announced to me

		const step = addItem(remote, 'steps', { author: CLIN.id, text: 'call the GP' });
		Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote, Y.encodeStateVector(doc)), 'remote');
		expect(added).toEqual(['steps:call the GP']);
		updateFields(doc, 'steps', step, { status: 'done' }, PERSON.id);
		expect(done).toEqual(['call the GP:true']);
		expect(view.items('steps')[0]!.status).toBe('done');
		view.destroy();
	});

	it('stays quiet while the board is first loading', () => {
		const doc = board();
		const remote = board();
		addItem(remote, 'today', { author: CLIN.id, text: 'agenda' });
		let settled = false;
		const added: string[] = [];
		const view = new BoardView(doc, { added: (s) => added.push(s) }, () => settled);
		Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote), 'remote');
		expect(view.items('today')).toHaveLength(1);
		expect(added).toEqual([]);
		settled = true;
		addItem(remote, 'today', { author: CLIN.id, text: 'more' });
		Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote, Y.encodeStateVector(doc)), 'remote');
		expect(added).toEqual(['today']);
	});
});

describe('BoardEditor', () => {
	it('credits new items to who is talking now and the change to me', () => {
		const doc = board();
		const editor = new BoardEditor(doc, CLIN.id, new Announcer(), { author: PERSON.id });
		const id = editor.add('matters', 'Seeing my grandchildren')!;
		const item = getItem(doc, 'matters', id)!;
		expect(item.author).toBe(PERSON.id);
		expect(item.text).toBe('Seeing my grandchildren');
		editor.update('matters', id, 'text', 'Seeing my grandchildren often');
		expect(getItem(doc, 'matters', id)!.updatedBy).toBe(CLIN.id);
	});

	it('keeps model errors per field instead of throwing', () => {
		const doc = board();
		const editor = new BoardEditor(doc, CLIN.id, new Announcer());
		const id = editor.add('contingency', 'My sister')!;
		expect(editor.update('contingency', id, 'phone', 'call me maybe')).toBe(false);
		expect(editor.errorFor(id, 'phone')).toMatch(/numbers/);
		expect(editor.update('contingency', id, 'phone', '0161 555 0100')).toBe(true);
		expect(editor.errorFor(id, 'phone')).toBeUndefined();
		expect(editor.update('goals', 'no-such', 'importance', 11)).toBe(false);
		expect(editor.errorFor('no-such', 'importance')).toMatch(/0 to 10/);
	});

	it('undoes exactly the delete, even after later edits here and elsewhere', () => {
		const doc = board();
		const other = board();
		const editor = new BoardEditor(doc, PERSON.id, new Announcer());
		const goal = editor.add('goals', 'Walk to the shop')!;
		const keep = editor.add('goals', 'Sleep better')!;
		const step = editor.add('steps', 'Buy shoes')!;
		editor.update('steps', step, 'goalId', goal);
		editor.update('goals', goal, 'importance', 8);

		expect(editor.remove('goals', goal, 'Walk to the shop')).toBe(true);
		expect(getItem(doc, 'steps', step)!.goalId).toBeNull();
		// Later edits: mine (typing, a move) and someone else's.
		setText(doc, 'goals', keep, 'Sleep better at night', PERSON.id);
		moveItem(doc, 'steps', step, 'up');
		Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
		addItem(other, 'notes', { author: ADVOCATE.id, text: 'Good week' });
		Y.applyUpdate(doc, Y.encodeStateAsUpdate(other, Y.encodeStateVector(doc)), 'remote');

		const note = editor.deleted[0]!;
		expect(note.preview).toBe('Walk to the shop');
		expect(editor.undoDelete(note)).toBe(goal);
		const back = getItem(doc, 'goals', goal)!;
		expect(back.text).toBe('Walk to the shop');
		expect(back.importance).toBe(8);
		expect(listItems(doc, 'goals').map((g) => g.id)).toEqual([goal, keep]);
		expect(getItem(doc, 'steps', step)!.goalId).toBe(goal);
		// The later edits stay.
		expect(getItem(doc, 'goals', keep)!.text).toBe('Sleep better at night');
		expect(listItems(doc, 'notes')).toHaveLength(1);
		expect(editor.deleted).toEqual([]);
	});
});
