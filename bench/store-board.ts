/** Stores a bench board built keystroke by keystroke, one stored update per keystroke. */
import * as Y from 'yjs';
import { addItem, getItemText, initBoard, listItems } from '../src/lib/board/index.js';
import type { Storage } from '../src/lib/server/storage.js';

/**
 * How the edits of a stored board were typed. 'runs': as people write — a few dozen keystrokes
 * in one item, then another item (Yjs merges consecutive typing). 'interleaved': every keystroke
 * in a different item from the last, the worst case for memory.
 */
export type EditPattern = 'runs' | 'interleaved';

/** Stores a board built keystroke by keystroke: items added, then edited, one update each. */
export async function storeBoard(storage: Storage, boardId: string, items: number, edits: number, pattern: EditPattern): Promise<void> {
	const doc = new Y.Doc();
	const updates: Uint8Array[] = [];
	doc.on('update', (u: Uint8Array) => updates.push(u));
	initBoard(doc);
	const sections = ['matters', 'strengths', 'goals', 'steps', 'notes'] as const;
	for (let i = 0; i < items; i++) addItem(doc, sections[i % sections.length], { author: 'u1', text: `Item ${i} ` });
	const all = sections.flatMap((section) => listItems(doc, section).map((item) => ({ section, id: item.id })));
	for (let e = updates.length; e < edits; e++) {
		const { section, id } = all[(pattern === 'runs' ? Math.floor(e / 30) : e) % all.length];
		const text = getItemText(doc, section, id)!;
		// Mostly typing, sometimes a correction, as people write.
		if (e % 10 === 9 && text.length > 3) text.delete(text.length - 1, 1);
		else text.insert(text.length, String.fromCharCode(97 + (e % 26)));
	}
	const board = { id: boardId, personName: 'Bench', ownerId: 'u1', createdBy: 'u1', createdAt: Date.now() };
	await storage.boards.create(board, 'person', { at: board.createdAt, actorId: 'u1', boardId, action: 'board.created', detail: {} });
	for (let i = 0; i < updates.length; i += 500) {
		await storage.docs.append(updates.slice(i, i + 500).map((data) => ({ boardId, data, userId: 'u1', at: Date.now() })));
	}
	doc.destroy();
}

