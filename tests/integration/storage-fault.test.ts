/**
 * A storage write that fails is reported to the sender, relays nothing, and loses nothing
 * once storage is back. The fault is real: another process holds SQLite's write lock, so the
 * server's writes fail with SQLITE_BUSY, exactly as with a locked or unwritable database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addItem, listItems } from '../../src/lib/board/index.js';
import { CloseCode } from '../../src/lib/protocol/close-codes.js';
import { openDatabase, storedDoc, userId } from '../helpers/database.js';
import { planWithEveryRole, type PlanWithEveryone } from '../helpers/plans.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { connectProvider, eventually, whenSynced } from '../helpers/sync-client.js';

let server: TestServer;
let plan: PlanWithEveryone;
beforeAll(async () => {
	server = await startServer({ SQLITE_BUSY_TIMEOUT_MS: '50' });
	plan = await planWithEveryRole(server.url);
});
afterAll(async () => server?.stop());

describe('a failing storage write', () => {
	it('closes with StorageFailed, relays nothing, and keeps the edit once storage is back', async () => {
		const person = connectProvider(server.url, plan.boardId, plan.clients.person);
		const clinician = connectProvider(server.url, plan.boardId, plan.clients.clinician);
		await Promise.all([whenSynced(person.provider), whenSynced(clinician.provider)]);
		const personId = userId(server.dataDir, plan.emails.person);
		addItem(person.doc, 'matters', { author: personId, text: 'Saved before the fault' });
		await eventually(() => listItems(clinician.doc, 'matters').length === 1, 'first item relayed');

		// Another process takes the write lock and keeps it.
		const locker = openDatabase(server.dataDir);
		locker.prepare('BEGIN IMMEDIATE').run();
		try {
			addItem(person.doc, 'matters', { author: personId, text: 'Written while storage fails' });
			await eventually(() => person.closes.includes(CloseCode.StorageFailed), 'sender told that saving failed');
			await new Promise((r) => setTimeout(r, 300));
			expect(listItems(clinician.doc, 'matters').map((i) => i.text)).toEqual(['Saved before the fault']);
			expect(server.output()).toMatch(/"level":"error".*Saving board updates failed/);
			// Storage cannot write, so the health check says so too, once its last answer (kept for
			// a second so probes cannot be used to load the disk) has run out.
			await new Promise((r) => setTimeout(r, 1_100));
			expect((await fetch(`${server.url}/healthz`)).status).toBe(503);
			// The sender still has its edit, on its own device.
			expect(listItems(person.doc, 'matters')).toHaveLength(2);
		} finally {
			locker.prepare('ROLLBACK').run();
			locker.close();
		}

		// Storage is back: the client resends on reconnect, and everyone gets it, stored first.
		await eventually(() => listItems(clinician.doc, 'matters').length === 2, 'edit arrives after recovery', 15_000);
		const stored = storedDoc(server.dataDir, plan.boardId);
		expect(listItems(stored, 'matters').map((i) => i.text).sort()).toEqual(['Saved before the fault', 'Written while storage fails']);
		person.destroy();
		clinician.destroy();
	});
});
