/**
 * Opens the store the configuration asks for: PostgreSQL when DATABASE_URL is set (shared by
 * every instance), else the embedded SQLite file under DATA_DIR, exactly as before.
 */
import type { Storage } from '../../src/lib/server/storage.js';
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import { describeDatabase } from './postgres/describe.js';
import { PostgresIdentityError } from './postgres/migrations.js';
import { openSqliteStorage } from './sqlite/index.js';

/** Start-up cannot reach or use the configured database; the message says what to do. */
export class StorageStartError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'StorageStartError';
	}
}

export async function openStorage(config: Config, log: Logger): Promise<Storage> {
	const onProblem = (message: string) => log.warn(message);
	if (!config.databaseUrl) {
		return openSqliteStorage(config.dataDir, { busyTimeoutMs: config.sqliteBusyTimeoutMs, createDatabase: config.createDatabase, onProblem });
	}
	try {
		// Loaded only when asked for: one instance on SQLite never needs the PostgreSQL client.
		const { openPostgresStorage } = await import('./postgres/index.js');
		return await openPostgresStorage(config.databaseUrl, { poolSize: config.databasePoolSize, onProblem });
	} catch (error) {
		if (error instanceof PostgresIdentityError) throw new StorageStartError(error.message);
		throw new StorageStartError(
			`cannot reach the PostgreSQL database in DATABASE_URL (${describeDatabase(config.databaseUrl)}): ${(error as Error).message}. ` +
				'Check that the server is running, the address and database name are right, and this machine may connect.'
		);
	}
}
