/**
 * A long plan whose history was never read: its first history page is read from the newest
 * stored state of the document, not by deriving the whole log, on every kind of storage. Work
 * is counted as stored updates read; how long it takes is measured in bench/history.ts.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addItem, deleteItem, getItemText, initBoard, listItems, updateFields, type SectionKey } from '../../src/lib/board/index.js';
import { catchUpHistory } from '../../src/lib/server/history.js';
import { historyPage } from '../../src/lib/server/history-page.js';
import { RECENT_MOST } from '../../src/lib/server/history-now.js';
import type { Storage } from '../../src/lib/server/storage.js';
import type { Logger } from '../../src/lib/server/logger.js';
import { compactBoard } from '../../server/sync/compaction.js';
import { newTestStore, STORAGE_KINDS, type StorageKind } from '../helpers/stores.js';

const NOW = 1_800_000_000_000;
const UPDATES = 6_000;
/** Every this many stored updates the sync server compacts (its default `compactEvery`). */
const COMPACT_EVERY = 500;
const quiet: Logger = { error() {}, warn() {}, info() {}, debug() {} };
const ANY = { who: null, section: null, before: null };

let storage: Storage;
let kind: StorageKind = 'sqlite';
afterEach(async () => storage?.close());

/** A plan of UPDATES stored updates, compacted as the sync server would, its history never read. */
async function longPlan(): Promise<void> {
	storage = await (await newTestStore(kind)).open();
	for (const id of ['u1', 'u2', 'u3']) await storage.users.create({ id, email: `${id}@example.com`, name: id, passwordHash: 'x', createdAt: NOW });
	await storage.boards.create({ id: 'b1', personName: 'Pat', ownerId: 'u1', createdBy: 'u1', createdAt: NOW }, 'person', {
		at: NOW, actorId: 'u1', boardId: 'b1', action: 'board.created', detail: {}
	});
	const doc = new Y.Doc();
	const pending: { data: Uint8Array; userId: string | null; at: number }[] = [];
	let sender: string | null = null;
	let at = NOW;
	doc.on('update', (data: Uint8Array) => pending.push({ data, userId: sender, at }));
	initBoard(doc);
	const sections: SectionKey[] = ['matters', 'goals', 'steps', 'notes'];
	let stored = 0;
	for (let step = 0; stored + pending.length < UPDATES; step++) {
		// Runs of ten keystrokes by one person, and now and then an item added, changed or deleted.
		sender = ['u1', 'u2', 'u3'][Math.floor(step / 10) % 3]!;
		at += 20_000;
		const section = sections[Math.floor(step / 40) % sections.length]!;
		const items = listItems(doc, section);
		if (items.length < 4 || step % 97 === 0) addItem(doc, section, { author: sender, text: `Item ${step} ` });
		else if (step % 131 === 1) deleteItem(doc, section, items[0]!.id);
		else if (step % 53 === 2 && section === 'goals') updateFields(doc, 'goals', items[0]!.id, { confidence: step % 11 }, sender);
		else getItemText(doc, section, items[Math.floor(step / 10) % items.length]!.id)!.insert(0, String.fromCharCode(97 + (step % 26)));
		if (pending.length >= 100) {
			stored += (await storage.docs.append(pending.splice(0).map((p) => ({ boardId: 'b1', ...p })))).length;
			if (stored % COMPACT_EVERY === 0) expect(await compactBoard('b1', storage, quiet)).not.toBeNull();
		}
	}
	await storage.docs.append(pending.splice(0).map((p) => ({ boardId: 'b1', ...p })));
}

/** The same storage, counting every stored update handed out to be read. */
function counting(inner: Storage) {
	const read = { updates: 0 };
	const counted: Storage = {
		...inner,
		history: {
			...inner.history,
			updatesAfter: async (...args) => {
				const found = await inner.history.updatesAfter(...args);
				read.updates += found.length;
				return found;
			}
		},
		versions: {
			...inner.versions,
			readFor: async (...args) => {
				const found = await inner.versions.readFor(...args);
				read.updates += found.updates.length;
				return found;
			}
		},
		docs: {
			...inner.docs,
			load: async (...args) => {
				const found = await inner.docs.load(...args);
				read.updates += found.updates.length;
				return found;
			}
		}
	};
	return { storage: counted, read };
}

/** What an entry says, without the ids and first updates a provisional read cannot know. */
const said = (e: { kind: string; itemId: string; senderId: string | null; lastSeq: number; detail: unknown }) => [e.kind, e.itemId, e.senderId, e.lastSeq, e.detail];

for (const each of STORAGE_KINDS) describe(`first open of a long history: ${each}`, () => {
	beforeAll(() => {
		kind = each;
	});

	it('answers the first page from the newest updates and leaves the whole log to the background', async () => {
		await longPlan();
		const last = await storage.versions.lastSeq('b1');
		expect(last).toBeGreaterThanOrEqual(UPDATES);
		const { storage: counted, read } = counting(storage);
		const started: string[] = [];
		const first = await historyPage(counted, 'b1', ANY, 50, (_, boardId) => started.push(boardId));

		// Work done: a bounded tail of the log, never the whole of it, and nothing derived is waited for.
		expect(read.updates).toBeGreaterThan(0);
		expect(read.updates).toBeLessThanOrEqual(RECENT_MOST);
		expect(read.updates).toBeLessThan(last / 2);
		expect(await storage.history.progressSeq('b1')).toBe(0);
		expect(started).toEqual(['b1']);
		expect(first.complete).toBe(false);
		expect(first.rows).toHaveLength(50);

		// Once the background catch-up is done, the stored history says the same newest changes.
		await catchUpHistory(storage, 'b1');
		read.updates = 0;
		const stored = await historyPage(counted, 'b1', ANY, 50, () => started.push('again'));
		expect(stored.complete).toBe(true);
		expect(started).toEqual(['b1']);
		expect(read.updates).toBe(0);
		expect(stored.rows.slice(0, 40).map(said)).toEqual(first.rows.slice(0, 40).map(said));
	}, 120_000);
});
