/**
 * vitest's global setup: one fresh PostgreSQL database for this run, on the machine's server
 * (127.0.0.1:5432) when it answers, else on a throwaway cluster started here; dropped (and the
 * cluster stopped) when the run ends. Its URL reaches the test workers in WM_TEST_DATABASE_URL.
 * WM_TEST_POSTGRES_CLUSTER=1 uses a throwaway cluster even when the machine has a server.
 */
import { randomBytes } from 'node:crypto';
import { adminQuery, findLocalServer, startPostgresCluster, TEST_DATABASE_ENV, withDatabase, type PostgresCluster } from '../helpers/postgres.js';

let cluster: PostgresCluster | null = null;
let admin = '';
let database = '';

export async function setup(): Promise<void> {
	if (process.env[TEST_DATABASE_ENV]) return;
	admin = process.env.WM_TEST_POSTGRES_CLUSTER === '1' ? '' : ((await findLocalServer()) ?? '');
	if (!admin) {
		cluster = await startPostgresCluster();
		admin = cluster.url;
	}
	database = `whatmatters_test_${randomBytes(5).toString('hex')}`;
	await adminQuery(admin, `CREATE DATABASE ${database}`);
	process.env[TEST_DATABASE_ENV] = withDatabase(admin, database);
}

export async function teardown(): Promise<void> {
	if (database) await adminQuery(admin, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(() => undefined);
	await cluster?.destroy();
}
