/** Direct looks into a test server's real SQLite file: to find ids, or to age a session. */
import Database from 'better-sqlite3';
import path from 'node:path';
import * as Y from 'yjs';
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

/** The board as stored: its snapshot and update log, straight from the SQLite file. */
export function storedDoc(dataDir: string, boardId: string): import('yjs').Doc {
	const db = openDatabase(dataDir);
	try {
		const doc = new Y.Doc();
		const snapshot = db.prepare<[string], { data: Buffer }>('SELECT data FROM board_snapshots WHERE board_id = ?').get(boardId);
		if (snapshot) Y.applyUpdate(doc, snapshot.data);
		for (const row of db.prepare<[string], { data: Buffer }>('SELECT data FROM board_updates WHERE board_id = ? ORDER BY seq').all(boardId)) {
			Y.applyUpdate(doc, row.data);
		}
		return doc;
	} finally {
		db.close();
	}
}
