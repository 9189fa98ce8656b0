/** The embedded default store: one SQLite file in WAL mode under DATA_DIR. */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Storage } from '../../../src/lib/server/storage.js';
import { sqliteLoginAttempts, sqliteSessions, sqliteUsers } from './accounts.js';
import { sqliteAccessLog } from './access-log.js';
import { sqliteAudit } from './audit.js';
import { sqliteDocs } from './docs.js';
import { sqliteVersions } from './versions.js';
import { sqliteHistory } from './history.js';
import { sqliteBoards, sqliteInvitations, sqliteMembers } from './boards.js';
import { migrate } from './migrations.js';
import { startCheckpointer } from './checkpointer.js';
import { checkDatabaseFile } from './identity.js';
import { sqliteVisits } from './visits.js';

export const DATABASE_FILE = 'whatmatters.sqlite';

/**
 * Makes a new database beside `file` and moves it into place only once it is complete, so a
 * crash during the very first start cannot leave an empty file that the next start refuses.
 */
function createDatabaseFile(file: string): void {
	const temporary = `${file}.new`;
	for (const suffix of ['', '-wal', '-shm']) fs.rmSync(temporary + suffix, { force: true });
	const db = new Database(temporary);
	db.pragma('journal_mode = WAL');
	migrate(db);
	db.pragma('wal_checkpoint(TRUNCATE)');
	db.close();
	fs.renameSync(temporary, file);
}

/**
 * Opens the database in `dataDir` (creating it if there is no file yet) and applies pending
 * migrations. An existing file that is empty or not ours stops start-up, unless `createDatabase`
 * allows making a new database in an empty one.
 * `busyTimeoutMs`: how long a write waits for another process's lock. better-sqlite3 waits
 * synchronously, so keep it short: the whole process pauses while it waits.
 */
export function openSqliteStorage(
	dataDir: string,
	{ busyTimeoutMs = 2000, createDatabase = false, onProblem = (message: string) => console.warn(message) } = {}
): Storage {
	fs.mkdirSync(dataDir, { recursive: true });
	const file = path.join(dataDir, DATABASE_FILE);
	if (checkDatabaseFile(file, createDatabase) === 'new') createDatabaseFile(file);
	const db = new Database(file);
	db.pragma('journal_mode = WAL');
	// NORMAL keeps WAL durable across a process crash; only a power cut can lose the last commit.
	db.pragma('synchronous = NORMAL');
	db.pragma('foreign_keys = ON');
	db.pragma(`busy_timeout = ${Math.floor(busyTimeoutMs)}`);
	migrate(db);
	const checkpointer = startCheckpointer(db, file, onProblem);
	// A real write, committed: fails as sign-in would when the disk is full, the file is
	// read-only or another process holds the write lock.
	const touchHealth = db.prepare('UPDATE health SET checked_at = ? WHERE id = 1');
	const writeHealth = db.transaction((at: number) => {
		if (touchHealth.run(at).changes !== 1) throw new Error('the health row is missing');
	});
	// The driver is synchronous: a probe waiting the full busy timeout for another process's lock
	// would stop every board for that long. A short wait tells "locked" just as well.
	const probeWrite = (at: number) => {
		db.pragma('busy_timeout = 100');
		try {
			writeHealth.immediate(at);
		} finally {
			db.pragma(`busy_timeout = ${Math.floor(busyTimeoutMs)}`);
		}
	};
	let open = true;
	return {
		kind: 'sqlite',
		users: sqliteUsers(db),
		sessions: sqliteSessions(db),
		boards: sqliteBoards(db),
		members: sqliteMembers(db),
		invitations: sqliteInvitations(db),
		audit: sqliteAudit(db),
		visits: sqliteVisits(db),
		accessLog: sqliteAccessLog(db),
		loginAttempts: sqliteLoginAttempts(db),
		docs: sqliteDocs(db),
		versions: sqliteVersions(db),
		history: sqliteHistory(db),
		isOpen: () => open,
		async probeWrite(at) {
			probeWrite(at);
		},
		async close() {
			if (!open) return;
			open = false;
			await checkpointer.stop();
			// Leave a tidy file behind: everything in the database, an empty log.
			db.pragma('wal_checkpoint(TRUNCATE)');
			db.close();
		}
	};
}
