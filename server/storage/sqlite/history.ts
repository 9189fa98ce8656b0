/** History entries, the derivation's progress and members' seen marks, in SQLite. */
import type Database from 'better-sqlite3';
import type { DerivationState, EntryKind, HistoryEntry } from '../../../src/lib/board/history/types.js';
import type { SectionKey } from '../../../src/lib/board/section-keys.js';
import type { Storage } from '../../../src/lib/server/storage.js';

interface EntryRow {
	id: number;
	first_seq: number;
	last_seq: number;
	first_at: number;
	last_at: number;
	sender_id: string | null;
	words_of_id: string | null;
	section: string;
	item_id: string;
	kind: string;
	detail: string;
}

const toEntry = (row: EntryRow): HistoryEntry => ({
	id: row.id,
	firstSeq: row.first_seq,
	lastSeq: row.last_seq,
	firstAt: row.first_at,
	lastAt: row.last_at,
	senderId: row.sender_id,
	wordsOfId: row.words_of_id,
	section: row.section as SectionKey,
	itemId: row.item_id,
	kind: row.kind as EntryKind,
	detail: JSON.parse(row.detail)
});

const NO_ID = Number.MAX_SAFE_INTEGER;
// The row for "everything seen up to": no item id is empty.
const ALL = '';

export function sqliteHistory(db: Database.Database): Storage['history'] {
	const progress = db.prepare<[string], { last_seq: number; doc: Buffer; state: string }>(
		'SELECT last_seq, doc, state FROM history_progress WHERE board_id = ?'
	);
	const progressSeq = db.prepare<[string], { last_seq: number }>('SELECT last_seq FROM history_progress WHERE board_id = ?');
	const updatesAfter = db.prepare<[string, number, number], { seq: number; data: Buffer; user_id: string | null; at: number }>(
		'SELECT seq, data, user_id, at FROM board_updates WHERE board_id = ? AND seq > ? ORDER BY seq LIMIT ?'
	);
	// Checkpoints are kept about every 1,000 updates, the compacted state every 500.
	const startPoint = db.prepare<[string, number, string, number], { seq: number; data: Buffer }>(
		`SELECT seq, data FROM (
			SELECT seq, data FROM board_checkpoints WHERE board_id = ? AND seq <= ?
			UNION ALL SELECT upto_seq AS seq, data FROM board_snapshots WHERE board_id = ? AND upto_seq <= ?
		 ) ORDER BY seq DESC LIMIT 1`
	);
	const upsert = db.prepare(
		`INSERT OR REPLACE INTO history_entries
		 (board_id, id, first_seq, last_seq, first_at, last_at, sender_id, words_of_id, section, item_id, kind, detail)
		 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	);
	const saveProgress = db.prepare(
		`INSERT INTO history_progress (board_id, last_seq, doc, state) VALUES (?, ?, ?, ?)
		 ON CONFLICT(board_id) DO UPDATE SET last_seq = excluded.last_seq, doc = excluded.doc, state = excluded.state`
	);
	const save = db.transaction((boardId: string, fromSeq: number, entries: HistoryEntry[], state: DerivationState) => {
		if ((progressSeq.get(boardId)?.last_seq ?? 0) !== fromSeq) return false;
		for (const e of entries) {
			upsert.run(boardId, e.id, e.firstSeq, e.lastSeq, e.firstAt, e.lastAt, e.senderId, e.wordsOfId, e.section, e.itemId, e.kind, JSON.stringify(e.detail));
		}
		const { doc, lastSeq, ...rest } = state;
		saveProgress.run(boardId, lastSeq, doc, JSON.stringify(rest));
		return true;
	});
	// Keyset paging on the entry id; a filter that is not asked for matches everything.
	const list = db.prepare<[string, number, string | null, string | null, string | null, string | null, number], EntryRow>(
		`SELECT * FROM history_entries
		 WHERE board_id = ? AND id < ? AND (? IS NULL OR sender_id = ?) AND (? IS NULL OR section = ?)
		 ORDER BY id DESC LIMIT ?`
	);
	const senders = db.prepare<[string], { sender_id: string }>(
		'SELECT DISTINCT sender_id FROM history_entries WHERE board_id = ? AND sender_id IS NOT NULL'
	);
	const byOthers = db.prepare<[string, number, string, number], EntryRow>(
		`SELECT * FROM history_entries WHERE board_id = ? AND last_at > ? AND sender_id IS NOT NULL AND sender_id != ?
		 ORDER BY id LIMIT ?`
	);
	const seen = db.prepare<[string, string], { item_id: string; seen_seq: number }>(
		'SELECT item_id, seen_seq FROM history_seen WHERE board_id = ? AND user_id = ?'
	);
	const mark = db.prepare(
		`INSERT INTO history_seen (board_id, user_id, item_id, seen_seq) VALUES (?, ?, ?, ?)
		 ON CONFLICT(board_id, user_id, item_id) DO UPDATE SET seen_seq = MAX(seen_seq, excluded.seen_seq)`
	);
	const clearItems = db.prepare(`DELETE FROM history_seen WHERE board_id = ? AND user_id = ? AND item_id != '' AND seen_seq <= ?`);
	const markSeen = db.transaction((boardId: string, userId: string, itemIds: string[] | null, seq: number) => {
		if (itemIds === null) {
			mark.run(boardId, userId, ALL, seq);
			// Item marks at or below everything-seen say nothing more.
			clearItems.run(boardId, userId, seq);
		} else for (const id of itemIds) mark.run(boardId, userId, id, seq);
	});
	const lastChange = db.prepare<[string], { user_id: string; at: number }>(
		'SELECT user_id, at FROM board_updates WHERE board_id = ? AND user_id IS NOT NULL ORDER BY seq DESC LIMIT 1'
	);
	const othersLast = db.prepare<[string, string], { at: number }>(
		'SELECT at FROM board_updates WHERE board_id = ? AND user_id IS NOT NULL AND user_id != ? ORDER BY seq DESC LIMIT 1'
	);

	return {
		async progress(boardId) {
			const row = progress.get(boardId);
			if (!row) return null;
			return { ...JSON.parse(row.state), lastSeq: row.last_seq, doc: new Uint8Array(row.doc) };
		},
		async progressSeq(boardId) {
			return progressSeq.get(boardId)?.last_seq ?? 0;
		},
		async startPoint(boardId, seq) {
			const row = startPoint.get(boardId, seq, boardId, seq);
			return row ? { seq: row.seq, data: new Uint8Array(row.data) } : null;
		},
		async updatesAfter(boardId, seq, limit) {
			return updatesAfter.all(boardId, seq, limit).map((r) => ({ seq: r.seq, data: new Uint8Array(r.data), userId: r.user_id, at: r.at }));
		},
		async save(boardId, fromSeq, entries, state) {
			return save.immediate(boardId, fromSeq, entries, state);
		},
		async list(boardId, { limit, beforeId, senderId, section }) {
			const sender = senderId ?? null;
			const inSection = section ?? null;
			return list.all(boardId, beforeId ?? NO_ID, sender, sender, inSection, inSection, limit).map(toEntry);
		},
		async senders(boardId) {
			return senders.all(boardId).map((r) => r.sender_id);
		},
		async byOthersSince(boardId, userId, after, limit) {
			return byOthers.all(boardId, after, userId, limit).map(toEntry);
		},
		async seen(boardId, userId) {
			const items = new Map<string, number>();
			let all = 0;
			for (const row of seen.all(boardId, userId)) {
				if (row.item_id === ALL) all = row.seen_seq;
				else items.set(row.item_id, row.seen_seq);
			}
			return { all, items };
		},
		async markSeen(boardId, userId, itemIds, seq) {
			markSeen.immediate(boardId, userId, itemIds, seq);
		},
		async planChanges(boardIds, userId) {
			return boardIds.map((boardId) => {
				const last = lastChange.get(boardId);
				return { boardId, lastAt: last?.at ?? null, lastBy: last?.user_id ?? null, othersLastAt: othersLast.get(boardId, userId)?.at ?? null };
			});
		}
	};
}
