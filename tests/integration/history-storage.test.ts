/** Stored history: incremental catch-up, paging, filters and seen marks, on every kind of storage. */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addItem, deleteItem, initBoard, setText, updateFields } from '../../src/lib/board/index.js';
import { deriveEntries, type LoggedUpdate } from '../../src/lib/board/history/index.js';
import { catchUpHistory } from '../../src/lib/server/history.js';
import type { Storage } from '../../src/lib/server/storage.js';
import { newTestStore, STORAGE_KINDS, type StorageKind } from '../helpers/stores.js';

const NOW = 1_800_000_000_000;
const user = (id: string) => ({ id, email: `${id}@example.com`, name: `User ${id}`, passwordHash: 'hash', createdAt: NOW });

let storage: Storage;
let kind: StorageKind = 'sqlite';
afterEach(async () => storage?.close());

/** A board whose changes are appended to storage as the sync server would. */
async function boardWithLog() {
	storage = await (await newTestStore(kind)).open();
	for (const id of ['u1', 'u2']) await storage.users.create(user(id));
	await storage.boards.create({ id: 'b1', personName: 'Pat', ownerId: 'u1', createdBy: 'u1', createdAt: NOW }, 'person', {
		at: NOW, actorId: 'u1', boardId: 'b1', action: 'board.created', detail: {}
	});
	const doc = new Y.Doc();
	const pending: { data: Uint8Array; userId: string | null; at: number }[] = [];
	let sender: string | null = null;
	let at = NOW;
	doc.on('update', (data: Uint8Array) => pending.push({ data, userId: sender, at }));
	initBoard(doc);
	const flush = async () => {
		await storage.docs.append(pending.splice(0).map((p) => ({ boardId: 'b1', ...p })));
	};
	await flush();
	return {
		doc,
		async as<T>(who: string, act: () => T, later = 60_000): Promise<T> {
			at += later;
			sender = who;
			const result = act();
			sender = null;
			await flush();
			return result;
		}
	};
}

async function wholeLog(): Promise<LoggedUpdate[]> {
	return storage.history.updatesAfter('b1', 0, 1_000_000);
}

for (const each of STORAGE_KINDS) describe(`stored history: ${each}`, () => {
	beforeAll(() => {
		kind = each;
	});
	it('catches up in batches and across calls to the same entries as one pass', async () => {
		const b = await boardWithLog();
		const note = await b.as('u2', () => addItem(b.doc, 'notes', { author: 'u2', text: 'first' }));
		await catchUpHistory(storage, 'b1', 2);
		// Typing that carries on an entry stored by the catch-up before.
		await b.as('u2', () => setText(b.doc, 'notes', note, 'first words', 'u2'), 1000);
		const goal = await b.as('u1', () => addItem(b.doc, 'goals', { author: 'u1', text: 'Walk', confidence: 4 }));
		await b.as('u2', () => updateFields(b.doc, 'goals', goal, { confidence: 5 }, 'u2'));
		await b.as('u1', () => deleteItem(b.doc, 'notes', note));
		// Read a few updates per turn of the event loop, as in the background, and saved once per batch.
		const last = await catchUpHistory(storage, 'b1', 3, 1);
		const log = await wholeLog();
		expect(last).toBe(log.at(-1)!.seq);
		const stored = await storage.history.list('b1', { limit: 100 });
		expect(stored.reverse()).toEqual(deriveEntries(log).entries);
		expect(stored.find((e) => e.itemId === note && e.kind === 'added')!.detail.text).toBe('first words');
	});

	it('pages newest first by entry id and filters by sender and section', async () => {
		const b = await boardWithLog();
		for (let i = 0; i < 5; i++) await b.as(i % 2 ? 'u2' : 'u1', () => addItem(b.doc, i < 3 ? 'notes' : 'goals', { author: 'u1', text: `n${i}` }));
		await catchUpHistory(storage, 'b1');
		const first = await storage.history.list('b1', { limit: 2 });
		expect(first.map((e) => e.detail.text)).toEqual(['n4', 'n3']);
		const next = await storage.history.list('b1', { limit: 2, beforeId: first.at(-1)!.id });
		expect(next.map((e) => e.detail.text)).toEqual(['n2', 'n1']);
		expect((await storage.history.list('b1', { limit: 9, senderId: 'u2' })).map((e) => e.detail.text)).toEqual(['n3', 'n1']);
		expect((await storage.history.list('b1', { limit: 9, section: 'goals' })).map((e) => e.detail.text)).toEqual(['n4', 'n3']);
		expect((await storage.history.senders('b1')).sort()).toEqual(['u1', 'u2']);
	});

	it('refuses to save over progress another catch-up has moved on', async () => {
		const b = await boardWithLog();
		await b.as('u1', () => addItem(b.doc, 'notes', { author: 'u1', text: 'x' }));
		const { entries, state } = deriveEntries(await wholeLog());
		expect(await storage.history.save('b1', 0, entries, state)).toBe(true);
		expect(await storage.history.save('b1', 0, entries, state)).toBe(false);
		expect((await storage.history.progress('b1'))!.lastSeq).toBe(state.lastSeq);
	});

	it('keeps what each member has seen, and never moves a mark back', async () => {
		await boardWithLog();
		await storage.history.markSeen('b1', 'u1', ['i1', 'i2'], 5);
		await storage.history.markSeen('b1', 'u1', ['i1'], 3);
		let seen = await storage.history.seen('b1', 'u1');
		expect([seen.all, seen.items.get('i1'), seen.items.get('i2')]).toEqual([0, 5, 5]);
		await storage.history.markSeen('b1', 'u1', null, 7);
		seen = await storage.history.seen('b1', 'u1');
		expect([seen.all, seen.items.size]).toEqual([7, 0]);
		expect((await storage.history.seen('b1', 'u2')).all).toBe(0);
	});

	it('tells who changed a plan last, and when someone else last did', async () => {
		const b = await boardWithLog();
		await b.as('u2', () => addItem(b.doc, 'notes', { author: 'u2', text: 'x' }));
		await b.as('u1', () => addItem(b.doc, 'notes', { author: 'u1', text: 'y' }));
		const [changes] = await storage.history.planChanges(['b1'], 'u1');
		expect(changes).toEqual({ boardId: 'b1', lastAt: NOW + 120_000, lastBy: 'u1', othersLastAt: NOW + 60_000 });
	});
});
