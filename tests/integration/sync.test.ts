/**
 * The sync endpoint with the stock y-websocket WebsocketProvider in Node: it syncs, relays,
 * stores every update before relaying it, and enforces sign-in and roles.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { addItem, getSchemaVersion, listItems, SCHEMA_VERSION } from '../../src/lib/board/index.js';
import { CloseCode } from '../../src/lib/protocol/close-codes.js';
import { count, expireSessions, storedDoc, userId } from '../helpers/database.js';
import { signedUp } from '../helpers/http-client.js';
import { accept, invite, planWithEveryRole, type PlanWithEveryone } from '../helpers/plans.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { closeCodeOf, connectProvider, eventually, whenSynced, type TestProvider } from '../helpers/sync-client.js';

let server: TestServer;
let plan: PlanWithEveryone;
const open: TestProvider[] = [];

function connect(who: keyof PlanWithEveryone['clients'], boardId = plan.boardId): TestProvider {
	const provider = connectProvider(server.url, boardId, plan.clients[who]);
	open.push(provider);
	return provider;
}

beforeAll(async () => {
	server = await startServer();
	plan = await planWithEveryRole(server.url);
});
afterEach(() => {
	for (const provider of open.splice(0)) provider.destroy();
});
afterAll(async () => server?.stop());

describe('sync with the stock WebsocketProvider', () => {
	it('syncs, receives the schema version from the server, and relays edits both ways', async () => {
		const person = connect('person');
		const clinician = connect('clinician');
		await Promise.all([whenSynced(person.provider), whenSynced(clinician.provider)]);
		expect(getSchemaVersion(person.doc)).toBe(SCHEMA_VERSION);

		// Read storage at the very moment the update arrives: it must already be there.
		let storedOnArrival: string[] | null = null;
		clinician.doc.on('update', (_update: Uint8Array, origin: unknown) => {
			if (origin === clinician.provider && storedOnArrival === null) {
				storedOnArrival = listItems(storedDoc(server.dataDir, plan.boardId), 'matters').map((i) => i.text);
			}
		});
		const personId = userId(server.dataDir, plan.emails.person);
		addItem(person.doc, 'matters', { author: personId, text: 'Seeing my grandchildren every week' });
		await eventually(() => listItems(clinician.doc, 'matters').length === 1, 'clinician receives the item');
		expect(storedOnArrival).toEqual(['Seeing my grandchildren every week']);
		expect(listItems(clinician.doc, 'matters')[0]).toMatchObject({ text: 'Seeing my grandchildren every week', author: personId });

		const clinicianId = userId(server.dataDir, plan.emails.clinician);
		addItem(clinician.doc, 'strengths', { author: clinicianId, text: 'Knows the bus routes by heart' });
		await eventually(() => listItems(person.doc, 'strengths').length === 1, 'person receives the item');

		// Stored with who sent it.
		const stored = storedDoc(server.dataDir, plan.boardId);
		expect(listItems(stored, 'matters').map((i) => i.text)).toEqual(['Seeing my grandchildren every week']);
		expect(count(server.dataDir, 'SELECT COUNT(*) AS n FROM board_updates WHERE board_id = ? AND user_id = ?', plan.boardId, clinicianId)).toBeGreaterThan(0);
	});

	it("refuses a supporter's update: not applied, not stored, not relayed", async () => {
		const person = connect('person');
		const supporter = connect('supporter');
		await Promise.all([whenSynced(person.provider), whenSynced(supporter.provider)]);
		const supporterId = userId(server.dataDir, plan.emails.supporter);
		addItem(supporter.doc, 'notes', { author: supporterId, text: 'Supporter tries to write' });
		// A writer's edit sent after the supporter's arrives; the supporter's never does.
		const personId = userId(server.dataDir, plan.emails.person);
		addItem(person.doc, 'notes', { author: personId, text: 'Person writes' });
		await eventually(() => listItems(supporter.doc, 'notes').some((i) => i.text === 'Person writes'), 'supporter reads the person');
		await new Promise((r) => setTimeout(r, 200));
		expect(listItems(person.doc, 'notes').map((i) => i.text)).toEqual(['Person writes']);
		expect(listItems(storedDoc(server.dataDir, plan.boardId), 'notes').map((i) => i.text)).toEqual(['Person writes']);
		expect(count(server.dataDir, 'SELECT COUNT(*) AS n FROM board_updates WHERE user_id = ?', supporterId)).toBe(0);
		expect(server.output()).toContain('Refused an update from a read-only member');
	});

	it('lets a member record the person as author, refuses a stranger as author, and accepts someone who just joined', async () => {
		const person = connect('person');
		const clinician = connect('clinician');
		await Promise.all([whenSynced(person.provider), whenSynced(clinician.provider)]);
		const personId = userId(server.dataDir, plan.emails.person);
		const outsiderId = userId(server.dataDir, plan.emails.outsider);

		const clinicianId = userId(server.dataDir, plan.emails.clinician);
		addItem(clinician.doc, 'strengths', { author: personId, recordedBy: clinicianId, text: 'Speaking as the person' });
		await eventually(() => listItems(person.doc, 'strengths').some((i) => i.text === 'Speaking as the person'), 'speaking as relayed');

		addItem(clinician.doc, 'strengths', { author: outsiderId, recordedBy: clinicianId, text: 'Put in a stranger’s mouth' });
		await eventually(() => clinician.closes.includes(CloseCode.Refused), 'forged author refused');
		expect(listItems(storedDoc(server.dataDir, plan.boardId), 'strengths').map((i) => i.text)).not.toContain('Put in a stranger’s mouth');

		// Joins while the board is open: the server reads the member list again before refusing.
		const newcomer = await signedUp(server.url, 'Nell Newcomer');
		await accept(newcomer.client, await invite(plan.clients.person, plan.boardId, 'peer_advocate', 'Nell'));
		const nell = connectProvider(server.url, plan.boardId, newcomer.client);
		open.push(nell);
		await whenSynced(nell.provider);
		addItem(nell.doc, 'notes', { author: userId(server.dataDir, newcomer.email), text: 'Hello from Nell' });
		await eventually(() => listItems(person.doc, 'notes').some((i) => i.text === 'Hello from Nell'), 'newcomer relayed');
	});

	it('keeps everything across a restart and serves it to a new client', async () => {
		const person = connect('person');
		await whenSynced(person.provider);
		const personId = userId(server.dataDir, plan.emails.person);
		addItem(person.doc, 'goals', { author: personId, text: 'Walk to the park', importance: 8, confidence: 6 });
		await eventually(() => listItems(storedDoc(server.dataDir, plan.boardId), 'goals').length === 1, 'goal stored');
		person.destroy();
		await server.stop();
		await server.restart();
		const again = connect('clinician');
		await whenSynced(again.provider);
		expect(listItems(again.doc, 'goals')[0]).toMatchObject({ text: 'Walk to the park', importance: 8, confidence: 6 });
	});
});

describe('an update that builds on changes the server lacks', () => {
	it('closes with MissingChanges, which the stock client retries, and its whole diff then arrives', async () => {
		const clinician = connect('clinician');
		const person = connect('person');
		await Promise.all([whenSynced(clinician.provider), whenSynced(person.provider)]);
		const clinicianId = userId(server.dataDir, plan.emails.clinician);

		// Two changes, the second building on the first; applied as if they came from the
		// server (so the provider does not send them), then only the second is sent.
		const updates: Uint8Array[] = [];
		const scratch = new Y.Doc();
		Y.applyUpdate(scratch, Y.encodeStateAsUpdate(clinician.doc));
		scratch.on('update', (update: Uint8Array) => updates.push(update));
		addItem(scratch, 'notes', { author: clinicianId, text: 'First of two' });
		addItem(scratch, 'notes', { author: clinicianId, text: 'Second of two' });
		expect(updates).toHaveLength(2);
		for (const update of updates) Y.applyUpdate(clinician.doc, update, clinician.provider);
		const frame = encoding.createEncoder();
		encoding.writeVarUint(frame, 0);
		syncProtocol.writeUpdate(frame, updates[1]);
		clinician.provider.ws!.send(encoding.toUint8Array(frame));

		await eventually(() => clinician.closes.includes(CloseCode.MissingChanges), 'closed with MissingChanges');
		await eventually(() => listItems(person.doc, 'notes').filter((i) => /of two$/.test(i.text)).length === 2, 'both changes arrive after the reconnect');
		expect(listItems(storedDoc(server.dataDir, plan.boardId), 'notes').map((i) => i.text)).toEqual(expect.arrayContaining(['First of two', 'Second of two']));
	});
});

describe('sync authentication and roles', () => {
	it('closes with 4401 without a session, with a forged token, and with a real session that has expired', async () => {
		expect(await closeCodeOf(server.url, plan.boardId)).toBe(CloseCode.Unauthorized);
		expect(await closeCodeOf(server.url, plan.boardId, { cookie: 'wm_session=forgedforgedforgedforgedforgedfo' })).toBe(CloseCode.Unauthorized);

		// A real member with a real session in the server's SQLite file, which then runs out.
		const extra = await signedUp(server.url, 'Ed Expired');
		await accept(extra.client, await invite(plan.clients.person, plan.boardId, 'peer_advocate', 'Ed'));
		const edId = userId(server.dataDir, extra.email);
		const before = connectProvider(server.url, plan.boardId, extra.client);
		open.push(before);
		await whenSynced(before.provider);
		before.destroy();
		expect(count(server.dataDir, 'SELECT COUNT(*) AS n FROM sessions WHERE user_id = ?', edId)).toBe(1);
		expireSessions(server.dataDir, extra.email);
		expect(await closeCodeOf(server.url, plan.boardId, { cookie: extra.client.cookieHeader() })).toBe(CloseCode.Unauthorized);
		// Refusing it also forgot it.
		expect(count(server.dataDir, 'SELECT COUNT(*) AS n FROM sessions WHERE user_id = ?', edId)).toBe(0);
	});

	it('closes with 4403 for a non-member, an unknown board, and another site', async () => {
		const cookie = plan.clients.outsider.cookieHeader();
		expect(await closeCodeOf(server.url, plan.boardId, { cookie })).toBe(CloseCode.Forbidden);
		expect(await closeCodeOf(server.url, 'aaaaaaaaaaaaaaaaaaaa', { cookie: plan.clients.person.cookieHeader() })).toBe(CloseCode.Forbidden);
		expect(
			await closeCodeOf(server.url, plan.boardId, { cookie: plan.clients.person.cookieHeader(), origin: 'https://evil.example' })
		).toBe(CloseCode.Forbidden);
	});

	it('closes a member removed mid-session with 4403, and their client stops retrying', async () => {
		const extra = await signedUp(server.url, 'Mo Removed');
		await accept(extra.client, await invite(plan.clients.person, plan.boardId, 'clinician', 'Mo'));
		const mo = connectProvider(server.url, plan.boardId, extra.client);
		open.push(mo);
		await whenSynced(mo.provider);
		const moId = userId(server.dataDir, extra.email);
		const removed = await plan.clients.person.post(`/boards/${plan.boardId}/people?/remove`, { member: moId });
		expect(removed.status).toBe(303);
		await eventually(() => mo.closes.includes(CloseCode.Forbidden), 'removed member is disconnected');
		// Every retry would be refused again with 4403: there must be none (its backoff is 300 ms).
		await new Promise((r) => setTimeout(r, 1500));
		expect(mo.closes.filter((code) => code === CloseCode.Forbidden)).toHaveLength(1);
		expect(mo.provider.wsconnected || mo.provider.wsconnecting).toBe(false);
	});

	it('a member whose session ended is refused on reconnect', async () => {
		const extra = await signedUp(server.url, 'Tia Timeout');
		await accept(extra.client, await invite(plan.clients.person, plan.boardId, 'peer_advocate', 'Tia'));
		expireSessions(server.dataDir, extra.email);
		expect(await closeCodeOf(server.url, plan.boardId, { cookie: extra.client.cookieHeader() })).toBe(CloseCode.Unauthorized);
	});
});
