/**
 * "Since your last visit" reads at most MOST changes: when others made more, the summary says
 * there were more instead of counting fewer without a word. On every kind of storage.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addItem, initBoard } from '../../src/lib/board/index.js';
import { MOST, sinceLastVisit } from '../../src/lib/server/since-last-visit.js';
import type { Logger } from '../../src/lib/server/logger.js';
import type { Storage } from '../../src/lib/server/storage.js';
import { newTestStore, STORAGE_KINDS, type StorageKind } from '../helpers/stores.js';

const NOW = 1_800_000_000_000;
const HOUR = 3_600_000;
const quiet: Logger = { error() {}, warn() {}, info() {}, debug() {} };

let storage: Storage;
let kind: StorageKind = 'sqlite';
afterEach(async () => storage?.close());

/** u1 visits, then u2 adds `notes` notes while u1 is away; the summary u1 gets on coming back. */
async function summaryAfter(notes: number) {
	storage = await (await newTestStore(kind)).open();
	for (const id of ['u1', 'u2']) await storage.users.create({ id, email: `${id}@example.com`, name: id, passwordHash: 'x', createdAt: NOW });
	const board = { id: 'b1', personName: 'Pat', ownerId: 'u1', createdBy: 'u1', createdAt: NOW };
	await storage.boards.create(board, 'person', { at: NOW, actorId: 'u1', boardId: 'b1', action: 'board.created', detail: {} });
	await storage.visits.touch('b1', 'u1', NOW);
	const doc = new Y.Doc();
	const pending: { data: Uint8Array; userId: string | null; at: number }[] = [];
	let sender: string | null = null;
	doc.on('update', (data: Uint8Array) => pending.push({ data, userId: sender, at: NOW + HOUR }));
	initBoard(doc);
	sender = 'u2';
	// A section holds at most 500 items: any beyond go to another, after the notes.
	for (let i = 0; i < notes; i++) addItem(doc, i < 500 ? 'notes' : 'matters', { author: 'u2', text: `Note ${i}` });
	await storage.docs.append(pending.map((p) => ({ boardId: 'b1', ...p })));
	const member = (await storage.members.get('b1', 'u1'))!;
	return sinceLastVisit(storage, board, member, NOW + 2 * HOUR, { log: quiet });
}

for (const each of STORAGE_KINDS) describe(`since your last visit, many changes: ${each}`, () => {
	beforeAll(() => {
		kind = each;
	});

	it('counts every change when there are at most MOST', async () => {
		const summary = (await summaryAfter(MOST))!;
		expect(summary.more).toBe(false);
		expect(summary.lines.map((l) => l.text)).toEqual([`u2 added ${MOST} notes`]);
	});

	it('says there were more when there are more than it reads', async () => {
		const summary = (await summaryAfter(MOST + 3))!;
		expect(summary.more).toBe(true);
		expect(summary.lines.map((l) => l.text)).toEqual([`u2 added ${MOST} notes`]);
	});
});
