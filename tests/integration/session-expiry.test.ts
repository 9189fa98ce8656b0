/**
 * A session that runs out closes its open sync sockets at its expiry, though the client sends
 * nothing; one whose expiry moved on meanwhile (sliding expiry) stays open. The server reads
 * open sockets' sessions again every SYNC_SESSION_RECHECK_MS, lowered here so the test is quick.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode } from '../../src/lib/protocol/close-codes.js';
import { openDatabase, userId } from '../helpers/database.js';
import { signedUp, type Client } from '../helpers/http-client.js';
import { accept, invite, startPlanForMe } from '../helpers/plans.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { connectProvider, eventually, whenSynced, type TestProvider } from '../helpers/sync-client.js';

const WITHIN_A_SECOND = 1000;
let server: TestServer;
let person: Client;
let boardId: string;
const open: TestProvider[] = [];

function connect(client: Client): TestProvider {
	const provider = connectProvider(server.url, boardId, client);
	open.push(provider);
	return provider;
}

async function member(name: string): Promise<{ client: Client; id: string }> {
	const account = await signedUp(server.url, name);
	await accept(account.client, await invite(person, boardId, 'peer_advocate', name));
	return { client: account.client, id: userId(server.dataDir, account.email) };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
	server = await startServer({ SYNC_SESSION_RECHECK_MS: '200' });
	person = (await signedUp(server.url, 'Pat Person')).client;
	boardId = await startPlanForMe(person);
});
afterEach(() => {
	for (const provider of open.splice(0)) provider.destroy();
});
afterAll(async () => server?.stop());

describe('a session running out', () => {
	function setExpiry(id: string, expiresAt: number): void {
		const db = openDatabase(server.dataDir);
		try {
			db.prepare('UPDATE sessions SET expires_at = ? WHERE user_id = ?').run(expiresAt, id);
		} finally {
			db.close();
		}
	}

	it('closes its sockets with 4401 at its expiry, though the client sends nothing; one extended meanwhile stays open', async () => {
		const tia = await member('Tia Timeout');
		const ed = await member('Ed Extended');
		const ending = connect(tia.client);
		const extended = connect(ed.client);
		await Promise.all([whenSynced(ending.provider), whenSynced(extended.provider)]);

		const expiresAt = Date.now() + 800;
		setExpiry(tia.id, expiresAt);
		setExpiry(ed.id, expiresAt);
		// Ed uses the site elsewhere before it runs out: sliding expiry moves it on.
		setExpiry(ed.id, Date.now() + 24 * 60 * 60 * 1000);

		await eventually(() => ending.closes.includes(CloseCode.Unauthorized), 'expired session closed', 800 + WITHIN_A_SECOND + 500);
		expect(Date.now()).toBeGreaterThanOrEqual(expiresAt);
		await sleep(500);
		expect(extended.closes).toEqual([]);
		expect(extended.provider.wsconnected).toBe(true);
	});
});

