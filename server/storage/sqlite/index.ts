/** The embedded default store: one SQLite file in WAL mode under DATA_DIR. */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Storage } from '../storage.js';
import { sqliteLoginAttempts, sqliteSessions, sqliteUsers } from './accounts.js';
import { sqliteAudit } from './audit.js';
import { sqliteDocs } from './docs.js';
import { sqliteBoards, sqliteInvitations, sqliteMembers } from './boards.js';
import { migrate } from './migrations.js';

export const DATABASE_FILE = 'whatmatters.sqlite';

/** Opens (creating if needed) the database in `dataDir` and applies pending migrations. */
export function openSqliteStorage(dataDir: string): Storage {
	fs.mkdirSync(dataDir, { recursive: true });
	const db = new Database(path.join(dataDir, DATABASE_FILE));
	db.pragma('journal_mode = WAL');
	// NORMAL keeps WAL durable across a process crash; only a power cut can lose the last commit.
	db.pragma('synchronous = NORMAL');
	db.pragma('foreign_keys = ON');
	db.pragma('busy_timeout = 5000');
	migrate(db);
	let open = true;
	return {
		kind: 'sqlite',
		users: sqliteUsers(db),
		sessions: sqliteSessions(db),
		boards: sqliteBoards(db),
		members: sqliteMembers(db),
		invitations: sqliteInvitations(db),
		audit: sqliteAudit(db),
		loginAttempts: sqliteLoginAttempts(db),
		docs: sqliteDocs(db),
		isOpen: () => open,
		async close() {
			if (!open) return;
			open = false;
			db.close();
		}
	};
}
