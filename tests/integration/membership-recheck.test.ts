/**
 * Two processes on one database: a member removed through one is closed on the other at the
 * next membership check (SYNC_SESSION_RECHECK_MS), and can neither read nor write after it.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addItem, listItems } from '../../src/lib/board/index.js';
import { CloseCode } from '../../src/lib/protocol/close-codes.js';
import { storedDoc, userId } from '../helpers/database.js';
import { planWithEveryRole, type PlanWithEveryone } from '../helpers/plans.js';
import { startServer, tempDir, type TestServer } from '../helpers/server.js';
import { connectProvider, eventually, whenSynced } from '../helpers/sync-client.js';

let first: TestServer;
let second: TestServer;
let plan: PlanWithEveryone;

beforeAll(async () => {
	const DATA_DIR = tempDir();
	first = await startServer({ DATA_DIR, SYNC_SESSION_RECHECK_MS: '500' });
	second = await startServer({ DATA_DIR, SYNC_SESSION_RECHECK_MS: '500' });
	plan = await planWithEveryRole(first.url);
});
afterAll(async () => {
	await second?.stop();
	await first?.stop();
});

it('a member removed on one instance loses the board on the other within the recheck', async () => {
	const advocate = connectProvider(second.url, plan.boardId, plan.clients.peer_advocate);
	const person = connectProvider(second.url, plan.boardId, plan.clients.person);
	await Promise.all([whenSynced(advocate.provider), whenSynced(person.provider)]);
	const advocateId = userId(first.dataDir, plan.emails.peer_advocate);
	const removed = await plan.clients.person.post(`/boards/${plan.boardId}/people?/remove`, { member: advocateId });
	expect(removed.status).toBe(303);
	await eventually(() => advocate.closes.includes(CloseCode.Forbidden), 'closed on the other instance', 5_000);
	addItem(person.doc, 'notes', { author: userId(first.dataDir, plan.emails.person), text: 'After the removal' });
	await eventually(() => listItems(storedDoc(first.dataDir, plan.boardId), 'notes').length === 1, 'stored');
	expect(listItems(advocate.doc, 'notes')).toEqual([]);
	advocate.destroy();
	person.destroy();
});
