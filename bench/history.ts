/**
 * The history page's server time on a plan with 100,000 stored updates, compacted as the sync
 * server does: the very first page of a plan whose history was never read (read from the newest
 * stored state, the whole derivation left to the background), deriving the entries for all of
 * it (once per plan, then stored), the first page once they are stored, and the first page after
 * a few hundred new updates (the catch-up it does on the way).
 * Run:  node --import tsx bench/history.ts <dir>
 */
import * as Y from 'yjs';
import { addItem, deleteItem, getItemText, initBoard, listItems, updateFields, type SectionKey } from '../src/lib/board/index.js';
import { describeEntry } from '../src/lib/board/history/index.js';
import { catchUpHistory } from '../src/lib/server/history.js';
import { historyNames } from '../src/lib/server/history-names.js';
import { historyPage } from '../src/lib/server/history-page.js';
import type { Logger } from '../src/lib/server/logger.js';
import type { Storage } from '../src/lib/server/storage.js';
import { openSqliteStorage } from '../server/storage/sqlite/index.js';
import { compactBoard } from '../server/sync/compaction.js';
import { percentile } from './stats.js';
import { reportResult } from './child.js';

const UPDATES = 100_000;
const PAGE = 50;
const SENDERS = ['u1', 'u2', 'u3'];
/** As the sync server does: compacted (and a checkpoint kept) every 500 stored updates. */
const COMPACT_EVERY = 500;
const quiet: Logger = { error() {}, warn() {}, info() {}, debug() {} };

/** Writes `count` updates as three people would: typing in runs, adding, changing and deleting items. */
function writer(storage: Storage, boardId: string) {
	const doc = new Y.Doc();
	let pending: { data: Uint8Array; userId: string | null; at: number }[] = [];
	let sender: string | null = null;
	let at = Date.now() - 365 * 24 * 3600_000;
	doc.on('update', (data: Uint8Array) => pending.push({ data, userId: sender, at }));
	initBoard(doc);
	const sections: SectionKey[] = ['matters', 'goals', 'steps', 'notes'];
	let step = 0;
	let sinceCompaction = 0;
	const store = async () => {
		const batch = pending.splice(0);
		await storage.docs.append(batch.map((p) => ({ boardId, ...p })));
		sinceCompaction += batch.length;
		if (sinceCompaction >= COMPACT_EVERY) {
			await compactBoard(boardId, storage, quiet);
			sinceCompaction = 0;
		}
	};
	return async function write(count: number): Promise<void> {
		for (let n = 0; n < count; n++, step++) {
			sender = SENDERS[Math.floor(step / 30) % SENDERS.length]!;
			at += 20_000;
			const section = sections[Math.floor(step / 90) % sections.length]!;
			const items = listItems(doc, section);
			if (items.length < 5 || step % 500 === 0) addItem(doc, section, { author: sender, text: `Item ${step} ` });
			else if (step % 2000 === 1) deleteItem(doc, section, items[0]!.id);
			else if (step % 1000 === 2 && section === 'goals') updateFields(doc, 'goals', items[0]!.id, { confidence: step % 11 }, sender);
			else {
				const text = getItemText(doc, section, items[Math.floor(step / 30) % items.length]!.id)!;
				text.insert(text.length, String.fromCharCode(97 + (step % 26)));
			}
			if (pending.length >= 100) await store();
		}
		if (pending.length) await store();
		pending = [];
	};
}

async function main(dir: string) {
	const storage = openSqliteStorage(dir);
	const now = Date.now();
	for (const id of SENDERS) await storage.users.create({ id, email: `${id}@example.com`, name: `Bench ${id}`, passwordHash: 'x', createdAt: now });
	const board = { id: 'benchhistoryboard234', personName: 'Bench', ownerId: 'u1', createdBy: 'u1', createdAt: now };
	await storage.boards.create(board, 'person', { at: now, actorId: 'u1', boardId: board.id, action: 'board.created', detail: {} });
	const member = (await storage.members.get(board.id, 'u1'))!;
	const write = writer(storage, board.id);
	await write(UPDATES);

	// What the page's load does with storage, from reading the address to the sentences. The
	// catch-up the page would leave to the background is noted, not run, so it is not timed.
	let leftToBackground = 0;
	const firstPage = async () => {
		const started = performance.now();
		const { rows, senders } = await historyPage(storage, board.id, { who: null, section: null, before: null }, PAGE, () => leftToBackground++);
		const names = await historyNames(storage, board, member, [...senders, ...rows.flatMap((e) => [e.senderId, e.wordsOfId])]);
		rows.slice(0, PAGE).map((e) => describeEntry(e, names.nameOf));
		return performance.now() - started;
	};

	// Never read before: how long the first page takes, and how many stored updates it reads.
	const updatesAfter = storage.history.updatesAfter;
	let updatesRead = 0;
	storage.history.updatesAfter = async (...args) => {
		const found = await updatesAfter(...args);
		updatesRead += found.length;
		return found;
	};
	const neverReadMs = await firstPage();
	storage.history.updatesAfter = updatesAfter;
	if (leftToBackground !== 1) throw new Error('the first page of a never-read history did not leave the catch-up to the background');
	console.error(`history: first page never read before: ${neverReadMs.toFixed(1)} ms, ${updatesRead} of ${UPDATES} updates read`);

	// The background's work, timed on its own: once per plan.
	const deriveStarted = performance.now();
	await catchUpHistory(storage, board.id);
	const deriveAllMs = performance.now() - deriveStarted;
	const entries = (await storage.history.list(board.id, { limit: 1 }))[0]!.id;
	const sorted = (times: number[]) => [...times].sort((a, b) => a - b);
	const stored: number[] = [];
	for (let i = 0; i < 30; i++) stored.push(await firstPage());
	const afterNew: number[] = [];
	for (let i = 0; i < 10; i++) {
		await write(300);
		afterNew.push(await firstPage());
	}
	await storage.close();
	return {
		updates: UPDATES,
		entries,
		deriveAllMs,
		neverReadFirstPage: { ms: neverReadMs, updatesRead },
		firstPageMs: { median: percentile(sorted(stored), 50), p95: percentile(sorted(stored), 95) },
		firstPageAfter300NewMs: { median: percentile(sorted(afterNew), 50), p95: percentile(sorted(afterNew), 95) }
	};
}

reportResult(main(process.argv[2]!));
