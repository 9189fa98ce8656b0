/** Checkpoints of boards' documents, and the reads that rebuild a version from them, in SQLite. */
import type Database from 'better-sqlite3';
import type { Storage } from '../../../src/lib/server/storage.js';

export function sqliteVersions(db: Database.Database): Storage['versions'] {
	const nearest = db.prepare<[string, number], { seq: number; data: Buffer }>(
		'SELECT seq, data FROM board_checkpoints WHERE board_id = ? AND seq <= ? ORDER BY seq DESC LIMIT 1'
	);
	const save = db.prepare('INSERT OR IGNORE INTO board_checkpoints (board_id, seq, data, at) VALUES (?, ?, ?, ?)');
	const between = db.prepare<[string, number, number], { seq: number; data: Buffer }>(
		'SELECT seq, data FROM board_updates WHERE board_id = ? AND seq > ? AND seq <= ? ORDER BY seq'
	);
	const entry = db.prepare<[string, number], { seq: number; user_id: string | null; at: number }>(
		'SELECT seq, user_id, at FROM board_updates WHERE board_id = ? AND seq = ?'
	);
	const latest = db.prepare<[string], { seq: number | null }>('SELECT MAX(seq) AS seq FROM board_updates WHERE board_id = ?');
	const read = db.transaction((boardId: string, seq: number) => {
		const checkpoint = nearest.get(boardId, seq);
		const from = checkpoint?.seq ?? 0;
		return {
			checkpoint: checkpoint ? { seq: checkpoint.seq, data: new Uint8Array(checkpoint.data) } : null,
			updates: between.all(boardId, from, seq).map((row) => ({ seq: row.seq, data: new Uint8Array(row.data) }))
		};
	});

	return {
		async update(boardId, seq) {
			const row = entry.get(boardId, seq);
			return row ? { seq: row.seq, userId: row.user_id, at: row.at } : null;
		},
		async lastSeq(boardId) {
			return latest.get(boardId)?.seq ?? 0;
		},
		async readFor(boardId, seq) {
			return read(boardId, seq);
		},
		async saveCheckpoint(boardId, seq, data, at) {
			save.run(boardId, seq, data, at);
		}
	};
}
