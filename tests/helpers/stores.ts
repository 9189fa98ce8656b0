/**
 * Every Storage implementation, for the suites that test storage itself: each such suite runs
 * once per kind with the same checks. A test store can be reopened on the same data, and read
 * with plain SQL (written with `?` placeholders, which suit both).
 */
import Database from 'better-sqlite3';
import path from 'node:path';
import type { Storage } from '../../src/lib/server/storage.js';
import { DATABASE_FILE, openSqliteStorage } from '../../server/storage/sqlite/index.js';
import { openPostgresStorage } from '../../server/storage/postgres/index.js';
import { adminQuery, freshSchema } from './postgres.js';
import { tempDir } from './server.js';

export const STORAGE_KINDS = ['sqlite', 'postgres'] as const;
export type StorageKind = (typeof STORAGE_KINDS)[number];

export interface TestStore {
	readonly kind: StorageKind;
	/** Opens the store (again) on this test's data. */
	open(): Promise<Storage>;
	/** Runs SQL straight on the data, outside the store (to look, or to do what no method does). */
	sql<R = Record<string, unknown>>(query: string, ...params: unknown[]): Promise<R[]>;
	/** The first column of the first row, as a number (for COUNT queries). */
	count(query: string, ...params: unknown[]): Promise<number>;
}

const toDollars = (query: string) => {
	let n = 0;
	return query.replace(/\?/g, () => `$${++n}`);
};

/** A new, empty store of this kind: its own SQLite file, or its own PostgreSQL schema. */
export async function newTestStore(kind: StorageKind): Promise<TestStore> {
	let sql: TestStore['sql'];
	let open: TestStore['open'];
	if (kind === 'sqlite') {
		const dir = tempDir();
		open = async () => openSqliteStorage(dir, { createDatabase: true });
		sql = async <R>(query: string, ...params: unknown[]) => {
			const db = new Database(path.join(dir, DATABASE_FILE));
			try {
				db.pragma('busy_timeout = 5000');
				db.pragma('foreign_keys = ON');
				const statement = db.prepare(query);
				return (statement.reader ? statement.all(...params) : (statement.run(...params), [])) as R[];
			} finally {
				db.close();
			}
		};
	} else {
		const url = await freshSchema();
		open = () => openPostgresStorage(url, { poolSize: 5 });
		sql = async <R>(query: string, ...params: unknown[]) => (await adminQuery(url, toDollars(query), params)).rows as R[];
	}
	return {
		kind,
		open,
		sql,
		async count(query, ...params) {
			const [row] = await sql<Record<string, unknown>>(query, ...params);
			return Number(Object.values(row ?? {})[0] ?? 0);
		}
	};
}
