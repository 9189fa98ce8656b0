/** History entries, the derivation's progress and members' seen marks, in PostgreSQL. */
import type pg from 'pg';
import type { DerivationState, EntryKind, HistoryEntry } from '../../../src/lib/board/history/types.js';
import type { SectionKey } from '../../../src/lib/board/section-keys.js';
import type { Storage } from '../../../src/lib/server/storage.js';
import { lockKeys, one, rows, transaction } from './pool.js';

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

const bytes = (data: Buffer) => new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
const NO_ID = Number.MAX_SAFE_INTEGER;
// The row for "everything seen up to": no item id is empty.
const ALL = '';

const UPSERT_ENTRIES = `
	INSERT INTO history_entries (board_id, id, first_seq, last_seq, first_at, last_at, sender_id, words_of_id, section, item_id, kind, detail)
	SELECT $1, * FROM unnest($2::bigint[], $3::bigint[], $4::bigint[], $5::bigint[], $6::bigint[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[])
	ON CONFLICT (board_id, id) DO UPDATE SET first_seq = excluded.first_seq, last_seq = excluded.last_seq, first_at = excluded.first_at,
		last_at = excluded.last_at, sender_id = excluded.sender_id, words_of_id = excluded.words_of_id, section = excluded.section,
		item_id = excluded.item_id, kind = excluded.kind, detail = excluded.detail`;

export function postgresHistory(pool: pg.Pool): Storage['history'] {
	const progressSeq = async (boardId: string) =>
		(await one<{ last_seq: number }>(pool, 'SELECT last_seq FROM history_progress WHERE board_id = $1', [boardId]))?.last_seq ?? 0;
	return {
		async progress(boardId) {
			const row = await one<{ last_seq: number; doc: Buffer; state: string }>(pool, 'SELECT last_seq, doc, state FROM history_progress WHERE board_id = $1', [
				boardId
			]);
			if (!row) return null;
			return { ...JSON.parse(row.state), lastSeq: row.last_seq, doc: bytes(row.doc) };
		},
		progressSeq,
		async startPoint(boardId, seq) {
			// Checkpoints are kept about every 1,000 updates, the compacted state every 500.
			const row = await one<{ seq: number; data: Buffer }>(
				pool,
				`(SELECT seq, data FROM board_checkpoints WHERE board_id = $1 AND seq <= $2 ORDER BY seq DESC LIMIT 1)
				 UNION ALL (SELECT upto_seq AS seq, data FROM board_snapshots WHERE board_id = $1 AND upto_seq <= $2)
				 ORDER BY seq DESC LIMIT 1`,
				[boardId, seq]
			);
			return row ? { seq: Number(row.seq), data: bytes(row.data) } : null;
		},
		async updatesAfter(boardId, seq, limit) {
			const found = await rows<{ seq: number; data: Buffer; user_id: string | null; at: number }>(
				pool,
				'SELECT seq, data, user_id, at FROM board_updates WHERE board_id = $1 AND seq > $2 ORDER BY seq LIMIT $3',
				[boardId, seq, limit]
			);
			return found.map((r) => ({ seq: r.seq, data: bytes(r.data), userId: r.user_id, at: r.at }));
		},
		async save(boardId, fromSeq, entries: HistoryEntry[], state: DerivationState) {
			return transaction(pool, async (db) => {
				// Two instances catching up one board at once: the second finds the progress moved and writes nothing.
				await lockKeys(db, [`history:${boardId}`]);
				const current = (await one<{ last_seq: number }>(db, 'SELECT last_seq FROM history_progress WHERE board_id = $1', [boardId]))?.last_seq ?? 0;
				if (current !== fromSeq) return false;
				if (entries.length) {
					const column = <K extends keyof HistoryEntry>(key: K) => entries.map((e) => e[key]);
					await db.query(UPSERT_ENTRIES, [
						boardId,
						column('id'),
						column('firstSeq'),
						column('lastSeq'),
						column('firstAt'),
						column('lastAt'),
						column('senderId'),
						column('wordsOfId'),
						column('section'),
						column('itemId'),
						column('kind'),
						entries.map((e) => JSON.stringify(e.detail))
					]);
				}
				const { doc, lastSeq, ...rest } = state;
				await db.query(
					`INSERT INTO history_progress (board_id, last_seq, doc, state) VALUES ($1, $2, $3, $4)
					 ON CONFLICT (board_id) DO UPDATE SET last_seq = excluded.last_seq, doc = excluded.doc, state = excluded.state`,
					[boardId, lastSeq, Buffer.from(doc), JSON.stringify(rest)]
				);
				return true;
			});
		},
		async list(boardId, { limit, beforeId, senderId, section }) {
			// Keyset paging on the entry id; a filter that is not asked for matches everything.
			const found = await rows<EntryRow>(
				pool,
				`SELECT * FROM history_entries
				 WHERE board_id = $1 AND id < $2 AND ($3::text IS NULL OR sender_id = $3) AND ($4::text IS NULL OR section = $4)
				 ORDER BY id DESC LIMIT $5`,
				[boardId, beforeId ?? NO_ID, senderId ?? null, section ?? null, limit]
			);
			return found.map(toEntry);
		},
		async senders(boardId) {
			const found = await rows<{ sender_id: string }>(
				pool,
				'SELECT DISTINCT sender_id FROM history_entries WHERE board_id = $1 AND sender_id IS NOT NULL',
				[boardId]
			);
			return found.map((r) => r.sender_id);
		},
		async byOthersSince(boardId, userId, after, limit) {
			const found = await rows<EntryRow>(
				pool,
				`SELECT * FROM history_entries WHERE board_id = $1 AND last_at > $2 AND sender_id IS NOT NULL AND sender_id != $3
				 ORDER BY id LIMIT $4`,
				[boardId, after, userId, limit]
			);
			return found.map(toEntry);
		},
		async seen(boardId, userId) {
			const items = new Map<string, number>();
			let all = 0;
			const found = await rows<{ item_id: string; seen_seq: number }>(pool, 'SELECT item_id, seen_seq FROM history_seen WHERE board_id = $1 AND user_id = $2', [
				boardId,
				userId
			]);
			for (const row of found) {
				if (row.item_id === ALL) all = row.seen_seq;
				else items.set(row.item_id, row.seen_seq);
			}
			return { all, items };
		},
		async markSeen(boardId, userId, itemIds, seq) {
			await transaction(pool, async (db) => {
				const ids = itemIds ?? [ALL];
				await db.query(
					`INSERT INTO history_seen (board_id, user_id, item_id, seen_seq) SELECT $1, $2, item, $4 FROM unnest($3::text[]) AS item
					 ON CONFLICT (board_id, user_id, item_id) DO UPDATE SET seen_seq = GREATEST(history_seen.seen_seq, excluded.seen_seq)`,
					[boardId, userId, ids, seq]
				);
				// Item marks at or below everything-seen say nothing more.
				if (itemIds === null) {
					await db.query(`DELETE FROM history_seen WHERE board_id = $1 AND user_id = $2 AND item_id != '' AND seen_seq <= $3`, [boardId, userId, seq]);
				}
			});
		},
		async planChanges(boardIds, userId) {
			if (!boardIds.length) return [];
			const found = await rows<{ board_id: string; last_at: number | null; last_by: string | null; others_at: number | null }>(
				pool,
				`SELECT b.board_id, last.at AS last_at, last.user_id AS last_by, others.at AS others_at
				 FROM unnest($1::text[]) AS b(board_id)
				 LEFT JOIN LATERAL (SELECT user_id, at FROM board_updates u WHERE u.board_id = b.board_id AND u.user_id IS NOT NULL ORDER BY seq DESC LIMIT 1) last ON true
				 LEFT JOIN LATERAL (SELECT at FROM board_updates u WHERE u.board_id = b.board_id AND u.user_id IS NOT NULL AND u.user_id != $2 ORDER BY seq DESC LIMIT 1) others ON true`,
				[boardIds, userId]
			);
			const byBoard = new Map(found.map((row) => [row.board_id, row]));
			return boardIds.map((boardId) => {
				const row = byBoard.get(boardId);
				return { boardId, lastAt: row?.last_at ?? null, lastBy: row?.last_by ?? null, othersLastAt: row?.others_at ?? null };
			});
		}
	};
}
