/**
 * Chaos on real parts, while three people edit one plan on two instances: an instance killed
 * with SIGKILL (its people reconnect through HAProxy to the other), Redis killed and restarted
 * empty, PostgreSQL stopped hard and restarted. After each fault, everything any client had
 * received from another is in storage (nothing is relayed before it is stored, on any
 * instance), and every client and storage converge to one state vector.
 * `npm test` runs each fault CHAOS_RUNS times (2 by default); `npm run test:chaos` runs 10.
 */
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
	beforeAll(async () => {
		cluster = await startInstances(2, { LOG_LEVEL: 'warn' });
		proxy = await startHaproxy(cluster.servers.map((s) => s.port));
		plan = await planWithEveryRole(proxy.url);
	});
	afterAll(async () => {
		await proxy?.stop();
		await cluster?.stop();
	});

	it(`loses nothing relayed over ${RUNS} kills, and everyone converges through the other instance`, { timeout: RUNS * 60_000 }, async () => {
		const editing = await connectEditors([proxy.url], plan, cluster.databaseUrl);
		for (let run = 1; run <= RUNS; run++) {
			const victim = cluster.servers[run % 2];
			await editThrough(
				editing,
				cluster.databaseUrl,
				run,
				() => victim.kill(),
				async () => {
					// Everyone is back on the other instance before the killed one returns.
					await eventually(() => editing.clients.every((c) => c.provider.wsconnected && c.provider.synced), `moved over, run ${run}`, 30_000);
					await victim.restart();
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
