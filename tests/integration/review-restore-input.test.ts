/**
 * A restore form whose body cannot be read is bad input: the answer it gives a form with nothing
 * chosen, never a server error, and the plan is left as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addItem, deleteItem } from '../../src/lib/board/index.js';
import { count, userId } from '../helpers/database.js';
import { planWithEveryRole, type PlanWithEveryone } from '../helpers/plans.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { connectProvider, eventually, whenSynced } from '../helpers/sync-client.js';

let server: TestServer;
let plan: PlanWithEveryone;
const updates = () => count(server.dataDir, 'SELECT COUNT(*) AS n FROM board_updates WHERE board_id = ?', plan.boardId);

beforeAll(async () => {
	server = await startServer();
	plan = await planWithEveryRole(server.url);
	const person = connectProvider(server.url, plan.boardId, plan.clients.person);
	await whenSynced(person.provider);
	// The server's own first write may be stored already: wait for both edits after it, not any two updates.
	await eventually(() => updates() >= 1, 'the plan stored');
	const base = updates();
	const id = addItem(person.doc, 'notes', { author: userId(server.dataDir, plan.emails.person), text: 'A note' });
	deleteItem(person.doc, 'notes', id);
	await eventually(() => updates() >= base + 2, 'both edits stored');
	person.destroy();
});
afterAll(async () => server?.stop());

describe('restoring with a body that is not a form', () => {
	// Putting one item back says what is missing; the whole plan goes to its confirmation page.
	it.each([
		['restoreItem', 400],
		['restorePlan', 303]
	])('%s answers %i, not 500, and stores nothing', async (action, status) => {
		const before = updates();
		const answer = await plan.clients.peer_advocate.request('POST', `/boards/${plan.boardId}/history/1?/${action}`, {
			// A multipart body cut off before its closing boundary cannot be read.
			body: '--zz\r\nContent-Disposition: form-data; name="itemId"\r\n\r\nx',
			headers: { 'content-type': 'multipart/form-data; boundary=zz', origin: server.url }
		});
		expect(answer.status).toBe(status);
		expect(updates()).toBe(before);
	});
});
