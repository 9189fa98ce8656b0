/**
 * The socket.io channel against a real server: who may connect (cookie, session, origin), who
 * may join a plan's room, what a supporter may do and receive, and a member removed or signed
 * out mid-session losing the room at once. Follow the presenter's rules are enforced here too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REALTIME_PATH, RealtimeError, RealtimeRefusal } from '../../src/lib/protocol/realtime-events.js';
import { expireSessions, userId } from '../helpers/database.js';
import { signedUp } from '../helpers/http-client.js';
import { planWithEveryRole, type PlanWithEveryone } from '../helpers/plans.js';
import { connectRealtime, connected, disconnected, refusal, refusalOf, upgraded, upgradeAnswer, type TestSocket } from '../helpers/realtime-client.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { eventually } from '../helpers/sync-client.js';

const ELSEWHERE = 'http://elsewhere.example';
let server: TestServer;
let plan: PlanWithEveryone;
const open: TestSocket[] = [];

beforeAll(async () => {
	server = await startServer({ SYNC_SESSION_RECHECK_MS: '300' });
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

describe('connecting', () => {
	it('refuses a socket without a session cookie', async () => {
		expect(await refusal(connectRealtime(server.url, null))).toBe(RealtimeRefusal.SignedOut);
	});

	it('refuses a socket from another site, even with a good cookie: the upgrade is answered wrong_origin', async () => {
		const test = connectRealtime(server.url, plan.clients.person, { origin: ELSEWHERE });
		expect(await refusalOf(test)).toEqual({ message: 'websocket error', upgrade: 'Unexpected server response: 400' });
		// What the stock client does not show: the server's reason.
		expect(await upgradeAnswer(server.url, `${REALTIME_PATH}/?EIO=4&transport=websocket`, { cookie: plan.clients.person.cookieHeader(), origin: ELSEWHERE })).toEqual({
			status: 400,
			body: RealtimeRefusal.WrongOrigin
		});
		expect(await upgradeAnswer(server.url, `${REALTIME_PATH}/?EIO=4&transport=websocket`, { cookie: plan.clients.person.cookieHeader(), origin: server.url })).toEqual({
			status: 101,
			body: ''
		});
	});

	it('accepts one from this site', async () => {
		const test = connectRealtime(server.url, plan.clients.person, { origin: server.url });
		expect(await refusal(test)).toBe('connected');
	});

	it('refuses an expired session, and closes an open socket when its session runs out', async () => {
		const { client, email } = await signedUp(server.url, 'Eve Expiring');
		const first = connectRealtime(server.url, client);
		open.push(first);
		await connected(first);
		const gone = disconnected(first);
		expireSessions(server.dataDir, email);
		expect(await gone).toBe('io server disconnect');
		expect(await refusal(connectRealtime(server.url, client))).toBe(RealtimeRefusal.SignedOut);
	});

	it('closes a socket at once when its session signs out', async () => {
		const { client } = await signedUp(server.url, 'Sid Signout');
		const test = connectRealtime(server.url, client);
		open.push(test);
		await connected(test);
		const gone = disconnected(test);
		expect((await client.post('/logout', {})).status).toBe(303);
		expect(await gone).toBe('io server disconnect');
	});
});

describe('connecting as a browser does: long-polling first, then the upgrade', () => {
	it('refuses without a session cookie, or with an expired one', async () => {
		expect(await refusalOf(connectRealtime(server.url, null, {}, 'default'))).toEqual({ message: RealtimeRefusal.SignedOut });
		const { client, email } = await signedUp(server.url, 'Polly Polling');
		expireSessions(server.dataDir, email);
		expect(await refusalOf(connectRealtime(server.url, client, {}, 'default'))).toEqual({ message: RealtimeRefusal.SignedOut });
	});

	it('refuses another site with HTTP 403 wrong_origin, even with a good cookie', async () => {
		const refused = await refusalOf(connectRealtime(server.url, plan.clients.person, { origin: ELSEWHERE }, 'default'));
		expect(refused).toMatchObject({ message: 'xhr poll error', status: 403 });
		expect(JSON.parse(refused.body!)).toMatchObject({ message: RealtimeRefusal.WrongOrigin });
	});

	it('serves this site over long-polling, and still after the upgrade to a WebSocket', async () => {
		const polling = connectRealtime(server.url, plan.clients.person, { origin: server.url }, 'polling');
		const browserLike = connectRealtime(server.url, plan.clients.clinician, { origin: server.url }, 'default');
		open.push(polling, browserLike);
		await Promise.all([connected(polling), connected(browserLike)]);
		expect(polling.socket.io.engine.transport.name).toBe('polling');
		expect(await polling.ask('plan:open', { boardId: plan.boardId })).toEqual({ ok: true });
		await upgraded(browserLike);
		expect(browserLike.socket.io.engine.transport.name).toBe('websocket');
		expect(await browserLike.ask('plan:open', { boardId: plan.boardId })).toEqual({ ok: true });
		// Each hears the other over its own transport.
		const asked = await browserLike.ask('follow:ask', { boardId: plan.boardId });
		await eventually(() => polling.of('follow:asked').some((a) => a.requestId === asked.requestId), 'asked over long-polling');
		expect(await browserLike.ask('present:stop', { boardId: plan.boardId })).toEqual({ ok: true });
		polling.close();
		browserLike.close();
	});

	it('refuses a later request from another site that carries a live connection’s id: no event posted, no upgrade', async () => {
		const victim = connectRealtime(server.url, plan.clients.person, { origin: server.url }, 'polling');
		const clinician = connectRealtime(server.url, plan.clients.clinician);
		open.push(victim, clinician);
		await Promise.all([connected(victim), connected(clinician)]);
		for (const s of [victim, clinician]) expect(await s.ask('plan:open', { boardId: plan.boardId })).toEqual({ ok: true });
		const sid = victim.socket.io.engine.id;
		const later = `${REALTIME_PATH}/?EIO=4&transport=polling&sid=${sid}`;

		// Posting an event as the person ("follow me") from another site with their connection's id.
		const posted = await fetch(server.url + later, {
			method: 'POST',
			headers: { origin: ELSEWHERE, 'content-type': 'text/plain;charset=UTF-8' },
			body: `42${JSON.stringify(['follow:ask', { boardId: plan.boardId }])}`
		});
		expect(posted.status).toBe(400);
		// Taking the connection over with a WebSocket from another site.
		const upgrade = await upgradeAnswer(server.url, `${REALTIME_PATH}/?EIO=4&transport=websocket&sid=${sid}`, { origin: ELSEWHERE });
		expect(upgrade.status).toBe(400);
		expect(server.output()).toContain('Refused a realtime request from another site');

		// The person never presented: nobody was asked, and the clinician may present.
		await new Promise((r) => setTimeout(r, 200));
		expect(clinician.of('follow:asked')).toEqual([]);
		const asked = await clinician.ask('follow:ask', { boardId: plan.boardId });
		expect(asked).toMatchObject({ ok: true });
		// The person's own connection carries on, still on long-polling, and hears it.
		await eventually(() => victim.of('follow:asked').some((a) => a.requestId === asked.requestId), 'the person is asked');
		expect(victim.socket.io.engine.transport.name).toBe('polling');
		expect(await clinician.ask('present:stop', { boardId: plan.boardId })).toEqual({ ok: true });
		victim.close();
		clinician.close();
	});
});

describe('a plan’s room', () => {
	it('is not joined by someone not on the plan, and a plan that does not exist looks the same', async () => {
		const outsider = await socketOf('outsider');
		expect(await outsider.ask('plan:open', { boardId: plan.boardId })).toEqual({ ok: false, error: RealtimeError.NotFound });
		expect(await outsider.ask('plan:open', { boardId: 'a'.repeat(20) })).toEqual({ ok: false, error: RealtimeError.NotFound });
		expect(await outsider.ask('follow:ask', { boardId: plan.boardId })).toEqual({ ok: false, error: RealtimeError.NotOpen });
	});

	it('lets a supporter in to read along, but not present, and never asks them to follow', async () => {
		const supporter = await socketOf('supporter');
		const clinician = await socketOf('clinician');
		expect(await supporter.ask('plan:open', { boardId: plan.boardId })).toEqual({ ok: true });
		expect(await clinician.ask('plan:open', { boardId: plan.boardId })).toEqual({ ok: true });
		expect(await supporter.ask('follow:ask', { boardId: plan.boardId })).toEqual({ ok: false, error: RealtimeError.Forbidden });
		const asked = await clinician.ask('follow:ask', { boardId: plan.boardId });
		expect(asked).toMatchObject({ ok: true, asked: 0 });
		// Not asked, so its answer is refused and it receives nothing the presenter does.
		const answer = await supporter.ask('follow:answer', { boardId: plan.boardId, requestId: asked.requestId, follow: true });
		expect(answer).toEqual({ ok: false, error: RealtimeError.NotAsked });
		expect(await clinician.ask('present:at', { boardId: plan.boardId, section: 'goals', itemId: null })).toEqual({ ok: true });
		expect(await clinician.ask('present:stop', { boardId: plan.boardId })).toEqual({ ok: true });
		expect(supporter.of('follow:asked')).toEqual([]);
		expect(supporter.of('follow:moved')).toEqual([]);
		supporter.close();
		clinician.close();
	});
});

describe('follow the presenter', () => {
	it('asks each member on the plan; only those asked may answer, once; followers alone see the moves', async () => {
		const [clinician, person, advocate] = await Promise.all([socketOf('clinician'), socketOf('person'), socketOf('peer_advocate')]);
		for (const s of [clinician, person, advocate]) expect(await s.ask('plan:open', { boardId: plan.boardId })).toEqual({ ok: true });
		const asked = await clinician.ask('follow:ask', { boardId: plan.boardId });
		expect(asked).toMatchObject({ ok: true, asked: 2 });
		await eventually(() => person.of('follow:asked').length === 1 && advocate.of('follow:asked').length === 1, 'both asked');
		expect(person.of('follow:asked')[0]).toMatchObject({ boardId: plan.boardId, requestId: asked.requestId, presenter: { name: 'Cleo Clinician' } });

		// The presenter is somewhere already: whoever follows starts there.
		expect(await clinician.ask('present:at', { boardId: plan.boardId, section: 'today', itemId: null })).toEqual({ ok: true });

		// The person declines: final for this request.
		expect(await person.ask('follow:answer', { boardId: plan.boardId, requestId: asked.requestId, follow: false })).toEqual({ ok: true, at: null });
		expect(await person.ask('follow:answer', { boardId: plan.boardId, requestId: asked.requestId, follow: true })).toEqual({ ok: false, error: RealtimeError.NotAsked });
		// A made-up request id is not an invitation either.
		expect(await advocate.ask('follow:answer', { boardId: plan.boardId, requestId: 'made-up', follow: true })).toEqual({ ok: false, error: RealtimeError.NotAsked });
		// Following, the advocate is told in the answer where the presenter is, to start there.
		expect(await advocate.ask('follow:answer', { boardId: plan.boardId, requestId: asked.requestId, follow: true })).toEqual({
			ok: true,
			at: { section: 'today', itemId: null }
		});
		await eventually(() => clinician.of('present:followers').some((f) => (f.followers as unknown[]).length === 1), 'presenter sees one follower');
		expect(clinician.of('present:followers').at(-1)?.followers).toEqual([{ id: userId(server.dataDir, plan.emails.peer_advocate), name: 'Ade Advocate' }]);

		// Only the presenter moves anyone.
		expect(await advocate.ask('present:at', { boardId: plan.boardId, section: 'notes', itemId: null })).toEqual({ ok: false, error: RealtimeError.NotPresenting });
		expect(await clinician.ask('present:at', { boardId: plan.boardId, section: 'goals', itemId: null })).toEqual({ ok: true });
		await eventually(() => advocate.of('follow:moved').length === 1, 'follower moved');
		expect(advocate.of('follow:moved')).toEqual([{ boardId: plan.boardId, section: 'goals', itemId: null }]);
		expect(person.of('follow:moved')).toEqual([]);

		// Someone else cannot present while one does.
		expect(await advocate.ask('follow:ask', { boardId: plan.boardId })).toEqual({ ok: false, error: RealtimeError.AlreadyPresenting });
		expect(await clinician.ask('present:stop', { boardId: plan.boardId })).toEqual({ ok: true });
		await eventually(() => advocate.of('follow:ended').length === 1, 'follower told it ended');
		for (const s of [clinician, person, advocate]) s.close();
	});

	it('a member removed mid-session leaves the room at once: no more moves, no more answers', async () => {
		const fresh = await planWithEveryRole(server.url);
		const clinician = connectRealtime(server.url, fresh.clients.clinician);
		const advocate = connectRealtime(server.url, fresh.clients.peer_advocate);
		open.push(clinician, advocate);
		await Promise.all([connected(clinician), connected(advocate)]);
		for (const s of [clinician, advocate]) expect(await s.ask('plan:open', { boardId: fresh.boardId })).toEqual({ ok: true });
		const asked = await clinician.ask('follow:ask', { boardId: fresh.boardId });
		expect(await advocate.ask('follow:answer', { boardId: fresh.boardId, requestId: asked.requestId, follow: true })).toEqual({ ok: true, at: null });

		const advocateId = userId(server.dataDir, fresh.emails.peer_advocate);
		expect((await fresh.clients.person.post(`/boards/${fresh.boardId}/people?/remove`, { member: advocateId })).status).toBe(303);
		await eventually(() => advocate.of('plan:removed').length === 1, 'told it was removed');
		await eventually(() => clinician.of('present:followers').at(-1)?.followers instanceof Array && (clinician.of('present:followers').at(-1)!.followers as unknown[]).length === 0, 'no longer a follower');
		expect(await clinician.ask('present:at', { boardId: fresh.boardId, section: 'steps', itemId: null })).toEqual({ ok: true });
		expect(await advocate.ask('follow:ask', { boardId: fresh.boardId })).toEqual({ ok: false, error: RealtimeError.NotOpen });
		expect(await advocate.ask('plan:open', { boardId: fresh.boardId })).toEqual({ ok: false, error: RealtimeError.NotFound });
		expect(advocate.of('follow:moved')).toEqual([]);
	});

	it('a presenter made a supporter stops presenting at once', async () => {
		const fresh = await planWithEveryRole(server.url);
		const clinician = connectRealtime(server.url, fresh.clients.clinician);
		const advocate = connectRealtime(server.url, fresh.clients.peer_advocate);
		open.push(clinician, advocate);
		await Promise.all([connected(clinician), connected(advocate)]);
		for (const s of [clinician, advocate]) expect(await s.ask('plan:open', { boardId: fresh.boardId })).toEqual({ ok: true });
		const asked = await clinician.ask('follow:ask', { boardId: fresh.boardId });
		expect(await advocate.ask('follow:answer', { boardId: fresh.boardId, requestId: asked.requestId, follow: true })).toEqual({ ok: true, at: null });
		const clinicianId = userId(server.dataDir, fresh.emails.clinician);
		expect((await fresh.clients.person.post(`/boards/${fresh.boardId}/people?/role`, { member: clinicianId, role: 'supporter' })).status).toBe(303);
		await eventually(() => advocate.of('follow:ended').length === 1, 'the follower is told it ended');
		expect(await clinician.ask('present:at', { boardId: fresh.boardId, section: 'steps', itemId: null })).toEqual({ ok: false, error: RealtimeError.NotPresenting });
		expect(await clinician.ask('follow:ask', { boardId: fresh.boardId })).toEqual({ ok: false, error: RealtimeError.Forbidden });
	});
});
