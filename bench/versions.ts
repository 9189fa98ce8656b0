/**
 * Rebuilding any version of a 10,000-update plan from stored checkpoints plus the updates after
 * them. The first look at a version keeps the checkpoints it passes; after that, any version is
 * one checkpoint and at most 999 updates away. Alone: node --import tsx bench/versions.ts <dir>
 */
import { rebuildAt } from '../src/lib/server/versions.js';
import type { Storage } from '../src/lib/server/storage.js';
import { percentile } from './stats.js';

export interface VersionRebuild {
	/** The very first rebuild, of the newest version, with no checkpoints kept yet (it keeps them). */
	firstMs: number;
	median: number;
	p95: number;
	versions: number;
	updates: number;
}

export async function measureVersions(storage: Storage, boardId: string, samples = 60): Promise<VersionRebuild> {
	const last = await storage.versions.lastSeq(boardId);
	const t0 = performance.now();
	(await rebuildAt(storage, boardId, last)).destroy();
	const firstMs = performance.now() - t0;
	const times: number[] = [];
	// Spread over the whole log, boundaries included, in a fixed order so runs compare.
	for (let i = 0; i < samples; i++) {
		const seq = i % 10 === 0 ? Math.max(1, Math.floor((i / samples) * last / 1000) * 1000) : 1 + ((i * 7919) % last);
		const start = performance.now();
		(await rebuildAt(storage, boardId, seq)).destroy();
		times.push(performance.now() - start);
	}
	times.sort((a, b) => a - b);
	return { firstMs, median: percentile(times, 50), p95: percentile(times, 95), versions: samples, updates: last };
}

async function alone(dir: string) {
	const { openSqliteStorage } = await import('../server/storage/sqlite/index.js');
	const { storeBoard } = await import('./store-board.js');
	const storage = openSqliteStorage(dir, { createDatabase: true });
	await storage.users.create({ id: 'u1', email: 'u1@example.com', name: 'U', passwordHash: 'x', createdAt: 0 });
	const board = 'benchversionsaaaaaaa';
	await storeBoard(storage, board, 50, 10_000, 'runs');
	const result = await measureVersions(storage, board);
	await storage.close();
	return result;
}

if (process.argv[1]?.endsWith('versions.ts') && process.argv[2]) {
	const { reportResult } = await import('./child.js');
	reportResult(alone(process.argv[2]));
}
