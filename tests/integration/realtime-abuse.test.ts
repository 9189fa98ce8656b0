/**
 * Bad input on the socket.io channel: malformed payloads, unknown events, oversized messages
 * and a flood of 10,000 events in a second. Each gets a named error (or closes only the socket
 * that sent it); other sockets carry on, nothing stored changes, and the person writing on the
 * plan meanwhile has their change stored.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { addItem, listItems, SECTION_KEYS, type ItemView } from '../../src/lib/board/index.js';
import { RealtimeError, RealtimeRefusal } from '../../src/lib/protocol/realtime-events.js';
import { openDatabase, storedDoc, userId } from '../helpers/database.js';
import { planWithEveryRole, type PlanWithEveryone } from '../helpers/plans.js';
import { connectRealtime, connected, disconnected, refusal, type TestSocket } from '../helpers/realtime-client.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { connectProvider, eventually, whenSynced, type TestProvider } from '../helpers/sync-client.js';

let server: TestServer;
let plan: PlanWithEveryone;
/** The person, writing on the plan over /yjs. */
let writer: TestProvider;
let personId: string;
const open: TestSocket[] = [];

beforeAll(async () => {
	server = await startServer({ REALTIME_MAX_SOCKETS_PER_ACCOUNT: '3' });
	plan = await planWithEveryRole(server.url);
	personId = userId(server.dataDir, plan.emails.person);
	writer = connectProvider(server.url, plan.boardId, plan.clients.person);
	await whenSynced(writer.provider);
	addItem(writer.doc, 'matters', { author: personId, text: 'Seeing my grandchildren' });
	await eventually(() => stored().items.matters.length === 1, 'the first item is stored');
});
afterAll(async () => {
	writer?.destroy();
	for (const s of open) s.close();
	await server?.stop();
});

async function socketOf(who: keyof PlanWithEveryone['clients']): Promise<TestSocket> {
	const test = connectRealtime(server.url, plan.clients[who]);
	open.push(test);
	await connected(test);
	return test;
}

/** What is stored about the plan: every item of every section, the clock of each writer, the members' rows. */
function stored(): { items: Record<string, ItemView[]>; clocks: Map<number, number>; members: unknown[] } {
	const doc = storedDoc(server.dataDir, plan.boardId);
	const db = openDatabase(server.dataDir);
	try {
		return {
			items: Object.fromEntries(SECTION_KEYS.map((key) => [key, listItems(doc, key)])),
			clocks: Y.decodeStateVector(Y.encodeStateVector(doc)),
			members: db.prepare('SELECT user_id, role, joined_at FROM memberships WHERE board_id = ? ORDER BY user_id').all(plan.boardId)
		};
	} finally {
		db.close();
		doc.destroy();
	}
}

/**
 * No socket.io event writes anything; the plan is written over /yjs. So while bad events arrive
 * the person writes a note there (`write`), and afterwards (`check`) the store holds exactly
 * what it held before plus that note: nothing the events did is stored, and they held up no
 * real change.
 */
function writeMeanwhile(): { write(): void; check(): Promise<void> } {
	const before = stored();
	const text = `Written during bad events ${++notes}`;
	let id = '';
	const write = () => void (id ||= addItem(writer.doc, 'notes', { author: personId, text }));
	return {
		write,
		async check() {
			write();
			await eventually(() => stored().items.notes.some((item) => item.id === id), 'the note is stored');
			const after = stored();
			expect(after.members).toEqual(before.members);
			expect(after.members).toHaveLength(4);
			expect(after.items.notes.filter((item) => item.id === id).map((item) => item.text)).toEqual([text]);
			expect({ ...after.items, notes: after.items.notes.filter((item) => item.id !== id) }).toEqual(before.items);
			// Only the writer's clock moved: nothing else was stored.
			for (const [client, clock] of after.clocks) if (client !== writer.doc.clientID) expect(clock, `client ${client}`).toBe(before.clocks.get(client));
			expect(after.clocks.get(writer.doc.clientID)).toBeGreaterThan(before.clocks.get(writer.doc.clientID) ?? 0);
		}
	};
}
let notes = 0;

it('answers malformed payloads and unknown events with a named error, and changes nothing', async () => {
	const meanwhile = writeMeanwhile();
	const clinician = await socketOf('clinician');
	const bad: [string, unknown][] = [
		['plan:open', undefined],
		['plan:open', null],
		['plan:open', 'just a string'],
		['plan:open', [plan.boardId]],
		['plan:open', { boardId: 42 }],
		['plan:open', { boardId: '../../etc/passwd' }],
		['plan:open', { boardId: plan.boardId, extra: true }],
		['follow:answer', { boardId: plan.boardId, requestId: 'x', follow: 'yes' }],
		['follow:answer', { boardId: plan.boardId, requestId: '<script>', follow: true }],
		['present:at', { boardId: plan.boardId, section: 'nowhere', itemId: null }],
		['present:at', { boardId: plan.boardId, section: 'goals', itemId: { id: 1 } }],
		['plans:watch', { please: true }]
	];
	for (const [type, payload] of bad) {
		if (type === 'follow:answer') meanwhile.write();
		expect(await clinician.ask(type, payload), `${type} ${JSON.stringify(payload)}`).toEqual({ ok: false, error: RealtimeError.Malformed });
	}
	for (const type of ['plan:delete', 'constructor', '__proto__', 'follow:ask:now', '']) {
		expect(await clinician.ask(type, { boardId: plan.boardId }), type).toEqual({ ok: false, error: RealtimeError.UnknownEvent });
	}
	// Still connected and served.
	expect(await clinician.ask('plan:open', { boardId: plan.boardId })).toEqual({ ok: true });
	await meanwhile.check();
});

it('closes only the socket that sends an oversized message', async () => {
	const meanwhile = writeMeanwhile();
	const [big, other] = await Promise.all([socketOf('clinician'), socketOf('peer_advocate')]);
	const gone = disconnected(big);
	big.socket.emit('plan:open', { boardId: plan.boardId, padding: 'x'.repeat(64 * 1024) });
	meanwhile.write();
	expect(await gone).toBe('transport close');
	expect(await other.ask('plan:open', { boardId: plan.boardId })).toEqual({ ok: true });
	await meanwhile.check();
});

it('10,000 events in a second: that socket is warned, refused, then closed; another is unaffected', async () => {
	const meanwhile = writeMeanwhile();
	const [flood, other] = await Promise.all([socketOf('clinician'), socketOf('person')]);
	expect(await other.ask('plan:open', { boardId: plan.boardId })).toEqual({ ok: true });
	const answers: unknown[] = [];
	const gone = disconnected(flood);
	for (let i = 0; i < 10_000; i++) flood.socket.emit('plan:open', { boardId: plan.boardId }, (answer: unknown) => answers.push(answer));
	// The person writes while the flood arrives.
	meanwhile.write();
	expect(await gone).toBe('io server disconnect');
	expect(flood.of('limit:warning')).toEqual([{ error: RealtimeError.RateLimited }]);
	expect(answers).toContainEqual({ ok: false, error: RealtimeError.RateLimited });
	// Within its burst it was served; past it, refused; it never got all 10,000 through.
	expect(answers.filter((a) => (a as { ok: boolean }).ok).length).toBeLessThan(100);
	// The other socket is served as before.
	expect(await other.ask('plan:close', { boardId: plan.boardId })).toEqual({ ok: true });
	expect(await other.ask('plan:open', { boardId: plan.boardId })).toEqual({ ok: true });
	await meanwhile.check();
	expect(server.output()).toContain('Closed a realtime socket: too many events');
});

it('one account may hold only so many sockets; a closed one frees its place', async () => {
	const first = await socketOf('supporter');
	await socketOf('supporter');
	await socketOf('supporter');
	expect(await refusal(connectRealtime(server.url, plan.clients.supporter))).toBe(RealtimeRefusal.TooManySockets);
	// Another account is not held back.
	await socketOf('peer_advocate');
	const gone = disconnected(first);
	first.close();
	await gone;
	const again = connectRealtime(server.url, plan.clients.supporter);
	open.push(again);
	await connected(again);
});

it('a WebSocket upgrade for a path that is neither /yjs nor /socket.io is dropped, not left hanging', async () => {
	const socket = new WebSocket(`${server.url.replace('http', 'ws')}/elsewhere`);
	const outcome = await new Promise<string>((resolve) => {
		socket.once('open', () => resolve('opened'));
		socket.once('error', (error) => resolve(`refused: ${error.message}`));
	});
	expect(outcome).toMatch(/^refused/);
});
