/** Direct looks into a test server's real SQLite file: to find ids, or to age a session. */
import Database from 'better-sqlite3';
import path from 'node:path';
import { DATABASE_FILE } from '../../server/storage/sqlite/index.js';

export function openDatabase(dataDir: string): Database.Database {
	const db = new Database(path.join(dataDir, DATABASE_FILE));
	db.pragma('busy_timeout = 5000');
	return db;
}

export function userId(dataDir: string, email: string): string {
	const db = openDatabase(dataDir);
	try {
		const row = db.prepare<[string], { id: string }>('SELECT id FROM users WHERE email = ?').get(email);
		if (!row) throw new Error(`no user ${email}`);
		return row.id;
	} finally {
		db.close();
	}
}

/** Moves every session of a user into the past, as if 30 days had gone by unused. */
export function expireSessions(dataDir: string, email: string): void {
	const db = openDatabase(dataDir);
	try {
		db.prepare('UPDATE sessions SET expires_at = ? WHERE user_id = (SELECT id FROM users WHERE email = ?)').run(Date.now() - 1000, email);
	} finally {
		db.close();
	}
}

export function count(dataDir: string, sql: string, ...params: unknown[]): number {
	const db = openDatabase(dataDir);
	try {
		return (db.prepare(sql).get(...params) as { n: number }).n;
	} finally {
		db.close();
	}
}
