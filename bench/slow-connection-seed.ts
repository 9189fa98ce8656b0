/**
 * The two plans the slow-connection benchmark opens, stored straight into a fresh data folder:
 * an empty plan, and a full one (ten sections of 20 items each, one stored update per item,
 * as people add them). One person owns both; the returned session token signs the browser in.
 */
import * as Y from 'yjs';
import { addItem, BOARD_SECTION_KEYS, initBoard } from '../src/lib/board/index.js';
import { generateToken, hashToken } from '../src/lib/server/auth/sessions.js';
import { newId } from '../src/lib/server/ids.js';
import { openSqliteStorage } from '../server/storage/sqlite/index.js';
import type { Storage } from '../src/lib/server/storage.js';

export const ITEMS_PER_SECTION = 20;

export interface SeededPlans {
	token: string;
	emptyId: string;
	fullId: string;
	/** How many items the full plan shows on the board. */
	fullItems: number;
	/** The first item's words: looked for on the page to tell when the plan is readable. */
	firstText: string;
}

const sentence = (section: string, i: number) =>
	`${section} ${i + 1}: I would like to walk to the park with my sister on Sundays, and have a cup of tea after.`;

async function createPlan(storage: Storage, ownerId: string, now: number): Promise<string> {
	const boardId = newId();
	await storage.boards.create({ id: boardId, personName: 'Sam', ownerId, createdBy: ownerId, createdAt: now }, 'person', {
		at: now,
		actorId: ownerId,
		boardId,
		action: 'board.created',
		detail: { for: 'self' }
	});
	return boardId;
}

export async function seedPlans(dataDir: string): Promise<SeededPlans> {
	const storage = openSqliteStorage(dataDir, { createDatabase: true });
	const now = Date.now();
	const userId = newId();
	await storage.users.create({ id: userId, email: 'slow-connection@example.com', name: 'Sam', passwordHash: 'not-used', createdAt: now });
	const token = generateToken();
	await storage.sessions.create({ id: hashToken(token), userId, expiresAt: now + 86_400_000 });

	const emptyId = await createPlan(storage, userId, now);
	const fullId = await createPlan(storage, userId, now);
	const doc = new Y.Doc();
	const updates: Uint8Array[] = [];
	doc.on('update', (data: Uint8Array) => updates.push(data));
	initBoard(doc);
	for (const section of BOARD_SECTION_KEYS) {
		for (let i = 0; i < ITEMS_PER_SECTION; i++) addItem(doc, section, { author: userId, text: sentence(section, i) });
	}
	await storage.docs.append(updates.map((data) => ({ boardId: fullId, data, userId, at: now })));
	doc.destroy();
	await storage.close();
	return {
		token,
		emptyId,
		fullId,
		fullItems: BOARD_SECTION_KEYS.length * ITEMS_PER_SECTION,
		firstText: sentence(BOARD_SECTION_KEYS[0], 0)
	};
}
