/**
 * Bad input on the socket.io channel: malformed payloads, unknown events, oversized messages
 * and a flood of 10,000 events in a second. Each gets a named error (or closes only the socket
 * that sent it); other sockets carry on, and nothing stored changes.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import WebSocket from 'ws';
import { RealtimeError } from '../../src/lib/protocol/realtime-events.js';
import { count } from '../helpers/database.js';
import { planWithEveryRole, type PlanWithEveryone } from '../helpers/plans.js';
import { RealtimeRefusal } from '../../src/lib/protocol/realtime-events.js';
import { connectRealtime, connected, disconnected, refusal, type TestSocket } from '../helpers/realtime-client.js';
import { startServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
let plan: PlanWithEveryone;
const open: TestSocket[] = [];

beforeAll(async () => {
	server = await startServer({ REALTIME_MAX_SOCKETS_PER_ACCOUNT: '3' });
	plan = await planWithEveryRole(server.url);
});
afterAll(async () => {
	for (const s of open) s.close();
	await server?.stop();
});

async function socketOf(who: keyof PlanWithEveryone['clients']): Promise<TestSocket> {
	const test = connectRealtime(server.url, plan.clients[who]);
	open.push(test);
	await connected(test);
	return test;
}

/** What is stored about the plan: its updates and members. */
function stored(): { updates: number; members: number } {
	return {
		updates: count(server.dataDir, 'SELECT COUNT(*) AS n FROM board_updates WHERE board_id = ?', plan.boardId),
		members: count(server.dataDir, 'SELECT COUNT(*) AS n FROM memberships WHERE board_id = ?', plan.boardId)
	};
}

it('answers malformed payloads and unknown events with a named error, and changes nothing', async () => {
	const before = stored();
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
		expect(await clinician.ask(type, payload), `${type} ${JSON.stringify(payload)}`).toEqual({ ok: false, error: RealtimeError.Malformed });
	}
	for (const type of ['plan:delete', 'constructor', '__proto__', 'follow:ask:now', '']) {
		expect(await clinician.ask(type, { boardId: plan.boardId }), type).toEqual({ ok: false, error: RealtimeError.UnknownEvent });
	}
	// Still connected and served.
	expect(await clinician.ask('plan:open', { boardId: plan.boardId })).toEqual({ ok: true });
	expect(stored()).toEqual(before);
});

it('closes only the socket that sends an oversized message', async () => {
	const before = stored();
	const [big, other] = await Promise.all([socketOf('clinician'), socketOf('peer_advocate')]);
	const gone = disconnected(big);
	big.socket.emit('plan:open', { boardId: plan.boardId, padding: 'x'.repeat(64 * 1024) });
	expect(await gone).toBe('transport close');
	expect(await other.ask('plan:open', { boardId: plan.boardId })).toEqual({ ok: true });
	expect(stored()).toEqual(before);
});

it('10,000 events in a second: that socket is warned, refused, then closed; another is unaffected', async () => {
	const before = stored();
	const [flood, other] = await Promise.all([socketOf('clinician'), socketOf('person')]);
	expect(await other.ask('plan:open', { boardId: plan.boardId })).toEqual({ ok: true });
	const answers: unknown[] = [];
	const gone = disconnected(flood);
	for (let i = 0; i < 10_000; i++) flood.socket.emit('plan:open', { boardId: plan.boardId }, (answer: unknown) => answers.push(answer));
	expect(await gone).toBe('io server disconnect');
	expect(flood.of('limit:warning')).toEqual([{ error: RealtimeError.RateLimited }]);
	expect(answers).toContainEqual({ ok: false, error: RealtimeError.RateLimited });
	// Within its burst it was served; past it, refused; it never got all 10,000 through.
	expect(answers.filter((a) => (a as { ok: boolean }).ok).length).toBeLessThan(100);
	// The other socket is served as before.
	expect(await other.ask('plan:close', { boardId: plan.boardId })).toEqual({ ok: true });
	expect(await other.ask('plan:open', { boardId: plan.boardId })).toEqual({ ok: true });
	expect(stored()).toEqual(before);
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
