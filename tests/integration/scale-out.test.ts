/**
 * Three instances on one PostgreSQL and one Redis: people on different instances edit one plan
 * and converge; presence and the live channel's events cross instances; a member removed or a
 * session ended on one instance is closed (sync) or put out of the plan (socket.io) on every other at once (the periodic re-check is set
 * to ten minutes, so only the events can do it); the sign-in limit and the socket caps count
 * every instance together.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addItem, listItems } from '../../src/lib/board/index.js';
import { CloseCode } from '../../src/lib/protocol/close-codes.js';
import { Client, GOOD_PASSWORD } from '../helpers/http-client.js';
import { planWithEveryRole, type PlanWithEveryone } from '../helpers/plans.js';
import { pgStoredDoc, pgUserId } from '../helpers/postgres-data.js';
import { connected, connectRealtime } from '../helpers/realtime-client.js';
import { startInstances, type Instances } from '../helpers/scale-out.js';
import { freePort, runUntilExit } from '../helpers/server.js';
import { connectProvider, eventually, whenSynced, wsBase, type TestProvider } from '../helpers/sync-client.js';
import WebSocket from 'ws';

let cluster: Instances;
let plan: PlanWithEveryone;
const open: { destroy(): void }[] = [];
const url = (i: number) => cluster.servers[i].url;

beforeAll(async () => {
	cluster = await startInstances(3, { SYNC_SESSION_RECHECK_MS: '600000', SYNC_MAX_SOCKETS_PER_ACCOUNT: '4', PLAN_MAX_BYTES: '65536' });
	plan = await planWithEveryRole(url(0));
});
afterAll(async () => {
	for (const o of open) o.destroy();
	await cluster?.stop();
});

function provider(instance: number, who: keyof PlanWithEveryone['clients']): TestProvider {
	const p = connectProvider(url(instance), plan.boardId, plan.clients[who]);
	open.push(p);
	return p;
}

/** One raw sync socket: 'open', or the HTTP status it was refused with. */
function rawSocket(base: string, client: Client): Promise<{ socket: WebSocket; result: 'open' | number }> {
	return new Promise((resolve) => {
		const socket = new WebSocket(`${wsBase(base)}/${plan.boardId}`, { headers: { cookie: client.cookieHeader() } });
		socket.once('open', () => resolve({ socket, result: 'open' }));
		socket.once('unexpected-response', (_req, res) => {
			resolve({ socket, result: res.statusCode ?? 0 });
			res.resume();
		});
		socket.once('error', () => resolve({ socket, result: -1 }));
	});
}

const vector = (doc: Y.Doc) => Buffer.from(Y.encodeStateVector(doc)).toString('base64');

describe('three instances', () => {
	it('people on different instances edit one plan and converge, and every edit is stored', async () => {
		const [person, clinician, advocate] = [provider(0, 'person'), provider(1, 'clinician'), provider(2, 'peer_advocate')];
		await Promise.all([person, clinician, advocate].map((p) => whenSynced(p.provider)));
		const ids = await Promise.all((['person', 'clinician', 'peer_advocate'] as const).map((who) => pgUserId(cluster.databaseUrl, plan.emails[who])));
		for (let i = 0; i < 10; i++) {
			[person, clinician, advocate].forEach((p, n) => addItem(p.doc, 'notes', { author: ids[n], text: `note ${n}.${i}` }));
		}
		const docs = [person.doc, clinician.doc, advocate.doc];
		await eventually(() => docs.every((doc) => listItems(doc, 'notes').length === 30), 'all 30 notes on every instance', 10_000);
		await eventually(() => new Set(docs.map(vector)).size === 1, 'equal state vectors', 10_000);
		const stored = await pgStoredDoc(cluster.databaseUrl, plan.boardId);
		expect(listItems(stored, 'notes')).toHaveLength(30);
		expect(vector(stored)).toBe(vector(person.doc));
	});

	it('presence set through one instance is seen through the others, also by an instance that opens the plan later', async () => {
		for (const o of open.splice(0)) o.destroy();
		const typist = provider(0, 'clinician');
		await whenSynced(typist.provider);
		typist.provider.awareness.setLocalState({ viewing: 'goals', editing: null, drafting: null });
		// Instance 2 opens the plan only now: what instance 0 relayed before, it must ask for.
		await new Promise((r) => setTimeout(r, 300));
		const watcher = provider(2, 'person');
		await whenSynced(watcher.provider);
		await eventually(
			() => [...watcher.provider.awareness.getStates().values()].some((state) => (state as { viewing?: string; user?: { name: string } }).viewing === 'goals' && state.user?.name === 'Cleo Clinician'),
			'the clinician’s presence on the other instance',
			5_000
		);
	});

	it('the plan list on one instance hears who opened the plan, and what changed, on another', async () => {
		for (const o of open.splice(0)) o.destroy();
		const list = connectRealtime(url(1), plan.clients.person);
		open.push({ destroy: () => list.close() });
		await connected(list);
		const advocateHere = (here: unknown) => (here as { name: string }[] | null)?.some((p) => p.name === 'Ade Advocate') ?? false;
		// Wait until the closed sockets of the tests before have gone from every instance.
		for (let tries = 0; ; tries++) {
			const { plans } = (await list.ask('plans:watch', {})) as { plans: { boardId: string; here: unknown }[] };
			if (!advocateHere(plans.find((p) => p.boardId === plan.boardId)?.here)) break;
			if (tries > 50) throw new Error('the advocate stayed on the plan');
			await new Promise((r) => setTimeout(r, 100));
		}
		const advocate = provider(2, 'peer_advocate');
		await whenSynced(advocate.provider);
		await eventually(() => list.of('plans:here').some((e) => advocateHere(e.here)), 'plans:here from another instance');
		const advocateId = await pgUserId(cluster.databaseUrl, plan.emails.peer_advocate);
		addItem(advocate.doc, 'strengths', { author: advocateId, text: 'Good at listening' });
		await eventually(() => list.of('plans:changed').some((e) => e.by === 'Ade Advocate'), 'plans:changed from another instance');
	});

	it('follow the presenter works across instances, with one presenter per plan', async () => {
		const presenter = connectRealtime(url(0), plan.clients.clinician);
		const follower = connectRealtime(url(1), plan.clients.peer_advocate);
		const rival = connectRealtime(url(2), plan.clients.person);
		open.push(...[presenter, follower, rival].map((s) => ({ destroy: () => s.close() })));
		await Promise.all([presenter, follower, rival].map(connected));
		for (const s of [presenter, follower, rival]) expect(await s.ask('plan:open', { boardId: plan.boardId })).toEqual({ ok: true });
		const asked = await presenter.ask('follow:ask', { boardId: plan.boardId });
		expect(asked).toMatchObject({ ok: true, asked: 2 });
		expect(await rival.ask('follow:ask', { boardId: plan.boardId })).toEqual({ ok: false, error: 'already_presenting' });
		await eventually(() => follower.of('follow:asked').length === 1, 'the request on another instance');
		expect(follower.of('follow:asked')[0]).toMatchObject({ presenter: { name: 'Cleo Clinician' }, requestId: asked.requestId });
		// The presenter moves before anyone answers: a follower on another instance starts there.
		expect(await presenter.ask('present:at', { boardId: plan.boardId, section: 'strengths', itemId: null })).toEqual({ ok: true });
		expect(await follower.ask('follow:answer', { boardId: plan.boardId, requestId: asked.requestId, follow: true })).toEqual({
			ok: true,
			at: { section: 'strengths', itemId: null }
		});
		expect(await rival.ask('follow:answer', { boardId: plan.boardId, requestId: asked.requestId, follow: false })).toEqual({ ok: true, at: null });
		expect(await rival.ask('follow:answer', { boardId: plan.boardId, requestId: asked.requestId, follow: true })).toEqual({ ok: false, error: 'not_asked' });
		await eventually(() => presenter.of('present:followers').some((e) => (e.followers as { name: string }[]).some((f) => f.name === 'Ade Advocate')), 'the follower told to the presenter');
		expect(await presenter.ask('present:at', { boardId: plan.boardId, section: 'goals', itemId: null })).toEqual({ ok: true });
		await eventually(() => follower.of('follow:moved').some((e) => e.section === 'goals'), 'the move on another instance');
		expect(rival.of('follow:moved')).toEqual([]);
		expect(await presenter.ask('present:stop', { boardId: plan.boardId })).toEqual({ ok: true });
		await eventually(() => follower.of('follow:ended').length === 1, 'the end on another instance');
		// Nobody presents now: another writer, on another instance, may.
		expect(await rival.ask('follow:ask', { boardId: plan.boardId })).toMatchObject({ ok: true });
		expect(await rival.ask('present:stop', { boardId: plan.boardId })).toEqual({ ok: true });
	});

	it('a session ended on one instance closes its sockets on the others at once', async () => {
		const supporter = new Client(url(0));
		expect((await supporter.post('/login', { email: plan.emails.supporter, password: GOOD_PASSWORD })).status).toBe(303);
		const onTwo = connectProvider(url(2), plan.boardId, supporter);
		const live = connectRealtime(url(1), supporter);
		open.push(onTwo, { destroy: () => live.close() });
		await Promise.all([whenSynced(onTwo.provider), connected(live)]);
		const closed = new Promise<string>((resolve) => live.socket.once('disconnect', resolve));
		expect((await supporter.post('/logout', {})).status).toBe(303);
		await eventually(() => onTwo.closes.includes(CloseCode.Unauthorized), 'sync socket closed on the other instance', 3_000);
		expect(await closed).toBe('io server disconnect');
	});

	it('a member removed on one instance loses the plan on every other at once', async () => {
		const onOne = provider(1, 'peer_advocate');
		const onTwo = provider(2, 'peer_advocate');
		await Promise.all([whenSynced(onOne.provider), whenSynced(onTwo.provider)]);
		const advocateId = await pgUserId(cluster.databaseUrl, plan.emails.peer_advocate);
		expect((await plan.clients.person.post(`/boards/${plan.boardId}/people?/remove`, { member: advocateId })).status).toBe(303);
		await eventually(() => onOne.closes.includes(CloseCode.Forbidden) && onTwo.closes.includes(CloseCode.Forbidden), 'closed on both other instances', 3_000);
	});

	it('a member removed on one instance is put out of the plan on the live channel of every other at once', async () => {
		const fresh = await planWithEveryRole(url(0));
		const boardId = fresh.boardId;
		// The advocate has the plan's page open through instances 1 and 2; the clinician presents from 2.
		const onOne = connectRealtime(url(1), fresh.clients.peer_advocate);
		const onTwo = connectRealtime(url(2), fresh.clients.peer_advocate);
		const presenter = connectRealtime(url(2), fresh.clients.clinician);
		open.push(...[onOne, onTwo, presenter].map((s) => ({ destroy: () => s.close() })));
		await Promise.all([onOne, onTwo, presenter].map(connected));
		for (const s of [onOne, onTwo, presenter]) expect(await s.ask('plan:open', { boardId })).toEqual({ ok: true });
		// Before: the plan's events reach both of the advocate's sockets.
		expect(await presenter.ask('follow:ask', { boardId })).toMatchObject({ ok: true, asked: 2 });
		await eventually(() => onOne.of('follow:asked').length === 1 && onTwo.of('follow:asked').length === 1, 'the request on both sockets');
		expect(await presenter.ask('present:stop', { boardId })).toEqual({ ok: true });

		// Removed through instance 0, where the advocate has no socket; the periodic re-check is ten minutes away.
		const advocateId = await pgUserId(cluster.databaseUrl, fresh.emails.peer_advocate);
		expect((await fresh.clients.person.post(`/boards/${boardId}/people?/remove`, { member: advocateId })).status).toBe(303);
		await eventually(() => onOne.of('plan:removed').length === 1 && onTwo.of('plan:removed').length === 1, 'plan:removed on both other instances', 3_000);
		for (const s of [onOne, onTwo]) expect(s.of('plan:removed')[0]).toEqual({ boardId });

		// After: the plan's events reach neither socket, and opening the plan again is refused.
		expect(await presenter.ask('follow:ask', { boardId })).toMatchObject({ ok: true, asked: 0 });
		expect(await presenter.ask('present:stop', { boardId })).toEqual({ ok: true });
		await new Promise((r) => setTimeout(r, 300));
		for (const s of [onOne, onTwo]) {
			expect(s.of('follow:asked')).toHaveLength(1);
			expect(await s.ask('plan:open', { boardId })).toEqual({ ok: false, error: 'not_found' });
			expect(await s.ask('follow:answer', { boardId, requestId: 'any', follow: true })).toMatchObject({ ok: false });
		}
	});

	it('one account’s sync sockets are capped across every instance together', async () => {
		// The cap is 4 in this set-up; the clinician's sockets of the tests before are closed first.
		for (const o of open.splice(0)) o.destroy();
		await new Promise((r) => setTimeout(r, 1_000));
		const outcomes = await Promise.all([0, 1, 2, 0, 1, 2].map((instance) => rawSocket(url(instance), plan.clients.clinician)));
		expect(outcomes.map((o) => o.result).sort()).toEqual([429, 429, 'open', 'open', 'open', 'open']);
		for (const { socket } of outcomes) socket.terminate();
		// Places given back on one instance are free on the others.
		await new Promise((r) => setTimeout(r, 1_000));
		const again = await Promise.all([1, 2].map((instance) => rawSocket(url(instance), plan.clients.clinician)));
		expect(again.map((o) => o.result)).toEqual(['open', 'open']);
		for (const { socket } of again) socket.terminate();
	});

	it('a plan’s byte budget counts what every instance added', async () => {
		const small = await planWithEveryRole(url(0));
		const clinician = connectProvider(url(1), small.boardId, small.clients.clinician);
		const person = connectProvider(url(0), small.boardId, small.clients.person);
		open.push(clinician, person);
		await Promise.all([whenSynced(clinician.provider), whenSynced(person.provider)]);
		const [personId, clinicianId] = await Promise.all([pgUserId(cluster.databaseUrl, small.emails.person), pgUserId(cluster.databaseUrl, small.emails.clinician)]);
		// 45 KB through instance 0, of a 64 KiB budget; instance 1 has the plan open all along.
		for (let i = 0; i < 5; i++) addItem(person.doc, 'notes', { author: personId, text: `${i}`.repeat(9_000) });
		await eventually(() => listItems(clinician.doc, 'notes').length === 5, 'the notes reached instance 1');
		for (let i = 0; i < 3; i++) addItem(clinician.doc, 'notes', { author: clinicianId, text: `c${i}`.repeat(4_500) });
		await eventually(() => clinician.closes.includes(CloseCode.PlanFull), 'instance 1 refused what would pass the budget', 5_000);
	});

	it('the sign-in limit counts wrong passwords on every instance together', async () => {
		const email = plan.emails.outsider;
		for (let i = 0; i < 10; i++) expect((await new Client(url(i % 3)).post('/login', { email, password: `wrong ${i}` })).status).toBe(400);
		for (const instance of [0, 1, 2]) expect((await new Client(url(instance)).post('/login', { email, password: GOOD_PASSWORD })).status).toBe(429);
	});
});

it('refuses to start when Redis cannot be reached, naming REDIS_URL', async () => {
	const port = await freePort();
	const { code, output } = await runUntilExit({ DATABASE_URL: cluster.databaseUrl, REDIS_URL: `redis://:secret@127.0.0.1:${port}` });
	expect(code).toBe(1);
	expect(output).toMatch(new RegExp(`cannot reach Redis at REDIS_URL \\(127\\.0\\.0\\.1:${port}\\)`));
	expect(output).not.toContain('secret');
});
