/**
 * Catching up from storage (server/sync/catch-up.ts), on every kind of storage: a gap in the
 * numbers is filled from storage once it has stayed open a moment, only with what is missing;
 * a look at storage finds updates nobody announced; and a gap storage cannot fill is reported.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Storage } from '../../src/lib/server/storage.js';
import { BoardCatchUp } from '../../server/sync/catch-up.js';
import { newTestStore, STORAGE_KINDS } from '../helpers/stores.js';

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

for (const kind of STORAGE_KINDS) {
	describe(`catching up: ${kind}`, () => {
		let storage: Storage;
		let catchUp: BoardCatchUp | null = null;
		afterEach(async () => {
			catchUp?.stop();
			await storage?.close().catch(() => undefined);
		});

		/** A board with updates 1…n stored (each one byte: its own number). */
		async function boardWith(n: number) {
			storage = await (await newTestStore(kind)).open();
			await storage.users.create({ id: 'u1', email: 'u1@example.com', name: 'U', passwordHash: 'x', createdAt: 0 });
			await storage.boards.create({ id: 'b1', personName: 'P', ownerId: 'u1', createdBy: 'u1', createdAt: 0 }, 'person', {
				at: 0,
				actorId: 'u1',
				boardId: 'b1',
				action: 'board.created',
				detail: {}
			});
			await storage.docs.append(Array.from({ length: n }, (_, i) => ({ boardId: 'b1', data: new Uint8Array([i + 1]), userId: 'u1', at: 0 })));
			const applied: number[][] = [];
			const failures: Error[] = [];
			const start = (from: number) =>
				(catchUp = new BoardCatchUp('b1', from, {
					storage,
					apply: (updates) => applied.push(updates.map((u) => u.data[0])),
					fail: (error) => failures.push(error),
					gapWaitMs: 50
				}));
			return { applied, failures, start };
		}

		it('fills a gap that stays open from storage, with only what is missing, in order', async () => {
			const { applied, start } = await boardWith(6);
			const c = start(2);
			c.mark(3);
			c.mark(6);
			c.mark(4);
			expect(applied).toEqual([]);
			await pause(200);
			expect(applied).toEqual([[5]]);
			expect([1, 2, 3, 4, 5, 6].every((seq) => c.has(seq))).toBe(true);
		});

		it('reads nothing while the numbers arrive without a gap, or a gap closes in time', async () => {
			const { applied, start } = await boardWith(4);
			const c = start(1);
			c.mark(3);
			c.mark(2);
			c.mark(4);
			await pause(200);
			expect(applied).toEqual([]);
		});

		it('finds updates stored elsewhere that no message announced', async () => {
			const { applied, start } = await boardWith(3);
			const c = start(1);
			await c.check();
			expect(applied).toEqual([[2, 3]]);
		});

		it('reports a gap that storage cannot fill', async () => {
			const { failures, start } = await boardWith(3);
			const c = start(1);
			await storage.close();
			c.mark(3);
			await pause(200);
			expect(failures).toHaveLength(1);
		});
	});
}
