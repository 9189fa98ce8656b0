/**
 * The scale-out store: one PostgreSQL database shared by every instance (DATABASE_URL).
 * Each method keeps the promises of the SQLite store (tests/integration/storage.test.ts runs
 * against both); where SQLite relies on its single write lock, this store takes row or
 * advisory locks, so instances on several machines keep the same rules.
 */
import type { Storage } from '../../../src/lib/server/storage.js';
export { describeDatabase } from './describe.js';
import { postgresLoginAttempts, postgresSessions, postgresUsers } from './accounts.js';
import { postgresAccessLog } from './access-log.js';
import { postgresAudit } from './audit.js';
import { postgresBoards, postgresInvitations, postgresMembers } from './boards.js';
import { postgresDocs, postgresVersions } from './docs.js';
import { postgresHistory } from './history.js';
import { migrate } from './migrations.js';
import { createPool } from './pool.js';
import { describeDatabase } from './describe.js';
import { postgresVisits } from './visits.js';

export interface PostgresOptions {
	/** Connections this instance keeps at most. */
	poolSize?: number;
	/** How long to wait for a connection (or the server) before a query fails. */
	connectTimeoutMs?: number;
	/** How long one statement may run. */
	statementTimeoutMs?: number;
	onProblem?: (message: string) => void;
}

/** Connects, applies pending migrations and returns the store. Rejects if the server cannot be reached. */
export async function openPostgresStorage(
	url: string,
	{ poolSize = 20, connectTimeoutMs = 5_000, statementTimeoutMs = 15_000, onProblem = (message: string) => console.warn(message) }: PostgresOptions = {}
): Promise<Storage> {
	const pool = createPool(url, { max: poolSize, connectTimeoutMs, statementTimeoutMs, onProblem });
	try {
		await migrate(pool, describeDatabase(url));
	} catch (error) {
		await pool.end().catch(() => undefined);
		throw error;
	}
	let open = true;
	return {
		kind: 'postgres',
		users: postgresUsers(pool),
		sessions: postgresSessions(pool),
		boards: postgresBoards(pool),
		members: postgresMembers(pool),
		invitations: postgresInvitations(pool),
		audit: postgresAudit(pool),
		visits: postgresVisits(pool),
		accessLog: postgresAccessLog(pool),
		loginAttempts: postgresLoginAttempts(pool),
		docs: postgresDocs(pool),
		versions: postgresVersions(pool),
		history: postgresHistory(pool),
		isOpen: () => open,
		async probeWrite(at) {
			// A real write, committed: fails as sign-in would when the server is down, read-only or full.
			const result = await pool.query('UPDATE health SET checked_at = $1 WHERE id = 1', [at]);
			if (result.rowCount !== 1) throw new Error('the health row is missing');
		},
		async close() {
			if (!open) return;
			open = false;
			await pool.end();
		}
	};
}
