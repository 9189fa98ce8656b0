/**
 * The PostgreSQL connection pool and the one way to run a transaction on it. Numbers come back
 * as numbers: every BIGINT we store is an epoch-ms time, a count or a sequence number, all far
 * below 2^53.
 */
import pg from 'pg';

const INT8 = 20;
const NUMERIC = 1700;
const types = {
	getTypeParser(oid: number, format?: 'text' | 'binary') {
		if (oid === INT8 || oid === NUMERIC) return (value: string) => Number(value);
		return pg.types.getTypeParser(oid, format);
	}
} as pg.CustomTypesConfig;

export type Queryable = Pick<pg.PoolClient, 'query'>;

export interface PoolOptions {
	/** How long a query waits for a connection (and a connection for the server) before failing. */
	connectTimeoutMs: number;
	/** How long one statement may run before the server cancels it. */
	statementTimeoutMs: number;
	max: number;
	onProblem: (message: string) => void;
}

export function createPool(url: string, { connectTimeoutMs, statementTimeoutMs, max, onProblem }: PoolOptions): pg.Pool {
	const pool = new pg.Pool({
		connectionString: url,
		types,
		max,
		connectionTimeoutMillis: connectTimeoutMs,
		idleTimeoutMillis: 30_000,
		statement_timeout: statementTimeoutMs,
		// A server that stops answering mid-query (a network cut) fails the query instead of hanging it.
		query_timeout: statementTimeoutMs + connectTimeoutMs,
		keepAlive: true,
		application_name: 'whatmatters'
	});
	// An idle connection the server closed (a restart) must not take the process down: the pool
	// drops it and makes a new one on the next query.
	pool.on('error', (error) => onProblem(`A PostgreSQL connection was lost: ${error.message}`));
	return pool;
}

/** Runs `work` in one transaction on one connection: committed if it resolves, rolled back if it throws. */
export async function transaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
	const client = await pool.connect();
	let broken = false;
	try {
		await client.query('BEGIN');
		const result = await work(client);
		await client.query('COMMIT');
		return result;
	} catch (error) {
		try {
			await client.query('ROLLBACK');
		} catch {
			// The connection itself failed: do not give it back to the pool.
			broken = true;
		}
		throw error;
	} finally {
		client.release(broken);
	}
}

/** The rows of one query. */
export async function rows<R extends pg.QueryResultRow>(db: Queryable, sql: string, params: unknown[] = []): Promise<R[]> {
	return (await db.query<R>(sql, params)).rows;
}

/** The first row of one query, or null. */
export async function one<R extends pg.QueryResultRow>(db: Queryable, sql: string, params: unknown[] = []): Promise<R | null> {
	return (await db.query<R>(sql, params)).rows[0] ?? null;
}

/** Takes transaction-scoped locks on `keys`, always in the same order, so two transactions never deadlock. */
export async function lockKeys(db: Queryable, keys: string[]): Promise<void> {
	for (const key of [...new Set(keys)].sort()) await db.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [key]);
}
