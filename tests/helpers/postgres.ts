/**
 * Real PostgreSQL for the tests: the machine's server on 127.0.0.1:5432 when one answers, or a
 * throwaway cluster (Debian's initdb and pg_ctl, in a temp folder, on a free port) when none does.
 * `npm test` makes one database for the run and drops it afterwards (tests/setup/postgres.ts);
 * each test gets its own schema in it, so tests never see each other's rows. Chaos tests that
 * restart PostgreSQL start a cluster of their own: the machine's server is never restarted.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort } from './server.js';

/** The environment variable through which the run's database reaches every test worker. */
export const TEST_DATABASE_ENV = 'WM_TEST_DATABASE_URL';

const CANDIDATES = ['postgres://postgres@127.0.0.1:5432/postgres', 'postgres://root@127.0.0.1:5432/test', 'postgres://root@127.0.0.1:5432/postgres'];

/** Runs one statement on a fresh connection and closes it. */
export async function adminQuery(url: string, sql: string, params: unknown[] = []): Promise<pg.QueryResult> {
	const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
	await client.connect();
	try {
		return await client.query(sql, params);
	} finally {
		await client.end();
	}
}

/** The URL of a PostgreSQL server on 127.0.0.1:5432 that lets us create databases, or null. */
export async function findLocalServer(): Promise<string | null> {
	for (const url of CANDIDATES) {
		try {
			const { rows } = await adminQuery(url, 'SELECT rolcreatedb OR rolsuper AS can FROM pg_roles WHERE rolname = current_user');
			if (rows[0]?.can) return url;
		} catch {
			// not this one
		}
	}
	return null;
}

/** The same server, another database. */
export function withDatabase(url: string, database: string): string {
	const parsed = new URL(url);
	parsed.pathname = `/${database}`;
	return parsed.toString();
}

/** The same database, with its own schema first on the search path. */
export function withSchema(url: string, schema: string): string {
	const parsed = new URL(url);
	parsed.searchParams.set('options', `-c search_path=${schema}`);
	return parsed.toString();
}

/** The run's database (made by tests/setup/postgres.ts). */
export function testDatabaseUrl(): string {
	const url = process.env[TEST_DATABASE_ENV];
	if (!url) throw new Error(`${TEST_DATABASE_ENV} is not set: run the tests through vitest (tests/setup/postgres.ts makes the database).`);
	return url;
}

/** A new, empty schema in the run's database: a store of its own for one test or one set of servers. */
export async function freshSchema(prefix = 't'): Promise<string> {
	const url = testDatabaseUrl();
	const schema = `${prefix}_${randomBytes(6).toString('hex')}`;
	await adminQuery(url, `CREATE SCHEMA ${schema}`);
	return withSchema(url, schema);
}

function binDir(): string {
	const found = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
	const candidates = [found.status === 0 ? found.stdout.trim() : ''];
	const debian = '/usr/lib/postgresql';
	if (fs.existsSync(debian)) {
		for (const version of fs.readdirSync(debian).sort((a, b) => Number(b) - Number(a))) candidates.push(path.join(debian, version, 'bin'));
	}
	const dir = candidates.find((candidate) => candidate && fs.existsSync(path.join(candidate, 'initdb')));
	if (!dir) throw new Error('PostgreSQL is not installed: install it with  sudo apt-get install postgresql');
	return dir;
}

/** initdb and the server refuse to run as root: run them as the postgres account then. */
function run(bin: string, args: string[], asPostgres: boolean): void {
	const [command, fullArgs] = asPostgres ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
	execFileSync(command, fullArgs, { stdio: 'pipe' });
}

export interface PostgresCluster {
	/** A superuser URL of its `postgres` database. */
	url: string;
	port: number;
	stop(mode?: 'fast' | 'immediate'): Promise<void>;
	start(): Promise<void>;
	/** Stops it (SIGKILL-like `immediate` by default: no clean shutdown) and starts it again. */
	restart(mode?: 'fast' | 'immediate'): Promise<void>;
	/** Stops it for good and removes its files. */
	destroy(): Promise<void>;
}

/** Starts a throwaway PostgreSQL cluster on a free port; nothing else uses it. */
export async function startPostgresCluster(): Promise<PostgresCluster> {
	const bin = binDir();
	const asPostgres = process.getuid?.() === 0;
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'whatmatters-pg-'));
	const data = path.join(dir, 'data');
	if (asPostgres) execFileSync('chown', ['postgres:postgres', dir]);
	fs.chmodSync(dir, 0o700);
	const port = await freePort();
	run(path.join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync'], asPostgres);
	// Only this machine's loopback, our port, the socket in our own folder; fsync stays on (the chaos tests rely on it).
	fs.appendFileSync(
		path.join(data, 'postgresql.conf'),
		`\nlisten_addresses = '127.0.0.1'\nport = ${port}\nunix_socket_directories = '${dir}'\nmax_connections = 200\nshared_buffers = 32MB\n`
	);
	const ctl = (...args: string[]) => run(path.join(bin, 'pg_ctl'), ['-D', data, '-l', path.join(dir, 'log'), ...args], asPostgres);
	const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
	const cluster: PostgresCluster = {
		url,
		port,
		async start() {
			ctl('-w', '-t', '60', 'start');
		},
		async stop(mode = 'fast') {
			ctl('-w', '-t', '60', '-m', mode, 'stop');
		},
		async restart(mode = 'immediate') {
			await cluster.stop(mode);
			await cluster.start();
		},
		async destroy() {
			try {
				ctl('-w', '-m', 'immediate', 'stop');
			} catch {
				// already stopped
			}
			fs.rmSync(dir, { recursive: true, force: true });
		}
	};
	await cluster.start();
	return cluster;
}
