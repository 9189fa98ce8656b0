/** Direct looks into a test server's PostgreSQL schema: to find ids, or to read a board as stored. */
import * as Y from 'yjs';
import { adminQuery } from './postgres.js';

export async function pgUserId(url: string, email: string): Promise<string> {
	const { rows } = await adminQuery(url, 'SELECT id FROM users WHERE email = $1', [email]);
	if (!rows[0]) throw new Error(`no user ${email}`);
	return rows[0].id as string;
}

/** The board as stored: its snapshot and every update after it. */
export async function pgStoredDoc(url: string, boardId: string): Promise<Y.Doc> {
	const doc = new Y.Doc();
	const snapshot = await adminQuery(url, 'SELECT data FROM board_snapshots WHERE board_id = $1', [boardId]);
	if (snapshot.rows[0]) Y.applyUpdate(doc, snapshot.rows[0].data);
	const updates = await adminQuery(url, 'SELECT data FROM board_updates WHERE board_id = $1 ORDER BY seq', [boardId]);
	for (const row of updates.rows) Y.applyUpdate(doc, row.data);
	return doc;
}
