import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	addItem,
	deleteItem,
	getItemText,
	initBoard,
	moveItemTo,
	restoreItem,
	setText,
	touchItem,
	updateFields
} from '../../src/lib/board/index.js';
import {
	GROUP_WINDOW_MS,
	HistoryDeriver,
	deriveEntries,
	describeEntry,
	type HistoryEntry,
	type LoggedUpdate
} from '../../src/lib/board/history/index.js';

const PAT = 'user-pat';
const LI = 'user-li';
const SAM = 'user-sam';
const NAMES: Record<string, string> = { [PAT]: 'Pat', [LI]: 'Dr Li Chen', [SAM]: 'Sam Okafor' };
const nameOf = (id: string | null) => (id ? (NAMES[id] ?? 'someone who has left the plan') : 'WhatMatters');

/** A board whose every transaction is logged as the server would: sender and time. */
function loggedBoard() {
	const doc = new Y.Doc();
	const log: LoggedUpdate[] = [];
	let sender: string | null = null;
	let now = Date.UTC(2025, 2, 11, 9, 0);
	doc.on('update', (data: Uint8Array) => log.push({ seq: log.length + 1, data, userId: sender, at: now }));
	initBoard(doc);
	return {
		doc,
		log,
		as<T>(who: string, act: () => T): T {
			sender = who;
			try {
				return act();
			} finally {
				sender = null;
			}
		},
		wait(ms: number) {
			now += ms;
		}
	};
}

/** Types text one character at a time, each its own update, as the editor does. */
function type(b: ReturnType<typeof loggedBoard>, who: string, section: 'goals' | 'notes' | 'today' | 'steps', id: string, words: string) {
	for (const ch of words) {
		b.as(who, () => {
			const text = getItemText(b.doc, section, id)!;
			text.insert(text.length, ch);
		});
		b.as(who, () => touchItem(b.doc, section, id, who));
		b.wait(1000);
	}
}

const sentences = (entries: HistoryEntry[]) => entries.map((e) => describeEntry(e, nameOf));

describe('history entries from the update log', () => {
	it('makes no entries for the server’s own writes', () => {
		const b = loggedBoard();
		expect(b.log.length).toBeGreaterThan(0);
		expect(deriveEntries(b.log).entries).toEqual([]);
	});

	it('reads an item added and then typed into as one "added" entry with its words', () => {
		const b = loggedBoard();
		const id = b.as(LI, () => addItem(b.doc, 'goals', { author: LI }));
		type(b, LI, 'goals', id, "Take the bus to my daughter's");
		const { entries } = deriveEntries(b.log);
		expect(entries).toHaveLength(1);
		expect(entries[0]).toMatchObject({ kind: 'added', senderId: LI, wordsOfId: null, section: 'goals', itemId: id, firstSeq: 2 });
		expect(entries[0]!.lastSeq).toBe(b.log.length - 1); // the last update only stamps the time
		expect(sentences(entries)[0]!.sentence).toBe("Dr Li Chen added a goal: 'Take the bus to my daughter's'");
		expect(sentences(entries)[0]!.typedBy).toBeNull();
	});

	it('records the real sender and whose words they are when speaking as someone', () => {
		const b = loggedBoard();
		const id = b.as(LI, () => addItem(b.doc, 'matters', { author: PAT, recordedBy: LI, text: 'My garden' }));
		b.wait(10 * 60 * 1000);
		b.as(LI, () => setText(b.doc, 'matters', id, 'My garden and my cat', LI, PAT));
		const { entries } = deriveEntries(b.log);
		expect(entries.map((e) => [e.kind, e.senderId, e.wordsOfId])).toEqual([
			['added', LI, PAT],
			['text', LI, PAT]
		]);
		expect(sentences(entries)[0]!.typedBy).toBe("typed by Dr Li Chen as Pat's words");
		expect(sentences(entries)[1]).toMatchObject({ before: 'My garden', after: 'My garden and my cat', typedBy: "typed by Dr Li Chen as Pat's words" });
	});

	it('an edit on a shared screen is the words of whoever was talking; an edit in one’s own name is not', () => {
		const b = loggedBoard();
		const id = b.as(LI, () => addItem(b.doc, 'goals', { author: LI, text: 'Walk more' }));
		b.wait(10 * 60 * 1000);
		// Typing straight into the words, as the editor does: the first keystroke's update carries the stamp.
		b.as(LI, () =>
			b.doc.transact(() => {
				getItemText(b.doc, 'goals', id)!.insert(9, '!');
				touchItem(b.doc, 'goals', id, LI, PAT);
			})
		);
		b.wait(10 * 60 * 1000);
		b.as(LI, () => updateFields(b.doc, 'goals', id, { status: 'working_on_it' }, LI, PAT));
		b.wait(10 * 60 * 1000);
		b.as(LI, () => setText(b.doc, 'goals', id, 'Walk more every day', LI));
		const later = deriveEntries(b.log).entries.slice(1);
		expect(later.map((e) => [e.kind, e.detail.field, e.wordsOfId])).toEqual([
			['text', 'text', PAT],
			['field', 'status', PAT],
			['text', 'text', null]
		]);
		expect(sentences(later)[0]!.typedBy).toBe("typed by Dr Li Chen as Pat's words");
		expect(sentences(later)[1]).toMatchObject({
			sentence: `Dr Li Chen changed "How it is going" from Not started yet to Working on it for 'Walk more!'`,
			typedBy: "typed by Dr Li Chen as Pat's words"
		});
		expect(sentences(later)[2]!.typedBy).toBeNull();
	});

	it('an edit of someone’s words in one’s own name is not put in their mouth', () => {
		const b = loggedBoard();
		const id = b.as(PAT, () => addItem(b.doc, 'matters', { author: PAT, text: 'My garden' }));
		b.wait(10 * 60 * 1000);
		b.as(LI, () => setText(b.doc, 'matters', id, 'My garden (spelling)', LI));
		expect(deriveEntries(b.log).entries.at(-1)).toMatchObject({ kind: 'text', senderId: LI, wordsOfId: null });
	});

	it('keeps the words a deleted item had, though Yjs forgets them', () => {
		const b = loggedBoard();
		const id = b.as(PAT, () => addItem(b.doc, 'today', { author: PAT, text: 'talk about' }));
		b.as(PAT, () => setText(b.doc, 'today', id, 'talk about sleep', PAT));
		b.wait(60_000);
		b.as(SAM, () => deleteItem(b.doc, 'today', id));
		const { entries } = deriveEntries(b.log);
		const deleted = entries.find((e) => e.kind === 'deleted')!;
		expect(deleted).toMatchObject({ senderId: SAM, itemId: id, detail: { text: 'talk about sleep' } });
		expect(describeEntry(deleted, nameOf).sentence).toBe("Sam Okafor deleted 'Our time today: talk about sleep'");
	});

	it('reads an item brought back from a version as brought back, not as new words', () => {
		const b = loggedBoard();
		const id = b.as(PAT, () => addItem(b.doc, 'today', { author: PAT, text: 'talk about sleep' }));
		const version = new Y.Doc();
		Y.applyUpdate(version, Y.encodeStateAsUpdate(b.doc));
		b.as(SAM, () => deleteItem(b.doc, 'today', id));
		b.as(LI, () => restoreItem(b.doc, version, id, LI));
		const last = deriveEntries(b.log).entries.at(-1)!;
		expect(last).toMatchObject({ kind: 'restored', senderId: LI, wordsOfId: null, itemId: id, detail: { text: 'talk about sleep' } });
		expect(describeEntry(last, nameOf).sentence).toBe("Dr Li Chen brought back 'Our time today: talk about sleep'");
	});

	it('says how a field changed, from what to what, with the field table’s label', () => {
		const b = loggedBoard();
		const id = b.as(PAT, () => addItem(b.doc, 'goals', { author: PAT, text: 'Walk more', confidence: 4 }));
		b.wait(60_000);
		b.as(LI, () => updateFields(b.doc, 'goals', id, { confidence: 5, status: 'working_on_it' }, LI));
		const fields = deriveEntries(b.log).entries.filter((e) => e.kind === 'field');
		expect(fields.map((e) => [e.detail.field, e.detail.from, e.detail.to, e.senderId])).toEqual([
			['confidence', 4, 5, LI],
			['status', 'not_started', 'working_on_it', LI]
		]);
		expect(sentences(fields).map((s) => s.sentence)).toEqual([
			`Dr Li Chen changed "How sure are you that you can do it?" from 4 to 5 for 'Walk more'`,
			`Dr Li Chen changed "How it is going" from Not started yet to Working on it for 'Walk more'`
		]);
	});

	it('reads a step set to done as "marked done"', () => {
		const b = loggedBoard();
		const id = b.as(PAT, () => addItem(b.doc, 'steps', { author: PAT, text: 'Call the housing office' }));
		b.as(SAM, () => updateFields(b.doc, 'steps', id, { status: 'done' }, SAM));
		const last = deriveEntries(b.log).entries.at(-1)!;
		expect(last).toMatchObject({ kind: 'done', senderId: SAM, detail: { from: 'not_started', to: 'done' } });
		expect(describeEntry(last, nameOf).sentence).toBe("Sam Okafor marked 'Call the housing office' done");
	});

	it('reports a move once, for the moved item only, with its old and new place', () => {
		const b = loggedBoard();
		const ids = ['one', 'two', 'three', 'four'].map((text) => b.as(PAT, () => addItem(b.doc, 'notes', { author: PAT, text })));
		b.wait(60_000);
		b.as(SAM, () => moveItemTo(b.doc, 'notes', ids[3]!, 0));
		const moves = deriveEntries(b.log).entries.filter((e) => e.kind === 'moved');
		expect(moves).toHaveLength(1);
		expect(moves[0]).toMatchObject({ itemId: ids[3], senderId: SAM, detail: { from: 4, to: 1 } });
		expect(describeEntry(moves[0]!, nameOf).sentence).toBe(`Sam Okafor moved 'four' in "Notes between visits" from place 4 to place 1`);
	});

	it('groups typing by one sender in one item within five minutes, and no further', () => {
		const b = loggedBoard();
		const id = b.as(PAT, () => addItem(b.doc, 'notes', { author: PAT, text: 'A' }));
		b.wait(GROUP_WINDOW_MS + 1);
		type(b, SAM, 'notes', id, 'bc'); // a new entry: another sender
		b.wait(GROUP_WINDOW_MS - 2000);
		type(b, SAM, 'notes', id, 'd'); // joins it: within the window of the last keystroke
		b.wait(GROUP_WINDOW_MS + 1);
		type(b, SAM, 'notes', id, 'e'); // a new entry: too long after
		type(b, PAT, 'notes', id, 'f'); // a new entry: another sender
		type(b, SAM, 'notes', id, 'g'); // a new entry: not consecutive
		const { entries } = deriveEntries(b.log);
		expect(entries.map((e) => [e.kind, e.senderId, e.detail.before, e.detail.after])).toEqual([
			['added', PAT, undefined, undefined],
			['text', SAM, 'A', 'Abcd'],
			['text', SAM, 'Abcd', 'Abcde'],
			['text', PAT, 'Abcde', 'Abcdef'],
			['text', SAM, 'Abcdef', 'Abcdefg']
		]);
	});

	it('keeps typing in two items apart even when it interleaves', () => {
		const b = loggedBoard();
		const a = b.as(PAT, () => addItem(b.doc, 'notes', { author: PAT }));
		const c = b.as(SAM, () => addItem(b.doc, 'notes', { author: SAM }));
		for (const ch of 'xyz') {
			type(b, PAT, 'notes', a, ch);
			type(b, SAM, 'notes', c, ch.toUpperCase());
		}
		const { entries } = deriveEntries(b.log);
		expect(entries.map((e) => [e.kind, e.senderId, e.detail.text])).toEqual([
			['added', PAT, 'xyz'],
			['added', SAM, 'XYZ']
		]);
	});

	it('shows the part of a long text that changed', () => {
		const b = loggedBoard();
		const long = 'word '.repeat(200);
		const id = b.as(PAT, () => addItem(b.doc, 'notes', { author: PAT, text: long }));
		b.wait(GROUP_WINDOW_MS + 1);
		b.as(SAM, () => setText(b.doc, 'notes', id, long.slice(0, 500) + 'CHANGED ' + long.slice(500), SAM));
		const text = deriveEntries(b.log).entries.find((e) => e.kind === 'text')!;
		expect(text.detail.after).toContain('CHANGED');
		expect(text.detail.before!.length).toBeLessThan(200);
		expect(text.detail.before!.startsWith('…')).toBe(true);
	});

	it('gives the same entries when carried on from any point as in one pass', () => {
		const b = loggedBoard();
		const goal = b.as(LI, () => addItem(b.doc, 'goals', { author: PAT, recordedBy: LI }));
		type(b, LI, 'goals', goal, 'Bus');
		const note = b.as(SAM, () => addItem(b.doc, 'notes', { author: SAM, text: 'x' }));
		b.as(PAT, () => updateFields(b.doc, 'goals', goal, { confidence: 5 }, PAT));
		type(b, SAM, 'notes', note, 'yz');
		b.as(SAM, () => moveItemTo(b.doc, 'notes', note, 0));
		b.as(PAT, () => deleteItem(b.doc, 'notes', note));
		const whole = deriveEntries(b.log).entries;
		expect(whole.length).toBeGreaterThanOrEqual(4);
		for (let split = 1; split < b.log.length; split++) {
			const first = deriveEntries(b.log.slice(0, split));
			// Through JSON and back, as storage keeps it (the document travels as bytes).
			const kept = JSON.parse(JSON.stringify({ ...first.state, doc: [...first.state.doc] }));
			const second = deriveEntries(b.log.slice(split), { ...kept, doc: new Uint8Array(kept.doc) });
			const merged = new Map<number, HistoryEntry>();
			for (const e of [...first.entries, ...second.entries]) merged.set(e.id, e);
			expect([...merged.values()], `split at ${split}`).toEqual(whole);
		}
	});

	it('skips updates it has read already', () => {
		const b = loggedBoard();
		b.as(PAT, () => addItem(b.doc, 'notes', { author: PAT, text: 'once' }));
		const deriver = new HistoryDeriver();
		for (const u of [...b.log, ...b.log]) deriver.apply(u);
		expect(deriver.takeChanged()).toHaveLength(1);
		expect(deriver.seq).toBe(b.log.length);
	});

	it('names someone no longer known plainly', () => {
		const b = loggedBoard();
		b.as('user-gone', () => addItem(b.doc, 'notes', { author: 'user-gone', text: 'hi' }));
		expect(sentences(deriveEntries(b.log).entries)[0]!.sentence).toBe("Someone who has left the plan wrote a note: 'hi'");
	});
});
