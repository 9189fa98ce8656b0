/**
 * A plan with every one of the ten board sections full (500 items each), built with the board
 * model and stored as the server keeps a plan: the update log plus a compacted state.
 */
import * as Y from 'yjs';
import { addItem, BOARD_SECTION_KEYS, initBoard, LIMITS } from '../src/lib/board/index.js';
import { openSqliteStorage } from '../server/storage/sqlite/index.js';
import type { SeededBoard } from './seed.js';

export const ITEMS_PER_SECTION = LIMITS.maxItemsPerSection;

/** The plan's document, one update per item, as its author would have written it. */
export function buildLargePlan(author: string): { doc: Y.Doc; updates: Uint8Array[] } {
	const doc = new Y.Doc();
	const updates: Uint8Array[] = [];
	doc.on('update', (update: Uint8Array) => updates.push(update));
	initBoard(doc);
	for (const section of BOARD_SECTION_KEYS) {
		for (let i = 0; i < ITEMS_PER_SECTION; i++) {
			addItem(doc, section, { author, text: `${section} ${i}: I would like to walk to the park with my sister on Sundays, then have a cup of tea.` });
		}
	}
	return { doc, updates };
}

/** Stores the large plan for a seeded board: its updates, then the compacted state after them. */
export async function storeLargePlan(dataDir: string, board: SeededBoard): Promise<Uint8Array> {
	const { doc, updates } = buildLargePlan(board.userIds[0]);
	const storage = openSqliteStorage(dataDir);
	const now = Date.now();
	let seq = 0;
	for (let i = 0; i < updates.length; i += 500) {
		seq = (await storage.docs.append(updates.slice(i, i + 500).map((data) => ({ boardId: board.id, data, userId: board.userIds[0], at: now })))).at(-1)!;
	}
	const state = Y.encodeStateAsUpdate(doc);
	await storage.docs.saveSnapshot(board.id, seq, state, now);
	await storage.close();
	doc.destroy();
	return state;
}
