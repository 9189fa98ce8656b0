/**
 * Sessions end everywhere at once: signing out, signing out everywhere and a new role reach
 * open sync sockets within a second, whether or not their client sends anything. Stock
 * WebsocketProvider clients, a real server and its real SQLite file. (A session running out:
 * session-expiry.test.ts.)
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addItem, listItems } from '../../src/lib/board/index.js';
import { CloseCode } from '../../src/lib/protocol/close-codes.js';
import { count, storedDoc, userId } from '../helpers/database.js';
import { Client, GOOD_PASSWORD, signedUp } from '../helpers/http-client.js';
import { accept, invite, startPlanForMe } from '../helpers/plans.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { connectProvider, eventually, whenSynced, type TestProvider } from '../helpers/sync-client.js';

/** "Within a second": a behaviour deadline, not a speed measurement. */
const WITHIN_A_SECOND = 1000;

let server: TestServer;
let person: Client;
let personId: string;
let boardId: string;
const open: TestProvider[] = [];

function connect(client: Client): TestProvider {
	const provider = connectProvider(server.url, boardId, client);
	open.push(provider);
	return provider;
}

/** A new member of the plan with `role`, and their email. */
async function member(name: string, role: 'clinician' | 'peer_advocate' | 'supporter'): Promise<{ client: Client; email: string; id: string }> {
	const account = await signedUp(server.url, name);
	await accept(account.client, await invite(person, boardId, role, name));
	return { ...account, id: userId(server.dataDir, account.email) };
}

/** Another session of the same account, as if signed in on a second device. */
async function secondDevice(email: string): Promise<Client> {
	const client = new Client(server.url);
	const answer = await client.post('/login', { email, password: GOOD_PASSWORD, next: '/boards' });
	if (answer.status !== 303) throw new Error(`sign-in failed: ${answer.status}`);
	return client;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The person writes; `receiver` gets it; the returned text is what to look for elsewhere. */
async function personWrites(text: string, receiver: TestProvider): Promise<void> {
	const writer = connect(person);
	await whenSynced(writer.provider);
	addItem(writer.doc, 'notes', { author: personId, text });
	await eventually(() => listItems(receiver.doc, 'notes').some((i) => i.text === text), `"${text}" relayed`);
}

beforeAll(async () => {
	// The periodic re-check stays at its default (a minute): what closes sockets here is the event.
	server = await startServer();
	const account = await signedUp(server.url, 'Pat Person');
	person = account.client;
	personId = userId(server.dataDir, account.email);
	boardId = await startPlanForMe(person);
});
afterEach(() => {
	for (const provider of open.splice(0)) provider.destroy();
});
afterAll(async () => server?.stop());

describe('signing out', () => {
	it("closes that session's sockets within a second with 4401, the client stops retrying and receives nothing more; the same account's other device carries on", async () => {
		const cleo = await member('Cleo Clinician', 'clinician');
		const laptop = connect(cleo.client);
		const phone = connect(await secondDevice(cleo.email));
		await Promise.all([whenSynced(laptop.provider), whenSynced(phone.provider)]);

		expect((await cleo.client.post('/logout', {})).status).toBe(303);
		await eventually(() => laptop.closes.includes(CloseCode.Unauthorized), 'signed-out socket closed', WITHIN_A_SECOND);

		await personWrites('Written after Cleo signed out on her laptop', phone);
		expect(listItems(laptop.doc, 'notes').map((i) => i.text)).not.toContain('Written after Cleo signed out on her laptop');
		// The stock client takes 4401 as final: no more attempts (each would be refused again).
		await sleep(1000);
		expect(laptop.closes.filter((c) => c === CloseCode.Unauthorized)).toHaveLength(1);
		expect(laptop.provider.wsconnected).toBe(false);
		expect(phone.provider.wsconnected).toBe(true);
		expect(phone.closes).toEqual([]);
	});
});

describe('signing out everywhere', () => {
	it('is refused from another site, and leaves every session as it was', async () => {
		const ada = await member('Ada Advocate', 'peer_advocate');
		const answer = await ada.client.post('/logout/everywhere', {}, 'https://evil.example');
		expect(answer.status).toBe(403);
		expect(count(server.dataDir, 'SELECT COUNT(*) AS n FROM sessions WHERE user_id = ?', ada.id)).toBe(1);
	});

	it("ends every session of the account, closes all its sockets within a second, and records it once", async () => {
		const ada = await member('Ada Everywhere', 'peer_advocate');
		const phoneClient = await secondDevice(ada.email);
		const laptop = connect(ada.client);
		const phone = connect(phoneClient);
		const bystander = await member('Bea Bystander', 'clinician');
		const other = connect(bystander.client);
		await Promise.all([laptop, phone, other].map((p) => whenSynced(p.provider)));
		expect(count(server.dataDir, 'SELECT COUNT(*) AS n FROM sessions WHERE user_id = ?', ada.id)).toBe(2);

		const answer = await ada.client.post('/logout/everywhere', {});
		expect(answer.status).toBe(303);
		await eventually(
			() => laptop.closes.includes(CloseCode.Unauthorized) && phone.closes.includes(CloseCode.Unauthorized),
			'both devices closed',
			WITHIN_A_SECOND
		);
		expect(count(server.dataDir, 'SELECT COUNT(*) AS n FROM sessions WHERE user_id = ?', ada.id)).toBe(0);
		expect(count(server.dataDir, "SELECT COUNT(*) AS n FROM audit_log WHERE actor_id = ? AND action = 'session.signed_out_everywhere'", ada.id)).toBe(1);
		expect((await phoneClient.get('/boards')).location).toMatch(/^\/login/);

		await personWrites('Written after Ada signed out everywhere', other);
		expect(listItems(phone.doc, 'notes').map((i) => i.text)).not.toContain('Written after Ada signed out everywhere');
		expect(other.provider.wsconnected).toBe(true);
	});
});

describe('a new role', () => {
	it('closes a demoted writer with RoleChanged; the stock client reconnects and its writes are refused, until promoted again', async () => {
		const wyn = await member('Wyn Writer', 'clinician');
		const tab = connect(wyn.client);
		await whenSynced(tab.provider);
		addItem(tab.doc, 'notes', { author: wyn.id, text: 'While a clinician' });
		await eventually(() => listItems(storedDoc(server.dataDir, boardId), 'notes').some((i) => i.text === 'While a clinician'), 'stored');

		expect((await person.post(`/boards/${boardId}/people?/role`, { member: wyn.id, role: 'supporter' })).status).toBe(303);
		await eventually(() => tab.closes.includes(CloseCode.RoleChanged), 'closed with RoleChanged', WITHIN_A_SECOND);
		await eventually(() => tab.provider.wsconnected && tab.provider.synced, 'reconnected as a supporter');

		addItem(tab.doc, 'notes', { author: wyn.id, text: 'While a supporter' });
		await personWrites('Person after the demotion', tab);
		expect(listItems(storedDoc(server.dataDir, boardId), 'notes').map((i) => i.text)).not.toContain('While a supporter');

		expect((await person.post(`/boards/${boardId}/people?/role`, { member: wyn.id, role: 'peer_advocate' })).status).toBe(303);
		await eventually(() => tab.closes.filter((c) => c === CloseCode.RoleChanged).length === 2, 'closed again', WITHIN_A_SECOND);
		await eventually(() => tab.provider.wsconnected && tab.provider.synced, 'reconnected as a peer advocate');
		addItem(tab.doc, 'notes', { author: wyn.id, text: 'While a peer advocate' });
		await eventually(() => listItems(storedDoc(server.dataDir, boardId), 'notes').some((i) => i.text === 'While a peer advocate'), 'stored again');
	});
});
