/**
 * PostgreSQL's own versioned schema migrations, applied in order at start-up by whichever
 * instance starts first (the others wait on an advisory lock, then find nothing to do).
 * `whatmatters_schema` records the version and marks the database as ours. Never edit a
 * released migration: add a new one. Text that is sorted or compared uses the "C" collation,
 * so orders and uniqueness are byte-wise, as in SQLite.
 */
import type pg from 'pg';

export const MIGRATIONS: readonly string[] = [
	// 1: everything the SQLite schema holds at its version 7, in one step.
	`
	CREATE TABLE users (
		id TEXT COLLATE "C" PRIMARY KEY,
		email TEXT COLLATE "C" NOT NULL UNIQUE,
		name TEXT COLLATE "C" NOT NULL,
		password_hash TEXT NOT NULL,
		created_at BIGINT NOT NULL
	);
	CREATE TABLE sessions (
		id TEXT COLLATE "C" PRIMARY KEY,
		user_id TEXT COLLATE "C" NOT NULL REFERENCES users(id) ON DELETE CASCADE,
		expires_at BIGINT NOT NULL
	);
	CREATE INDEX sessions_user ON sessions(user_id);
	CREATE INDEX sessions_expiry ON sessions(expires_at);
	CREATE TABLE boards (
		id TEXT COLLATE "C" PRIMARY KEY,
		person_name TEXT COLLATE "C" NOT NULL,
		owner_id TEXT COLLATE "C" REFERENCES users(id),
		created_by TEXT COLLATE "C" NOT NULL REFERENCES users(id),
		created_at BIGINT NOT NULL
	);
	-- The last sequence number of each board's update log. Appends take it with one UPDATE, which
	-- waits for any other append to the same board: numbers are given and committed in order.
	CREATE TABLE board_heads (
		board_id TEXT COLLATE "C" PRIMARY KEY REFERENCES boards(id) ON DELETE CASCADE,
		last_seq BIGINT NOT NULL DEFAULT 0
	);
	CREATE TABLE memberships (
		board_id TEXT COLLATE "C" NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
		user_id TEXT COLLATE "C" NOT NULL REFERENCES users(id) ON DELETE CASCADE,
		role TEXT NOT NULL CHECK (role IN ('person', 'clinician', 'peer_advocate', 'supporter')),
		joined_at BIGINT NOT NULL,
		PRIMARY KEY (board_id, user_id)
	);
	CREATE INDEX memberships_user ON memberships(user_id);
	-- At most one person per plan, enforced by the database itself.
	CREATE UNIQUE INDEX memberships_one_person ON memberships(board_id) WHERE role = 'person';
	CREATE TABLE invitations (
		id TEXT COLLATE "C" PRIMARY KEY,
		board_id TEXT COLLATE "C" NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
		token_hash TEXT COLLATE "C" NOT NULL UNIQUE,
		role TEXT NOT NULL CHECK (role IN ('person', 'clinician', 'peer_advocate', 'supporter')),
		label TEXT NOT NULL,
		created_by TEXT COLLATE "C" NOT NULL REFERENCES users(id),
		created_at BIGINT NOT NULL,
		expires_at BIGINT NOT NULL,
		accepted_at BIGINT,
		accepted_by TEXT COLLATE "C" REFERENCES users(id),
		withdrawn_at BIGINT
	);
	CREATE INDEX invitations_board ON invitations(board_id);
	CREATE TABLE audit_log (
		id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
		at BIGINT NOT NULL,
		actor_id TEXT COLLATE "C",
		board_id TEXT COLLATE "C",
		action TEXT NOT NULL,
		detail JSONB NOT NULL
	);
	CREATE INDEX audit_board ON audit_log(board_id, id);
	CREATE INDEX audit_board_time ON audit_log(board_id, at, id);
	CREATE TABLE login_failures (
		key TEXT COLLATE "C" NOT NULL,
		at BIGINT NOT NULL,
		attempt TEXT COLLATE "C" NOT NULL
	);
	CREATE INDEX login_failures_key ON login_failures(key, at);
	CREATE INDEX login_failures_attempt ON login_failures(attempt);
	CREATE INDEX login_failures_at ON login_failures(at);
	CREATE TABLE board_updates (
		board_id TEXT COLLATE "C" NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
		seq BIGINT NOT NULL,
		data BYTEA NOT NULL,
		user_id TEXT COLLATE "C",
		at BIGINT NOT NULL,
		PRIMARY KEY (board_id, seq)
	);
	CREATE TABLE board_snapshots (
		board_id TEXT COLLATE "C" PRIMARY KEY REFERENCES boards(id) ON DELETE CASCADE,
		upto_seq BIGINT NOT NULL,
		data BYTEA NOT NULL,
		at BIGINT NOT NULL
	);
	CREATE TABLE board_checkpoints (
		board_id TEXT COLLATE "C" NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
		seq BIGINT NOT NULL,
		data BYTEA NOT NULL,
		at BIGINT NOT NULL,
		PRIMARY KEY (board_id, seq)
	);
	CREATE TABLE health (
		id INTEGER PRIMARY KEY CHECK (id = 1),
		checked_at BIGINT NOT NULL
	);
	INSERT INTO health (id, checked_at) VALUES (1, 0);
	CREATE TABLE visits (
		id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
		board_id TEXT COLLATE "C" NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
		user_id TEXT COLLATE "C" NOT NULL REFERENCES users(id),
		role TEXT,
		started_at BIGINT NOT NULL,
		last_seen_at BIGINT NOT NULL
	);
	CREATE INDEX visits_member ON visits(board_id, user_id, last_seen_at);
	CREATE INDEX visits_board ON visits(board_id, started_at, id);
	CREATE INDEX visits_user ON visits(user_id, board_id);
	CREATE TABLE history_entries (
		board_id TEXT COLLATE "C" NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
		id BIGINT NOT NULL,
		first_seq BIGINT NOT NULL,
		last_seq BIGINT NOT NULL,
		first_at BIGINT NOT NULL,
		last_at BIGINT NOT NULL,
		sender_id TEXT COLLATE "C",
		words_of_id TEXT COLLATE "C",
		section TEXT COLLATE "C" NOT NULL,
		item_id TEXT COLLATE "C" NOT NULL,
		kind TEXT NOT NULL,
		detail TEXT NOT NULL,
		PRIMARY KEY (board_id, id)
	);
	CREATE INDEX history_entries_sender ON history_entries(board_id, sender_id, id);
	CREATE INDEX history_entries_section ON history_entries(board_id, section, id);
	CREATE INDEX history_entries_recent ON history_entries(board_id, last_at);
	CREATE TABLE history_progress (
		board_id TEXT COLLATE "C" PRIMARY KEY REFERENCES boards(id) ON DELETE CASCADE,
		last_seq BIGINT NOT NULL,
		doc BYTEA NOT NULL,
		state TEXT NOT NULL
	);
	CREATE TABLE history_seen (
		board_id TEXT COLLATE "C" NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
		user_id TEXT COLLATE "C" NOT NULL,
		item_id TEXT COLLATE "C" NOT NULL,
		seen_seq BIGINT NOT NULL,
		PRIMARY KEY (board_id, user_id, item_id)
	);
	`
];

/** Any number, the same in every instance: who holds it may migrate. */
const MIGRATION_LOCK = 0x574d6174;

export class PostgresIdentityError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'PostgresIdentityError';
	}
}

async function tablesInSchema(client: pg.PoolClient): Promise<string[]> {
	const result = await client.query<{ name: string }>(
		`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()`
	);
	return result.rows.map((row) => row.name);
}

/**
 * Applies every migration newer than the database's version, each in its own transaction,
 * holding an advisory lock so two instances starting together do not both migrate. A schema
 * with tables of another program, or a version newer than ours, stops start-up.
 * `where` names the database in messages (never its password).
 */
export async function migrate(pool: pg.Pool, where: string): Promise<{ from: number; to: number }> {
	const client = await pool.connect();
	try {
		await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
		const tables = await tablesInSchema(client);
		let from = 0;
		if (tables.includes('whatmatters_schema')) {
			from = (await client.query<{ version: number }>('SELECT version FROM whatmatters_schema')).rows[0]?.version ?? 0;
		} else if (tables.length > 0) {
			throw new PostgresIdentityError(
				`The PostgreSQL database ${where} holds tables of another program (${tables.slice(0, 3).join(', ')}…), so WhatMatters will not change it. ` +
					'Set DATABASE_URL to an empty database, or to the one that holds your WhatMatters data.'
			);
		}
		if (from > MIGRATIONS.length) {
			throw new PostgresIdentityError(
				`The PostgreSQL database ${where} is at schema version ${from}, newer than this program knows (${MIGRATIONS.length}). Upgrade WhatMatters.`
			);
		}
		for (let version = from + 1; version <= MIGRATIONS.length; version++) {
			await client.query('BEGIN');
			try {
				if (version === 1) await client.query('CREATE TABLE whatmatters_schema (version INTEGER NOT NULL); INSERT INTO whatmatters_schema VALUES (0)');
				await client.query(MIGRATIONS[version - 1]);
				await client.query('UPDATE whatmatters_schema SET version = $1', [version]);
				await client.query('COMMIT');
			} catch (error) {
				await client.query('ROLLBACK');
				throw error;
			}
		}
		return { from, to: MIGRATIONS.length };
	} finally {
		await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
		client.release();
	}
}
