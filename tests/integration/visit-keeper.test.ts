/** A live connection keeps its member's visit going while it stays open, on every kind of storage. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Storage } from '../../src/lib/server/storage.js';
import { keepVisits, type VisitKeeper } from '../../server/sync/visit-keeper.js';
import { newTestStore, STORAGE_KINDS } from '../helpers/stores.js';

for (const kind of STORAGE_KINDS) describe(`visit keeper: ${kind}`, () => {
let storage: Storage;
let keeper: VisitKeeper;
const problems: string[] = [];
beforeEach(async () => {
	storage = await (await newTestStore(kind)).open();
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
	// The first touch is on its way (at once in SQLite, a round trip in PostgreSQL).
	for (let tries = 0; tries < 200 && (await visits()).length === 0; tries++) await new Promise((resolve) => setTimeout(resolve, 5));
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
	// Touches already sent may still be landing (a network round trip each, with PostgreSQL).
	await new Promise((resolve) => setTimeout(resolve, 200));
	const closedAt = (await visits())[0].lastSeenAt;
	await new Promise((resolve) => setTimeout(resolve, 50));
	expect((await visits())[0].lastSeenAt).toBe(closedAt);
	expect(await visits()).toHaveLength(1);
	expect(problems).toEqual([]);
});
});
