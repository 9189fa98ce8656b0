/** A live connection keeps its member's visit going while it stays open, on a real SQLite file. */
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Storage } from '../../src/lib/server/storage.js';
import { openSqliteStorage } from '../../server/storage/sqlite/index.js';
import { keepVisits, type VisitKeeper } from '../../server/sync/visit-keeper.js';
import { tempDir } from '../helpers/server.js';

let storage: Storage;
let keeper: VisitKeeper;
const problems: string[] = [];
beforeEach(async () => {
	storage = openSqliteStorage(tempDir());
	await storage.users.create({ id: 'u1', email: 'u1@example.com', name: 'Sam', passwordHash: 'x', createdAt: 0 });
	await storage.boards.create({ id: 'b1', personName: 'Sam', ownerId: 'u1', createdBy: 'u1', createdAt: 0 }, 'person', {
		at: 0,
		actorId: 'u1',
		boardId: 'b1',
		action: 'board.created',
		detail: {}
	});
	// Renewing every few milliseconds stands in for every few minutes.
	keeper = keepVisits(storage, (message) => problems.push(message), 5);
});
afterEach(async () => {
	keeper.stop();
	await storage.close();
});

const visits = () => storage.visits.listForBoard('b1', { limit: 10 });

it('renews the visit while a connection is open, in one row, and stops once the last one closes', async () => {
	keeper.opened('b1', 'u1');
	keeper.opened('b1', 'u1');
	await new Promise((resolve) => setTimeout(resolve, 1));
	const [first] = await visits();
	let seen = first.lastSeenAt;
	for (let i = 0; i < 3; i++) {
		const before = seen;
		// Wait until a renewal has moved the visit on.
		for (let tries = 0; tries < 200 && seen === before; tries++) {
			await new Promise((resolve) => setTimeout(resolve, 5));
			seen = (await visits())[0].lastSeenAt;
		}
		expect(seen).toBeGreaterThan(before);
	}
	keeper.closed('b1', 'u1');
	keeper.closed('b1', 'u1');
	await new Promise((resolve) => setTimeout(resolve, 20));
	const closedAt = (await visits())[0].lastSeenAt;
	await new Promise((resolve) => setTimeout(resolve, 50));
	expect((await visits())[0].lastSeenAt).toBe(closedAt);
	expect(await visits()).toHaveLength(1);
	expect(problems).toEqual([]);
});
