/**
 * The process's soft limit on open files (every socket is one), read from /proc/self/limits
 * on Linux. Null where it cannot be read (other systems): then no total cap is derived.
 */
import fs from 'node:fs';

export function openFilesSoftLimit(file = '/proc/self/limits'): number | null {
	try {
		const line = fs
			.readFileSync(file, 'utf8')
			.split('\n')
			.find((l) => l.startsWith('Max open files'));
		const soft = line?.slice('Max open files'.length).trim().split(/\s+/)[0];
		if (!soft || soft === 'unlimited') return null;
		const value = Number(soft);
		return Number.isSafeInteger(value) && value > 0 ? value : null;
	} catch {
		return null;
	}
}

/**
 * Files kept back from the default connection cap for the database, logs and the listening
 * socket, so a full house of connections never stops the process opening what it needs.
 */
export function reservedFiles(softLimit: number): number {
	return Math.min(256, Math.floor(softLimit / 4));
}

/** The fewest files a configured cap must leave: the database (with its WAL), logs, the listener. */
export const MIN_RESERVED_FILES = 32;
