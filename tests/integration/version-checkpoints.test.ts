/**
 * Version checkpoints on every kind of storage: the first look at a version keeps the checkpoints it
 * passes, compaction keeps one about every 1,000 updates, and a version rebuilt from a checkpoint
 * plus the updates after it reads exactly like the whole log replayed.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addItem, CHECKPOINT_EVERY, getItemText, initBoard, listItems, SECTION_KEYS } from '../../src/lib/board/index.js';
import { compactBoard } from '../../server/sync/compaction.js';
import { createLogger } from '../../server/log.js';
import { rebuildAt } from '../../src/lib/server/versions.js';
import type { Storage } from '../../src/lib/server/storage.js';
import { newTestStore, STORAGE_KINDS, type StorageKind, type TestStore } from '../helpers/stores.js';

let storage: Storage | null = null;
let kind: StorageKind = 'sqlite';
afterEach(async () => {
	await storage?.close();
	storage = null;
});

const BOARD = 'checkpointsaaaaaaaaa';
const contents = (doc: Y.Doc) => SECTION_KEYS.map((section) => listItems(doc, section));

/** A board with `n` stored updates (typing, one update per keystroke), and every update kept for replaying. */
async function storedBoard(n: number) {
	const dir = await newTestStore(kind);
	storage = await dir.open();
	await storage.users.create({ id: 'u1', email: 'u1@example.com', name: 'U', passwordHash: 'x', createdAt: 0 });
	await storage.boards.create({ id: BOARD, personName: 'P', ownerId: 'u1', createdBy: 'u1', createdAt: 0 }, 'person', {
		at: 0,
		actorId: 'u1',
		boardId: BOARD,
		action: 'board.created',
		detail: {}
	});
	const doc = new Y.Doc();
	const log: Uint8Array[] = [];
	doc.on('update', (u: Uint8Array) => log.push(u));
	initBoard(doc);
	const ids = [0, 1, 2].map((i) => addItem(doc, 'matters', { author: 'u1', text: `Item ${i}` }));
	for (let i = 0; log.length < n; i++) {
		const text = getItemText(doc, 'matters', ids[i % 3]!)!;
		if (i % 7 === 6) text.delete(0, 1);
		else text.insert(text.length, 'x');
	}
	await storage.docs.append(log.slice(0, n).map((data) => ({ boardId: BOARD, data, userId: 'u1', at: 1 })));
	const replay = (seq: number) => {
		const d = new Y.Doc();
		for (const u of log.slice(0, seq)) Y.applyUpdate(d, u);
		return d;
	};
	return { dir, replay };
}

const checkpoints = (dir: TestStore) => dir.count('SELECT COUNT(*) AS n FROM board_checkpoints WHERE board_id = ?', BOARD);

for (const each of STORAGE_KINDS) describe(`version checkpoints: ${each}`, () => {
	beforeAll(() => {
		kind = each;
	});
	it('the first look keeps the checkpoints it passes; later looks start from them and read the same', async () => {
		const { dir, replay } = await storedBoard(2 * CHECKPOINT_EVERY + 150);
		expect(await checkpoints(dir)).toBe(0);
		const newest = await rebuildAt(storage!, BOARD, 2 * CHECKPOINT_EVERY + 150);
		expect(await checkpoints(dir)).toBe(2);
		expect(contents(newest)).toEqual(contents(replay(2 * CHECKPOINT_EVERY + 150)));
		for (const seq of [1, CHECKPOINT_EVERY - 1, CHECKPOINT_EVERY, CHECKPOINT_EVERY + 1, 2 * CHECKPOINT_EVERY, 2 * CHECKPOINT_EVERY + 149]) {
			const source = await storage!.versions.readFor(BOARD, seq);
			expect(source.checkpoint?.seq ?? 0, `checkpoint for ${seq}`).toBe(Math.floor(seq / CHECKPOINT_EVERY) * CHECKPOINT_EVERY);
			expect(source.updates.length).toBe(seq % CHECKPOINT_EVERY);
			expect(contents(await rebuildAt(storage!, BOARD, seq)), `version ${seq}`).toEqual(contents(replay(seq)));
		}
	});

	it('compaction keeps its state as a checkpoint when it passes a boundary', async () => {
		const { dir, replay } = await storedBoard(CHECKPOINT_EVERY + 20);
		expect(await compactBoard(BOARD, storage!, createLogger('error'))).not.toBeNull();
		expect(await checkpoints(dir)).toBe(1);
		const source = await storage!.versions.readFor(BOARD, CHECKPOINT_EVERY + 20);
		expect(source.checkpoint?.seq).toBe(CHECKPOINT_EVERY + 20);
		expect(source.updates).toEqual([]);
		expect(contents(await rebuildAt(storage!, BOARD, CHECKPOINT_EVERY + 20))).toEqual(contents(replay(CHECKPOINT_EVERY + 20)));
	});

	it('says nothing of a seq that this board does not have', async () => {
		await storedBoard(10);
		expect(await storage!.versions.update(BOARD, 10)).toMatchObject({ seq: 10, userId: 'u1' });
		expect(await storage!.versions.update(BOARD, 11)).toBeNull();
		expect(await storage!.versions.update('otherboardaaaaaaaaaa', 1)).toBeNull();
	});
});
