/**
 * The attacks a review found, replayed against a running server with the stock y-websocket
 * provider as the attacker's client: each gets its documented close code, the stored plan never
 * takes the junk, and honest members editing throughout still converge.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { encodeAwareness, encodeAwarenessEntries, type AwarenessEntry } from '../../server/sync/messages.js';
import { addItem, getSchemaVersion, listItems, SCHEMA_VERSION, validateBoardShape } from '../../src/lib/board/index.js';
import { CloseCode } from '../../src/lib/protocol/close-codes.js';
import { readPresence } from '../../src/lib/protocol/presence.js';
import { storedDoc, userId } from '../helpers/database.js';
import { forgeMapWrite } from '../helpers/forge-update.js';
import { signedUp } from '../helpers/http-client.js';
import { accept, invite, planWithEveryRole, type PlanWithEveryone, type Who } from '../helpers/plans.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { connectProvider, eventually, whenSynced, type TestProvider } from '../helpers/sync-client.js';

const PLAN_MAX_BYTES = 2 * 1024 * 1024;
let server: TestServer;
let plan: PlanWithEveryone;
let ids: Record<Who, string>;
let person: TestProvider;
let advocate: TestProvider;
let goalId: string;

const item = (doc: Y.Doc, section: string, id: string) => doc.getMap(`section:${section}`).get(id) as Y.Map<unknown>;

async function connected(who: Who): Promise<TestProvider> {
	const provider = connectProvider(server.url, plan.boardId, plan.clients[who]);
	await whenSynced(provider.provider);
	return provider;
}

/** Opens the clinician's stock client, makes `change` to its copy, and returns the close code it gets. */
async function attack(change: (doc: Y.Doc) => void, who: Who = 'clinician'): Promise<number> {
	const attacker = await connected(who);
	try {
		change(attacker.doc);
		await eventually(() => attacker.closes.length > 0, 'the attacker is closed');
		return attacker.closes[0];
	} finally {
		attacker.destroy();
	}
}

/** An honest edit by the advocate still reaches the person, and storage holds only what passes the full check. */
async function honestMembersConverge(text: string): Promise<void> {
	addItem(advocate.doc, 'notes', { author: ids.peer_advocate, text });
	await eventually(() => listItems(person.doc, 'notes').some((i) => i.text === text), `"${text}" relayed`);
	const stored = storedDoc(server.dataDir, plan.boardId);
	expect(validateBoardShape(stored)).toEqual([]);
	expect(Y.encodeStateVector(stored)).toEqual(Y.encodeStateVector(person.doc));
}

beforeAll(async () => {
	server = await startServer({ PLAN_MAX_BYTES: String(PLAN_MAX_BYTES) });
	plan = await planWithEveryRole(server.url);
	ids = Object.fromEntries((Object.keys(plan.emails) as Who[]).map((who) => [who, userId(server.dataDir, plan.emails[who])])) as Record<Who, string>;
	person = await connected('person');
	advocate = await connected('peer_advocate');
	goalId = addItem(person.doc, 'goals', { author: ids.person, text: 'Take the bus', importance: 6 });
	await eventually(() => listItems(advocate.doc, 'goals').length === 1, 'goal relayed');
});
afterAll(async () => {
	person?.destroy();
	advocate?.destroy();
	await server?.stop();
});

describe('item-level junk is refused with 4422 and never stored', () => {
	it.each([
		['a 15,000-character text', (d: Y.Doc) => (item(d, 'goals', goalId).get('text') as Y.Text).insert(0, 'x'.repeat(15_000))],
		['importance "banana"', (d: Y.Doc) => item(d, 'goals', goalId).set('importance', 'banana')],
		['an unknown field', (d: Y.Doc) => item(d, 'goals', goalId).set('hidden', 'x')],
		['an invalid order', (d: Y.Doc) => item(d, 'goals', goalId).set('order', '!!')],
		['formatting in text', (d: Y.Doc) => (item(d, 'goals', goalId).get('text') as Y.Text).format(0, 3, { bold: true })],
		['an item without its fields', (d: Y.Doc) => d.getMap('section:goals').set('x1', new Y.Map())]
	])('%s', async (name, change) => {
		expect(await attack(change)).toBe(CloseCode.Refused);
		const goal = listItems(storedDoc(server.dataDir, plan.boardId), 'goals');
		expect(goal).toHaveLength(1);
		expect(goal[0]).toMatchObject({ text: 'Take the bus', importance: 6 });
		await honestMembersConverge(`after ${name}`);
	});

	it('a schema version of 99 cannot freeze the plan', async () => {
		expect(await attack((d) => d.getMap('meta').set('schemaVersion', 99))).toBe(CloseCode.Refused);
		expect(getSchemaVersion(person.doc)).toBe(SCHEMA_VERSION);
		expect(getSchemaVersion(storedDoc(server.dataDir, plan.boardId))).toBe(SCHEMA_VERSION);
		await honestMembersConverge('after version 99');
	});
});

describe('attribution cannot be forged', () => {
	const words = (author: () => string, recordedBy?: () => string) => (d: Y.Doc) =>
		addItem(d, 'matters', { author: author(), recordedBy: recordedBy?.(), text: `forged ${author()}` });

	it.each([
		['the peer advocate', words(() => ids.peer_advocate)],
		['a supporter, who cannot write', words(() => ids.supporter)],
		['someone not on the plan', words(() => ids.outsider)],
		['the person, hiding who typed it', words(() => ids.person)],
		['the person, typed by someone else', words(() => ids.person, () => ids.peer_advocate)]
	])('author set to %s', async (_name, change) => {
		expect(await attack(change)).toBe(CloseCode.Refused);
		expect(listItems(storedDoc(server.dataDir, plan.boardId), 'matters').filter((i) => i.text.startsWith('forged'))).toEqual([]);
	});

	it('a stranger in the older JSON encoding', async () => {
		expect(await attack((d) => forgeMapWrite(item(d, 'goals', goalId), 'author', new Y.ContentJSON([ids.outsider])))).toBe(CloseCode.Refused);
		expect(listItems(storedDoc(server.dataDir, plan.boardId), 'goals')[0].author).toBe(ids.person);
	});

	it('a member removed a moment ago can write nothing more', async () => {
		const rita = await signedUp(server.url, 'Rita Removed');
		await accept(rita.client, await invite(plan.clients.person, plan.boardId, 'clinician', 'Rita'));
		const ritaId = userId(server.dataDir, rita.email);
		const client = connectProvider(server.url, plan.boardId, rita.client);
		await whenSynced(client.provider);
		const removed = await plan.clients.person.post(`/boards/${plan.boardId}/people?/remove`, { member: ritaId });
		expect(removed.status).toBe(303);
		addItem(client.doc, 'notes', { author: ritaId, text: 'after removal' });
		await eventually(() => client.closes.includes(CloseCode.Forbidden), 'removed member closed');
		client.destroy();
		expect(listItems(storedDoc(server.dataDir, plan.boardId), 'notes').map((i) => i.text)).not.toContain('after removal');
		await honestMembersConverge('after a removal');
	});

	it('the person’s words recorded by the clinician keep who typed them', async () => {
		const clinician = await connected('clinician');
		addItem(clinician.doc, 'matters', { author: ids.person, recordedBy: ids.clinician, text: 'My garden' });
		await eventually(() => listItems(person.doc, 'matters').some((i) => i.text === 'My garden'), 'recorded words relayed');
		expect(listItems(person.doc, 'matters').find((i) => i.text === 'My garden')).toMatchObject({ author: ids.person, recordedBy: ids.clinician });
		clinician.destroy();
		await honestMembersConverge('after recorded words');
	});
});

describe('presence is the server’s word', () => {
	const awarenessFrame = (entries: AwarenessEntry[]) => encodeAwareness(encodeAwarenessEntries(entries));

	it('a claimed name and role are replaced by the member list’s; another’s presence cannot be erased', async () => {
		person.provider.awareness.setLocalState({ user: { id: ids.person, name: 'Pat', role: 'person' }, editing: null });
		await eventually(() => advocate.provider.awareness.getStates().has(person.doc.clientID), 'person present');

		const attacker = await connected('clinician');
		attacker.provider.awareness.setLocalState({ user: { id: ids.person, name: 'Pat Person', role: 'person' }, editing: { section: 'goals', itemId: goalId }, extra: 'x'.repeat(1000) });
		const seen = () => readPresence(advocate.provider.awareness.getStates().get(attacker.doc.clientID));
		await eventually(() => seen() !== null, 'attacker presence relayed');
		expect(seen()).toEqual({ user: { id: ids.clinician, name: 'Cleo Clinician', role: 'clinician' }, viewing: null, editing: { section: 'goals', itemId: goalId, field: null, caret: null }, drafting: null });

		// An empty state for the person's window, and a state in the person's name under their id.
		const clock = (person.provider.awareness.meta.get(person.doc.clientID)?.clock ?? 0) + 5;
		attacker.provider.ws!.send(awarenessFrame([{ clientId: person.doc.clientID, clock, state: null }]));
		attacker.provider.ws!.send(awarenessFrame([{ clientId: person.doc.clientID, clock: clock + 1, state: { user: { id: ids.clinician }, editing: null } }]));
		addItem(advocate.doc, 'notes', { author: ids.peer_advocate, text: 'presence probe' });
		await eventually(() => listItems(person.doc, 'notes').some((i) => i.text === 'presence probe'), 'probe relayed');
		expect(readPresence(advocate.provider.awareness.getStates().get(person.doc.clientID))?.user.id).toBe(ids.person);
		attacker.destroy();
	});

	it('a supporter sees no one else’s presence', async () => {
		const supporter = await connected('supporter');
		await new Promise((resolve) => setTimeout(resolve, 300));
		const others = [...supporter.provider.awareness.getStates().keys()].filter((id) => id !== supporter.doc.clientID);
		expect(others).toEqual([]);
		expect(advocate.provider.awareness.getStates().size).toBeGreaterThan(1);
		supporter.destroy();
	});
});

describe('a burst of large updates', () => {
	it('fills the plan only up to its budget, keeps memory flat, and the plan still opens for everyone', async () => {
		const rssBefore = server.rssMiB();
		// One change of about 900 KB: within a frame, over the budget of one update.
		const tooBig = await attack((d) =>
			d.transact(() => {
				for (let n = 0; n < 90; n++) addItem(d, 'people', { author: ids.clinician, text: `${n} ${'v'.repeat(9_990)}` });
			})
		);
		expect(tooBig).toBe(CloseCode.TooLarge);
		expect(listItems(storedDoc(server.dataDir, plan.boardId), 'people')).toEqual([]);
		const attacker = await connected('clinician');
		// About 400 KB an update: 40 notes of 10,000 characters, until the plan's budget refuses them.
		for (let burst = 0; burst < 12 && attacker.closes.length === 0; burst++) {
			attacker.doc.transact(() => {
				for (let n = 0; n < 40; n++) addItem(attacker.doc, 'strengths', { author: ids.clinician, text: `${burst}-${n} ${'w'.repeat(9_990)}` });
			});
			await new Promise((resolve) => setTimeout(resolve, 50));
		}
		await eventually(() => attacker.closes.includes(CloseCode.PlanFull), 'the plan is full');
		attacker.destroy();
		const stored = Y.encodeStateAsUpdate(storedDoc(server.dataDir, plan.boardId)).length;
		expect(stored).toBeLessThanOrEqual(PLAN_MAX_BYTES);
		expect(server.rssMiB() - rssBefore).toBeLessThan(150);
		// Full for more words, but the plan still opens and syncs for everyone.
		const late = await connected('peer_advocate');
		expect(Y.encodeStateVector(late.doc)).toEqual(Y.encodeStateVector(storedDoc(server.dataDir, plan.boardId)));
		late.destroy();
	});
});
