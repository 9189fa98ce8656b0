/**
 * Versioned schema migrations, applied in order at start-up. The database's
 * `PRAGMA user_version` records the last one applied. Never edit a released
 * migration: add a new one.
 */
import type Database from 'better-sqlite3';
import { APPLICATION_ID } from './identity.js';

export const MIGRATIONS: readonly string[] = [
	// 1: accounts, plans, roles, invitations, audit, login throttling.
	`
	CREATE TABLE users (
		id TEXT PRIMARY KEY,
		email TEXT NOT NULL UNIQUE,
		name TEXT NOT NULL,
		password_hash TEXT NOT NULL,
		created_at INTEGER NOT NULL
	);
	CREATE TABLE sessions (
		id TEXT PRIMARY KEY,
		user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
		expires_at INTEGER NOT NULL
	);
	CREATE INDEX sessions_user ON sessions(user_id);
	CREATE TABLE boards (
		id TEXT PRIMARY KEY,
		person_name TEXT NOT NULL,
		owner_id TEXT REFERENCES users(id),
		created_by TEXT NOT NULL REFERENCES users(id),
		created_at INTEGER NOT NULL
	);
	CREATE TABLE memberships (
		board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
		user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
		role TEXT NOT NULL CHECK (role IN ('person', 'clinician', 'peer_advocate', 'supporter')),
		joined_at INTEGER NOT NULL,
		PRIMARY KEY (board_id, user_id)
	);
	CREATE INDEX memberships_user ON memberships(user_id);
	-- At most one person per plan, enforced by the database itself.
	CREATE UNIQUE INDEX memberships_one_person ON memberships(board_id) WHERE role = 'person';
	CREATE TABLE invitations (
		id TEXT PRIMARY KEY,
		board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
		token_hash TEXT NOT NULL UNIQUE,
		role TEXT NOT NULL CHECK (role IN ('person', 'clinician', 'peer_advocate', 'supporter')),
		label TEXT NOT NULL,
		created_by TEXT NOT NULL REFERENCES users(id),
		created_at INTEGER NOT NULL,
		expires_at INTEGER NOT NULL,
		accepted_at INTEGER,
		accepted_by TEXT REFERENCES users(id),
		withdrawn_at INTEGER
	);
	CREATE INDEX invitations_board ON invitations(board_id);
	CREATE TABLE audit_log (
		id INTEGER PRIMARY KEY AUTOINCREMENT,
		at INTEGER NOT NULL,
		actor_id TEXT,
		board_id TEXT,
		action TEXT NOT NULL,
		detail TEXT NOT NULL
	);
	CREATE INDEX audit_board ON audit_log(board_id, id);
	CREATE TABLE login_failures (
		key TEXT NOT NULL,
		at INTEGER NOT NULL
	);
	CREATE INDEX login_failures_key ON login_failures(key, at);
	`,
	// 2: the boards' Yjs documents: every accepted update, in order, with who sent it;
	// plus the latest compacted state, so loading stays fast as history grows.
	`
	CREATE TABLE board_updates (
		board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
		seq INTEGER NOT NULL,
		data BLOB NOT NULL,
		user_id TEXT,
		at INTEGER NOT NULL,
		PRIMARY KEY (board_id, seq)
	) WITHOUT ROWID;
	CREATE TABLE board_snapshots (
		board_id TEXT PRIMARY KEY REFERENCES boards(id) ON DELETE CASCADE,
		upto_seq INTEGER NOT NULL,
		data BLOB NOT NULL,
		at INTEGER NOT NULL
	);
	`,
	// 3: mark the file as ours, so start-up can refuse a database file of another program;
	// one row /healthz rewrites to prove storage can still write; and sign-in attempts are
	// counted before the password is checked, so each row names its attempt (to forget it on success).
	`
	PRAGMA application_id = ${APPLICATION_ID};
	ALTER TABLE login_failures ADD COLUMN attempt TEXT;
	CREATE TABLE health (
		id INTEGER PRIMARY KEY CHECK (id = 1),
		checked_at INTEGER NOT NULL
	);
	INSERT INTO health (id, checked_at) VALUES (1, 0);
	`,
	// 4: members' visits to plans (one row per visit, not per page load), for "since your last
	// visit" and the person's access log. They last as long as the plan.
	`
	CREATE TABLE visits (
		id INTEGER PRIMARY KEY AUTOINCREMENT,
		board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
		user_id TEXT NOT NULL REFERENCES users(id),
		role TEXT,
		started_at INTEGER NOT NULL,
		last_seen_at INTEGER NOT NULL
	);
	CREATE INDEX visits_member ON visits(board_id, user_id, last_seen_at);
	CREATE INDEX visits_board ON visits(board_id, started_at, id);
	CREATE INDEX visits_user ON visits(user_id, board_id);
	`,
	// 5: the person's access log reads a plan's audit rows newest first by time.
	`
	CREATE INDEX audit_board_time ON audit_log(board_id, at, id);
	`,
	// 6: checkpoints of each board's document (its full state just after update \`seq\`), so any
	// version is rebuilt from the nearest one and the few updates after it (docs/history.md).
	`
	CREATE TABLE board_checkpoints (
		board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
		seq INTEGER NOT NULL,
		data BLOB NOT NULL,
		at INTEGER NOT NULL,
		PRIMARY KEY (board_id, seq)
	) WITHOUT ROWID;
	`,
	// 7: history entries derived from the update log (docs/history.md), how far the derivation
	// has read, and which changes each member has seen.
	`
	CREATE TABLE history_entries (
		board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
		id INTEGER NOT NULL,
		first_seq INTEGER NOT NULL,
		last_seq INTEGER NOT NULL,
		first_at INTEGER NOT NULL,
		last_at INTEGER NOT NULL,
		sender_id TEXT,
		words_of_id TEXT,
		section TEXT NOT NULL,
		item_id TEXT NOT NULL,
		kind TEXT NOT NULL,
		detail TEXT NOT NULL,
		PRIMARY KEY (board_id, id)
	) WITHOUT ROWID;
	CREATE INDEX history_entries_sender ON history_entries(board_id, sender_id, id);
	CREATE INDEX history_entries_section ON history_entries(board_id, section, id);
	CREATE INDEX history_entries_recent ON history_entries(board_id, last_at);
	CREATE TABLE history_progress (
		board_id TEXT PRIMARY KEY REFERENCES boards(id) ON DELETE CASCADE,
		last_seq INTEGER NOT NULL,
		doc BLOB NOT NULL,
		state TEXT NOT NULL
	);
	CREATE TABLE history_seen (
		board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
		user_id TEXT NOT NULL,
		item_id TEXT NOT NULL,
		seen_seq INTEGER NOT NULL,
		PRIMARY KEY (board_id, user_id, item_id)
	) WITHOUT ROWID;
	`
];

/** Applies every migration newer than the database's version, each in its own transaction. */
export function migrate(db: Database.Database): { from: number; to: number } {
	const from = db.pragma('user_version', { simple: true }) as number;
	if (from > MIGRATIONS.length) {
		throw new Error(
			`The database is at schema version ${from}, newer than this program knows (${MIGRATIONS.length}). Upgrade WhatMatters.`
		);
	}
	for (let version = from + 1; version <= MIGRATIONS.length; version++) {
		db.transaction(() => {
			db.exec(MIGRATIONS[version - 1]);
			db.pragma(`user_version = ${version}`);
		})();
	}
	return { from, to: MIGRATIONS.length };
}
