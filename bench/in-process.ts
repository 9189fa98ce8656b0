/**
 * Measurements inside one server process, with real SQLite storage: heap per loaded board,
 * cold-load time of a board with 10,000 stored updates, rebuilding any version of it, and heap
 * over 10,000 open/close cycles. Run with --expose-gc:  node --expose-gc --import tsx bench/in-process.ts <dir>
 */
import * as Y from 'yjs';
import { checkUpdate } from '../src/lib/board/index.js';
import { createLogger } from '../server/log.js';
import { createInProcessBus } from '../server/bus/in-process.js';
import { openSqliteStorage } from '../server/storage/sqlite/index.js';
import type { Storage } from '../src/lib/server/storage.js';
import { MembershipEvents } from '../src/lib/server/membership-events.js';
import type { BoardRoom, RoomConnection } from '../server/sync/room.js';
import { RoomRegistry } from '../server/sync/rooms.js';
import { percentile } from './stats.js';
import { reportResult } from './child.js';
import { storeBoard, type EditPattern } from './store-board.js';
import { measureVersions } from './versions.js';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const heapMiB = () => {
	gc!();
	gc!();
	return process.memoryUsage().heapUsed / 1024 / 1024;
};

/**
 * What each typing update costs on the server's path before it is relayed: every stored update
 * of a board checked against and then applied to the document it was written for, and stored
 * again (on another board) in a transaction of its own, as the server does when one arrives alone.
 */
async function measureCheck(storage: Storage, board: string, copyBoard: string): Promise<{ checkMicros: number; applyMicros: number; storeMicros: number; updates: number }> {
	const { updates: stored } = await storage.docs.load(board);
	const doc = new Y.Doc();
	// The first update is the board's creation, which the server writes itself, unchecked.
	Y.applyUpdate(doc, stored[0]);
	const updates = stored.slice(1);
	const writer = { id: 'u1', personId: 'u1', isMember: (id: string) => id === 'u1' };
	let check = 0;
	let apply = 0;
	let store = 0;
	for (const update of updates) {
		const t0 = performance.now();
		const refusal = checkUpdate(update, { doc, writer, maxUpdateBytes: 512 * 1024 });
		const t1 = performance.now();
		Y.applyUpdate(doc, update);
		apply += performance.now() - t1;
		check += t1 - t0;
		const t2 = performance.now();
		await storage.docs.append([{ boardId: copyBoard, data: update, userId: 'u1', at: Date.now() }]);
		store += performance.now() - t2;
		if (refusal) throw new Error(`the bench's own update was refused: ${refusal.message}`);
	}
	doc.destroy();
	const micros = (ms: number) => (ms * 1000) / updates.length;
	return { checkMicros: micros(check), applyMicros: micros(apply), storeMicros: micros(store), updates: updates.length };
}

function fakeConnection(id: number): RoomConnection {
	return { id, userId: 'u1', canWrite: true, canSeePeople: true, awarenessIds: new Set(), send() {}, close() {} };
}

const boardId = (n: number) => `bench${String(n).padStart(15, 'a')}`;

async function main(dir: string) {
	const storage = openSqliteStorage(dir);
	await storage.users.create({ id: 'u1', email: 'u1@example.com', name: 'U', passwordHash: 'x', createdAt: 0 });
	const log = createLogger('error');
	const limits = { compactEvery: 500, maxUpdateBytes: 512 * 1024, maxPlanBytes: 16 * 1024 * 1024 };
	const registry = () => new RoomRegistry({ storage, bus: createInProcessBus(), log, membership: new MembershipEvents(), limits });

	// 1. Heap per loaded board of 50 items and 2,000 edits, for each way of typing them.
	const BOARDS = 20;
	const heapPerBoardKiB: Record<EditPattern, number> = { runs: 0, interleaved: 0 };
	for (const [p, pattern] of (['runs', 'interleaved'] as const).entries()) {
		for (let b = 0; b < BOARDS; b++) await storeBoard(storage, boardId(p * 100 + b), 50, 2000, pattern);
		const rooms = registry();
		const before = heapMiB();
		for (let b = 0; b < BOARDS; b++) await rooms.join(boardId(p * 100 + b), () => fakeConnection(b));
		heapPerBoardKiB[pattern] = ((heapMiB() - before) / BOARDS) * 1024;
		await rooms.closeAll(1001, 'done');
	}

	// 2. Cold load of a board with 10,000 stored updates: the raw log, and as the server keeps it.
	const big = boardId(1000);
	await storeBoard(storage, big, 50, 10_000, 'runs');
	const coldLoad = async (): Promise<number[]> => {
		const times: number[] = [];
		for (let i = 0; i < 7; i++) {
			const fresh = registry();
			const start = performance.now();
			await fresh.join(big, () => fakeConnection(i));
			times.push(performance.now() - start);
			await fresh.closeAll(1001, 'done');
		}
		return times.sort((a, b) => a - b);
	};
	const rawTimes = await coldLoad();
	// Before the compacted state below: versions read the log and checkpoints, never the snapshot.
	const versionRebuildMs = await measureVersions(storage, big);
	// Stored again on a board the cycles below do not open.
	const checkCost = await measureCheck(storage, big, boardId(1));
	// What a live board has: the server compacts every 500 updates as they arrive.
	const stored = await storage.docs.load(big);
	const storedUpdates = stored.updates.length;
	const compactDoc = new Y.Doc();
	for (const u of stored.updates.slice(0, -250)) Y.applyUpdate(compactDoc, u);
	await storage.docs.saveSnapshot(big, stored.lastSeq - 250, Y.encodeStateAsUpdate(compactDoc), Date.now());
	compactDoc.destroy();
	stored.updates.length = 0;
	const compactedTimes = await coldLoad();

	// 3. Heap over 10,000 open/close cycles of one board.
	const cycles = registry();
	const samples: { cycle: number; heapMiB: number }[] = [];
	for (let c = 1; c <= 10_000; c++) {
		let joined: BoardRoom | null = null;
		const connection = await cycles.join(boardId(0), (room) => ((joined = room), fakeConnection(c)));
		joined!.remove(connection!);
		await joined!.finished;
		if (c === 1 || c % 2000 === 0) samples.push({ cycle: c, heapMiB: heapMiB() });
	}
	await storage.close();
	return {
		heapPerBoardKiB,
		boardsMeasured: BOARDS,
		coldLoadRawMs: { median: percentile(rawTimes, 50), updates: storedUpdates },
		coldLoadCompactedMs: { median: percentile(compactedTimes, 50), tailUpdates: 250 },
		checkCost,
		versionRebuildMs,
		openCloseHeapMiB: samples
	};
}

reportResult(main(process.argv[2]));
