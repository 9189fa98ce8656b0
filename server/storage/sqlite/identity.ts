/**
 * Checks that the database file is ours before anything writes to it. A new DATA_DIR gets a new
 * database, as `npm install && npm start` promises; but an existing file that is empty or
 * belongs to another program is never silently turned into an empty care-plan store: a wrong
 * DATA_DIR or a failed restore would otherwise look like "all the plans are gone".
 */
import fs from 'node:fs';
import Database from 'better-sqlite3';

/** `PRAGMA application_id` of every WhatMatters database: "WMat" in ASCII. */
export const APPLICATION_ID = 0x574d6174;

/** Tables a WhatMatters database had before it carried APPLICATION_ID. */
const OUR_TABLES = ['users', 'sessions', 'boards', 'memberships', 'invitations', 'audit_log'];

export class DatabaseIdentityError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'DatabaseIdentityError';
	}
}

export type FileVerdict = 'new' | 'ours' | 'empty' | 'foreign';

function walHasData(file: string): boolean {
	try {
		return fs.statSync(`${file}-wal`).size > 0;
	} catch {
		return false;
	}
}

/** What the file at `file` is, looked at read-only. */
export function inspectDatabaseFile(file: string): FileVerdict {
	if (!fs.existsSync(file)) return 'new';
	// A crash can leave everything in the write-ahead log beside a 0-byte file: that one is ours to open.
	if (fs.statSync(file).size === 0 && !walHasData(file)) return 'empty';
	let db: Database.Database | undefined;
	try {
		db = new Database(file, { readonly: true, fileMustExist: true });
		const applicationId = db.pragma('application_id', { simple: true }) as number;
		if (applicationId === APPLICATION_ID) return 'ours';
		if (applicationId !== 0) return 'foreign';
		const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table'").all().map((row) => row.name);
		if (tables.length === 0) return 'empty';
		const version = db.pragma('user_version', { simple: true }) as number;
		return version >= 1 && OUR_TABLES.every((name) => tables.includes(name)) ? 'ours' : 'foreign';
	} catch (error) {
		// Not an SQLite file at all; any other failure (a lock, permissions) is not a verdict.
		if ((error as { code?: string }).code === 'SQLITE_NOTADB') return 'foreign';
		throw error;
	} finally {
		db?.close();
	}
}

/**
 * Throws, naming the file and the way forward, unless the file is ours or may be created.
 * Returns what it found: 'new' (no file), 'ours', or 'empty' when CREATE_DATABASE allows it.
 */
export function checkDatabaseFile(file: string, createDatabase: boolean): FileVerdict {
	const verdict = inspectDatabaseFile(file);
	if (verdict === 'new' || verdict === 'ours') return verdict;
	if (verdict === 'empty') {
		if (createDatabase) return verdict;
		throw new DatabaseIdentityError(
			`The database file ${file} is empty. If you are setting up WhatMatters here for the first time, ` +
				'start it once with CREATE_DATABASE=1 to make a new database in this file. ' +
				'If care plans should be in it, restore it from your backup, or set DATA_DIR to the folder that holds the database.'
		);
	}
	throw new DatabaseIdentityError(
		`The file ${file} is not a WhatMatters database, so WhatMatters will not change it. ` +
			'Set DATA_DIR to the folder that holds your WhatMatters database, or move this file away to start a new one.'
	);
}
