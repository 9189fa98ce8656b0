/**
 * `npm run bench -- --instances N`: the same load three ways in one run, on this machine:
 * one instance on SQLite (the embedded default), one instance on PostgreSQL, and N instances
 * on one PostgreSQL and one Redis with each board's clients spread over them, so most edits
 * cross from one instance to another. Uses the PostgreSQL server on 127.0.0.1:5432 when one
 * answers (a fresh database, dropped afterwards), else a throwaway cluster; and a redis-server
 * of its own on a free port. Writes its section of docs/benchmarks.md.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openPostgresStorage } from '../server/storage/postgres/index.js';
import { adminQuery, findLocalServer, startPostgresCluster, withDatabase, type PostgresCluster } from '../tests/helpers/postgres.js';
import { startRedis } from '../tests/helpers/redis.js';
import type { LoadPlan } from './load.js';
import { writeInstancesReport, type InstancesRun } from './instances-report.js';
import { seed } from './seed.js';
import { SERVER_NODE_FLAGS, type ServerStart } from './servers.js';

export interface InstancesBench {
	root: string;
	instances: number;
	boards: number;
	perBoard: number;
	rate: number;
	seconds: number;
	command: string;
	/** One load against the servers these start (each board's clients spread over them). */
	measure(name: string, starts: ServerStart[], plan: Omit<LoadPlan, 'wsBase'>): Promise<InstancesRun>;
}

export async function benchInstances(bench: InstancesBench): Promise<string> {
	const { root, instances, boards, perBoard } = bench;
	const start = (env: Record<string, string>): ServerStart => (port, extras) =>
		spawn(process.execPath, [...SERVER_NODE_FLAGS, ...extras.nodeArgs, '--import', 'tsx', 'server/index.ts'], {
			cwd: root,
			// Every simulated member connects from this one machine: lift the per-address cap a clinic needs.
			env: { ...process.env, HOST: '127.0.0.1', LOG_LEVEL: 'warn', SYNC_MAX_SOCKETS_PER_ADDRESS: '1000000', PORT: String(port), ...env, ...extras.env },
			stdio: ['ignore', 'ignore', 'inherit']
		});
	const planFor = (seeded: Awaited<ReturnType<typeof seed>>) => ({
		boards: seeded.slice(0, boards),
		probeBoards: seeded.slice(boards).map((b) => ({ id: b.id, tokens: b.tokens.slice(0, 2), userIds: b.userIds.slice(0, 2) })),
		updatesPerSecond: bench.rate,
		warmupSeconds: 5,
		measureSeconds: bench.seconds
	});

	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'whatmatters-bench-'));
	console.log(`Seeding ${boards} boards × ${perBoard} members in SQLite…`);
	const sqlitePlan = planFor(await seed(dataDir, boards + 2, perBoard));
	const sqlite = await bench.measure('one instance, SQLite', [start({ DATA_DIR: dataDir })], sqlitePlan);
	fs.rmSync(dataDir, { recursive: true, force: true });

	let cluster: PostgresCluster | null = null;
	let admin = await findLocalServer();
	if (!admin) {
		console.log('No PostgreSQL on 127.0.0.1:5432: starting a throwaway cluster…');
		cluster = await startPostgresCluster();
		admin = cluster.url;
	}
	const database = `whatmatters_bench_${randomBytes(4).toString('hex')}`;
	await adminQuery(admin, `CREATE DATABASE ${database}`);
	const databaseUrl = withDatabase(admin, database);
	const redis = await startRedis();
	try {
		console.log(`Seeding the same in PostgreSQL (${database})…`);
		const storage = await openPostgresStorage(databaseUrl, { poolSize: 5 });
		const postgresPlan = planFor(await seed(storage, boards + 2, perBoard));
		await storage.close();
		const postgres = await bench.measure('one instance, PostgreSQL', [start({ DATABASE_URL: databaseUrl })], postgresPlan);
		const env = { DATABASE_URL: databaseUrl, REDIS_URL: redis.url };
		const several = await bench.measure(`${instances} instances, PostgreSQL and Redis`, Array.from({ length: instances }, () => start(env)), postgresPlan);
		return writeInstancesReport(path.join(root, 'docs/benchmarks.md'), { command: bench.command, instances, rate: bench.rate, seconds: bench.seconds, sqlite, postgres, several });
	} finally {
		await redis.kill();
		await adminQuery(admin, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(() => undefined);
		await cluster?.destroy();
	}
}
