/**
 * Two instances behind a real HAProxy, run from the configuration in docs/haproxy.cfg: pages,
 * sync WebSockets and socket.io pass through it; socket.io's long-polling stays on one instance
 * by the cookie; and an instance stopped with SIGTERM drains: it stores what is pending, closes
 * its sync sockets with 1001 and its socket.io connections without a final "disconnect", and its
 * people (the stock socket.io client reconnecting by itself) carry on through HAProxy on the other.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addItem, listItems } from '../../src/lib/board/index.js';
import { CloseCode } from '../../src/lib/protocol/close-codes.js';
import { REALTIME_PATH } from '../../src/lib/protocol/realtime-events.js';
import { startHaproxy, type TestHaproxy } from '../helpers/haproxy.js';
import { planWithEveryRole, type PlanWithEveryone } from '../helpers/plans.js';
import { pgStoredDoc, pgUserId } from '../helpers/postgres-data.js';
import { connected, connectRealtime } from '../helpers/realtime-client.js';
import { startInstances, type Instances } from '../helpers/scale-out.js';
import { connectProvider, eventually, whenSynced } from '../helpers/sync-client.js';

let cluster: Instances;
let proxy: TestHaproxy;
let plan: PlanWithEveryone;

beforeAll(async () => {
	cluster = await startInstances(2, { ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: '1' });
	proxy = await startHaproxy(cluster.servers.map((s) => s.port));
	plan = await planWithEveryRole(proxy.url);
	// Which instance a browser first lands on is HAProxy's choice, then kept by its cookie. Put two
	// people on each, as browsers that landed there, so both instances always have someone.
	for (const [who, instance] of [['person', 'i0'], ['clinician', 'i0'], ['peer_advocate', 'i1'], ['supporter', 'i1']] as const) {
		plan.clients[who].cookies.set('wm_instance', instance);
	}
});
afterAll(async () => {
	await proxy?.stop();
	await cluster?.stop();
});

it('serves pages, sync sockets and the live channel through HAProxy, on both instances', async () => {
	expect((await plan.clients.person.get(`/boards/${plan.boardId}`)).status).toBe(200);
	const people = (['person', 'clinician', 'peer_advocate', 'supporter'] as const).map((who) => connectProvider(proxy.url, plan.boardId, plan.clients[who]));
	await Promise.all(people.map((p) => whenSynced(p.provider)));
	const author = await pgUserId(cluster.databaseUrl, plan.emails.person);
	addItem(people[0].doc, 'matters', { author, text: 'My garden' });
	await eventually(() => people.every((p) => listItems(p.doc, 'matters').length === 1), 'the edit reached everyone');
	const live = connectRealtime(proxy.url, plan.clients.clinician);
	await connected(live);
	expect(await live.ask('plan:open', { boardId: plan.boardId })).toEqual({ ok: true });
	live.close();
	for (const p of people) p.destroy();
	// The four sockets went to both instances, each by its cookie (HAProxy logs a WebSocket when it closes).
	await eventually(() => /whatmatters\/i0 .*"GET \/yjs\//.test(proxy.output()) && /whatmatters\/i1 .*"GET \/yjs\//.test(proxy.output()), 'sync sockets on both instances');
});

it('keeps socket.io long-polling on one instance with the cookie HAProxy sets', async () => {
	const base = `${proxy.url}${REALTIME_PATH}/?EIO=4&transport=polling`;
	// HAProxy set the instance cookie on the first answer this browser had, with its session.
	expect(plan.clients.person.cookies.get('wm_instance')).toMatch(/^i[01]$/);
	const cookie = plan.clients.person.cookieHeader();
	const handshake = await fetch(base, { headers: { cookie } });
	expect(handshake.status).toBe(200);
	const sid = /"sid":"([^"]+)"/.exec(await handshake.text())?.[1];
	expect(sid).toBeTruthy();
	// Join the namespace, then read the answer: each request reaches the instance holding the session.
	const join = await fetch(`${base}&sid=${sid}`, { method: 'POST', headers: { cookie, 'content-type': 'text/plain' }, body: '40' });
	expect(join.status).toBe(200);
	const poll = await fetch(`${base}&sid=${sid}`, { headers: { cookie } });
	const answer = await poll.text();
	expect(poll.status, answer).toBe(200);
	expect(answer).toMatch(/^40\{"sid":/);
});

it('drains an instance on SIGTERM: pending edits are stored, its people carry on through the other', async () => {
	const people = (['person', 'clinician', 'peer_advocate'] as const).map((who) => connectProvider(proxy.url, plan.boardId, plan.clients[who]));
	await Promise.all(people.map((p) => whenSynced(p.provider)));
	const author = await pgUserId(cluster.databaseUrl, plan.emails.clinician);
	// HAProxy keeps each browser on the instance its cookie names: stop the one the typist is on.
	const typistOn = plan.clients.clinician.cookies.get('wm_instance');
	expect(typistOn).toMatch(/^i[01]$/);
	expect(plan.clients.person.cookies.get('wm_instance')).toBe(typistOn);
	const leaving = cluster.servers[Number(typistOn!.slice(1))]!;
	// The live channel of two browsers on that instance, reconnecting by themselves as a browser's
	// does: one on a WebSocket, one that stays on long-polling; and one on the instance that stays.
	// All watch the plan list.
	const staysOn = plan.clients.peer_advocate.cookies.get('wm_instance');
	expect(staysOn).toMatch(/^i[01]$/);
	expect(staysOn).not.toBe(typistOn);
	const channels = [
		connectRealtime(proxy.url, plan.clients.clinician, {}, 'websocket', { reconnection: true }),
		connectRealtime(proxy.url, plan.clients.person, {}, 'polling', { reconnection: true })
	];
	const lost: string[][] = channels.map(() => []);
	const connects = channels.map(() => 0);
	channels.forEach((c, i) => {
		c.socket.on('disconnect', (reason) => lost[i].push(reason));
		c.socket.on('connect', () => connects[i]++);
	});
	const staying = connectRealtime(proxy.url, plan.clients.supporter, {}, 'websocket', { reconnection: true });
	const stayingLost: string[] = [];
	staying.socket.on('disconnect', (reason) => stayingLost.push(reason));
	await Promise.all([...channels, staying].map(connected));
	for (const c of channels) expect(await c.ask('plans:watch', {})).toMatchObject({ ok: true });
	for (let i = 0; i < 20; i++) addItem(people[1].doc, 'notes', { author, text: `just before ${i}` });
	await leaving.stop();
	expect(leaving.output()).toMatch(/Stopping: draining this instance/);
	expect(leaving.output()).toMatch(/Stopped: everything pending was stored/);
	// Those on the stopped instance were told to reconnect (1001), and did, through HAProxy.
	expect(people.some((p) => p.closes.includes(CloseCode.GoingAway))).toBe(true);
	await eventually(() => people.every((p) => p.provider.wsconnected && p.provider.synced), 'everyone back on the other instance', 15_000);
	await eventually(() => people.every((p) => listItems(p.doc, 'notes').length === 20), 'every note with everyone', 15_000);
	expect(listItems(await pgStoredDoc(cluster.databaseUrl, plan.boardId), 'notes')).toHaveLength(20);
	// The live channel was lost as a connection is (never socket.io's "io server disconnect",
	// which a browser takes as final), and came back by itself, on the other instance.
	await eventually(() => channels.every((c, i) => lost[i].length > 0 && connects[i] >= 2 && c.socket.connected), 'the live channels reconnected by themselves', 15_000);
	for (const reasons of lost) for (const reason of reasons) expect(['transport close', 'transport error']).toContain(reason);
	// Draining one instance leaves the others' sockets alone.
	expect(stayingLost).toEqual([]);
	expect(staying.socket.connected).toBe(true);
	// Back on the other instance, they hear a change made there after the drain.
	for (const c of channels) {
		expect(await c.ask('plans:watch', {})).toMatchObject({ ok: true });
		c.received.length = 0;
	}
	const advocateId = await pgUserId(cluster.databaseUrl, plan.emails.peer_advocate);
	addItem(people[2].doc, 'notes', { author: advocateId, text: 'after the drain' });
	await eventually(() => channels.every((c) => c.of('plans:changed').some((e) => e.boardId === plan.boardId && e.by === 'Ade Advocate')), 'plans:changed after reconnecting', 10_000);
	for (const c of [...channels, staying]) c.close();
	await leaving.restart();
	for (const p of people) p.destroy();
});
