/** Boards' Yjs update logs and compacted snapshots in SQLite. */
import type Database from 'better-sqlite3';
import type { DocUpdateEntry, Storage } from '../../../src/lib/server/storage.js';

export function sqliteDocs(db: Database.Database): Storage['docs'] {
	const lastSeq = db.prepare<[string], { seq: number | null }>('SELECT MAX(seq) AS seq FROM board_updates WHERE board_id = ?');
	const insert = db.prepare('INSERT INTO board_updates (board_id, seq, data, user_id, at) VALUES (?, ?, ?, ?, ?)');
	const snapshot = db.prepare<[string], { upto_seq: number; data: Buffer }>('SELECT upto_seq, data FROM board_snapshots WHERE board_id = ?');
	const after = db.prepare<[string, number], { data: Buffer }>('SELECT data FROM board_updates WHERE board_id = ? AND seq > ? ORDER BY seq');
	const saveSnapshot = db.prepare(
		`INSERT INTO board_snapshots (board_id, upto_seq, data, at) VALUES (?, ?, ?, ?)
		 ON CONFLICT(board_id) DO UPDATE SET upto_seq = excluded.upto_seq, data = excluded.data, at = excluded.at
		 WHERE excluded.upto_seq > board_snapshots.upto_seq`
	);

	const append = db.transaction((entries: DocUpdateEntry[]) => {
		const next = new Map<string, number>();
		return entries.map((entry) => {
			const seq = (next.get(entry.boardId) ?? lastSeq.get(entry.boardId)?.seq ?? 0) + 1;
			next.set(entry.boardId, seq);
			insert.run(entry.boardId, seq, entry.data, entry.userId, entry.at);
			return seq;
		});
	});
	const load = db.transaction((boardId: string) => {
		const snap = snapshot.get(boardId);
		const snapshotSeq = snap?.upto_seq ?? 0;
		return {
			snapshot: snap ? new Uint8Array(snap.data) : null,
			snapshotSeq,
			updates: after.all(boardId, snapshotSeq).map((row) => new Uint8Array(row.data)),
			lastSeq: lastSeq.get(boardId)?.seq ?? 0
		};
	});

	return {
		async append(entries) {
			return entries.length ? append.immediate(entries) : [];
		},
		async load(boardId) {
			return load(boardId);
		},
		async saveSnapshot(boardId, uptoSeq, data, at) {
			saveSnapshot.run(boardId, uptoSeq, data, at);
		}
	};
}
