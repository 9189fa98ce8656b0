/**
 * Chaos on real parts, while three people edit one plan on two instances: an instance killed
 * with SIGKILL (each run starts with people pinned to both instances by HAProxy's cookie, and
 * checks the victim held some; its people reconnect through HAProxy to the other), Redis killed and restarted
 * empty, PostgreSQL stopped hard and restarted. After each fault, everything any client had
 * received from another is in storage (nothing is relayed before it is stored, on any
 * instance), and every client and storage converge to one state vector.
 * `npm test` runs each fault CHAOS_RUNS times (2 by default); `npm run test:chaos` runs 10.
 */
import { createClient, type RedisClientType } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode } from '../../src/lib/protocol/close-codes.js';
import { keepEditing, knowledgeOf, receivedButNotStored, sameState } from '../helpers/editing.js';
import { startHaproxy, type TestHaproxy } from '../helpers/haproxy.js';
import { planWithEveryRole, type PlanWithEveryone } from '../helpers/plans.js';
import { adminQuery, startPostgresCluster, withDatabase, type PostgresCluster } from '../helpers/postgres.js';
import { pgStoredDoc, pgUserId } from '../helpers/postgres-data.js';
import { startInstances, type Instances } from '../helpers/scale-out.js';
import { connectProvider, eventually, whenSynced, type TestProvider } from '../helpers/sync-client.js';

const RUNS = Number(process.env.CHAOS_RUNS ?? 2);
const WHO = ['person', 'clinician', 'peer_advocate'] as const;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Editing {
	clients: TestProvider[];
	authors: string[];
}

async function connectEditors(bases: string[], plan: PlanWithEveryone, databaseUrl: string): Promise<Editing> {
	const clients = WHO.map((role, i) => connectProvider(bases[i % bases.length], plan.boardId, plan.clients[role]));
	await Promise.all(clients.map((c) => whenSynced(c.provider, 20_000)));
	const authors = await Promise.all(WHO.map((role) => pgUserId(databaseUrl, plan.emails[role])));
	return { clients, authors };
}

/** Edits, runs the fault, and checks what the fault must not break. */
async function editThrough(editing: Editing, databaseUrl: string, run: number, fault: () => Promise<void>, recover: () => Promise<void>): Promise<void> {
	const { clients, authors } = editing;
	const stops = clients.map((c, i) => keepEditing(c.doc, authors[i], WHO[i], 15 + 5 * i));
	await pause(300 + Math.random() * 700);
	await fault();
	// What each client had received from the others at the moment of the fault.
	const atFault = clients.map((c) => knowledgeOf(c.doc));
	// People carry on typing through the fault for a while.
	await pause(100 + Math.random() * 300);
	for (const stop of stops) stop();
	await recover();
	const stored = await pgStoredDoc(databaseUrl, (clients[0].provider as unknown as { roomname: string }).roomname);
	expect(atFault.flatMap((known) => receivedButNotStored(known, stored)), `received but not stored, run ${run}`).toEqual([]);
	await eventually(() => clients.every((c) => c.provider.wsconnected && c.provider.synced), `reconnected, run ${run}`, 30_000);
	await eventually(() => sameState(clients[0].doc, clients[1].doc) && sameState(clients[1].doc, clients[2].doc), `clients converge, run ${run}`, 30_000);
	const roomname = (clients[0].provider as unknown as { roomname: string }).roomname;
	let last = stored;
	for (let tries = 0; tries < 300 && !sameState((last = await pgStoredDoc(databaseUrl, roomname)), clients[0].doc); tries++) await pause(100);
	expect(sameState(last, clients[0].doc), `storage converges, run ${run}`).toBe(true);
}

describe('an instance killed with SIGKILL, behind HAProxy', () => {
	let cluster: Instances;
	let proxy: TestHaproxy;
	let plan: PlanWithEveryone;
	let redis: RedisClientType;
	/** The instance (0 or 1) each editor is pinned to by HAProxy's cookie, as a browser that landed there. */
	const PINNED = WHO.map((_, i) => i % 2);
	beforeAll(async () => {
		// At info, each instance logs the id it joined Redis with (its field in the shared socket counts).
		cluster = await startInstances(2, { LOG_LEVEL: 'info' });
		proxy = await startHaproxy(cluster.servers.map((s) => s.port));
		plan = await planWithEveryRole(proxy.url);
		WHO.forEach((role, i) => plan.clients[role].cookies.set('wm_instance', `i${PINNED[i]}`));
		redis = createClient({ url: cluster.redis.url });
		await redis.connect();
	}, 120_000);
	afterAll(async () => {
		await redis?.quit().catch(() => undefined);
		await proxy?.stop();
		await cluster?.stop();
	});

	/** The id an instance joined Redis with this time it started. */
	const instanceId = (instance: number) => {
		const ids = [...cluster.servers[instance].output().matchAll(/"Joined the other instances through Redis","instance":"([^"]+)"/g)];
		return ids.at(-1)?.[1] ?? 'not started';
	};
	/**
	 * Which running instance holds each editor's sync socket (-1 if none, or not one alone), read
	 * from the instances themselves: each keeps its count of an account's sockets in Redis.
	 */
	const placement = async (authors: string[]): Promise<number[]> => {
		const ids = [instanceId(0), instanceId(1)];
		return Promise.all(
			authors.map(async (author) => {
				const held = Object.entries(await redis.hGetAll(`whatmatters:count:sync-account:${author}`)).filter(([id, count]) => ids.includes(id) && Number(count) > 0);
				return held.length === 1 && held[0][1] === '1' ? ids.indexOf(held[0][0]) : -1;
			})
		);
	};
	/** Does HAProxy send a browser pinned to `instance` there (it re-pins one whose instance is down)? */
	const proxyServes = async (instance: number) => {
		const answer = await fetch(`${proxy.url}/healthz`, { headers: { cookie: `wm_instance=i${instance}` } });
		await answer.arrayBuffer();
		return answer.ok && !/wm_instance=/.test(answer.headers.get('set-cookie') ?? '');
	};
	/** Every editor on the instance it is pinned to: those moved by the last kill go back to the restarted one. */
	const backOnTheirInstances = async (editing: Editing, run: number) => {
		await eventually(() => editing.clients.every((c) => c.provider.wsconnected && c.provider.synced), `connected before run ${run}`, 30_000);
		for (let tries = 0; ; tries++) {
			const where = await placement(editing.authors);
			if (where.every((instance, i) => instance === PINNED[i])) return;
			if (tries > 100) throw new Error(`editors not on the instances they are pinned to before run ${run}: ${where.join(', ')}`);
			if (tries % 10 === 0 && (await proxyServes(0)) && (await proxyServes(1))) {
				for (const [i, c] of editing.clients.entries()) {
					if (where[i] === PINNED[i]) continue;
					c.provider.disconnect();
					c.provider.connect();
				}
			}
			await pause(200);
		}
	};

	it(`loses nothing relayed over ${RUNS} kills, and everyone converges through the other instance`, { timeout: RUNS * 60_000 }, async () => {
		const editing = await connectEditors([proxy.url], plan, cluster.databaseUrl);
		for (let run = 1; run <= RUNS; run++) {
			// Each run starts with editors on both instances, so the one killed has some.
			await backOnTheirInstances(editing, run);
			const victim = run % 2;
			const onVictim = PINNED.flatMap((instance, i) => (instance === victim ? [i] : []));
			expect(onVictim.length, `editors on the victim, run ${run}`).toBeGreaterThan(0);
			expect(onVictim.length, `editors on the other instance, run ${run}`).toBeLessThan(WHO.length);
			const closesBefore = editing.clients.map((c) => c.closes.length);
			await editThrough(
				editing,
				cluster.databaseUrl,
				run,
				async () => {
					// Still where they were pinned, at the moment of the kill.
					expect(await placement(editing.authors), `placement at the kill, run ${run}`).toEqual(PINNED);
					await cluster.servers[victim].kill();
				},
				async () => {
					// Everyone is back on the other instance before the killed one returns.
					await eventually(() => editing.clients.every((c) => c.provider.wsconnected && c.provider.synced), `moved over, run ${run}`, 30_000);
					// The kill cut the victim's editors off, and only them.
					const cut = editing.clients.flatMap((c, i) => (c.closes.length > closesBefore[i] ? [i] : []));
					expect(cut, `editors cut off by the kill, run ${run}`).toEqual(onVictim);
					await cluster.servers[victim].restart();
				}
			);
		}
		for (const c of editing.clients) c.destroy();
	});
});

describe('Redis restarted empty', () => {
	let cluster: Instances;
	let plan: PlanWithEveryone;
	beforeAll(async () => {
		cluster = await startInstances(2, { LOG_LEVEL: 'info' });
		plan = await planWithEveryRole(cluster.servers[0].url);
	});
	afterAll(async () => cluster?.stop());

	it(`loses nothing over ${RUNS} restarts; the instances reconnect, catch up, and everyone converges`, { timeout: RUNS * 60_000 }, async () => {
		const editing = await connectEditors(cluster.servers.map((s) => s.url), plan, cluster.databaseUrl);
		for (let run = 1; run <= RUNS; run++) {
			await editThrough(
				editing,
				cluster.databaseUrl,
				run,
				() => cluster.redis.kill(),
				() => pause(200 + Math.random() * 800).then(() => cluster.redis.start())
			);
		}
		const logs = cluster.servers.map((s) => s.output()).join('\n');
		expect(logs).toMatch(/Redis connection lost; reconnecting/);
		expect(logs).toMatch(/Relaying is paused while Redis cannot be reached/);
		// What was stored while Redis was away reached the other instance from storage.
		expect(logs).toMatch(/Caught up a board from storage/);
		for (const c of editing.clients) c.destroy();
	});
});

describe('PostgreSQL stopped hard and restarted', () => {
	let postgres: PostgresCluster;
	let cluster: Instances;
	let plan: PlanWithEveryone;
	let databaseUrl: string;
	beforeAll(async () => {
		// A cluster of this test's own: the machine's server is never restarted.
		postgres = await startPostgresCluster();
		await adminQuery(postgres.url, 'CREATE DATABASE chaos');
		databaseUrl = withDatabase(postgres.url, 'chaos');
		cluster = await startInstances(2, { LOG_LEVEL: 'warn' }, databaseUrl);
		plan = await planWithEveryRole(cluster.servers[0].url);
	}, 120_000);
	afterAll(async () => {
		await cluster?.stop();
		await postgres?.destroy();
	});

	it(`loses nothing over ${RUNS} restarts: writes fail as StorageFailed, /healthz says 503, and all recovers`, { timeout: RUNS * 90_000 }, async () => {
		const editing = await connectEditors(cluster.servers.map((s) => s.url), plan, databaseUrl);
		const health = async () => (await fetch(`${cluster.servers[0].url}/healthz`)).status;
		for (let run = 1; run <= RUNS; run++) {
			await editThrough(
				editing,
				databaseUrl,
				run,
				async () => {
					await postgres.stop('immediate');
					// The health check reuses one probe for a second.
					await pause(1_100);
					expect(await health(), `healthz while PostgreSQL is down, run ${run}`).toBe(503);
				},
				async () => {
					await postgres.start();
					let status = 0;
					for (let tries = 0; tries < 100 && (status = await health()) !== 200; tries++) await pause(200);
					expect(status, `healthz once PostgreSQL is back, run ${run}`).toBe(200);
				}
			);
		}
		const logs = cluster.servers.map((s) => s.output()).join('\n');
		expect(logs).toMatch(/Saving board updates failed; closing the board so nothing is relayed unsaved/);
		// Those whose edits could not be saved were told so (and sent them again on reconnecting).
		expect(editing.clients.some((c) => c.closes.includes(CloseCode.StorageFailed))).toBe(true);
		for (const c of editing.clients) c.destroy();
	});
});
