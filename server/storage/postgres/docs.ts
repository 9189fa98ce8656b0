/**
 * Boards' Yjs update logs, compacted snapshots and version checkpoints in PostgreSQL. Shared
 * by every instance: appends to one board are numbered under its head row's lock, so sequence
 * numbers are given and committed in order whichever instance writes.
 */
import type pg from 'pg';
import type { DocUpdateEntry, Storage } from '../../../src/lib/server/storage.js';
import { one, rows, transaction, type Queryable } from './pool.js';

const bytes = (data: Buffer) => new Uint8Array(data.buffer, data.byteOffset, data.byteLength);

// One statement: the UPDATE waits for any other append to this board and then reads its
// committed head, so the numbers below it are ours alone.
const APPEND = `
	WITH head AS (
		UPDATE board_heads SET last_seq = last_seq + cardinality($2::bytea[]) WHERE board_id = $1 RETURNING last_seq
	)
	INSERT INTO board_updates (board_id, seq, data, user_id, at)
	SELECT $1, head.last_seq - cardinality($2::bytea[]) + u.n, u.data, u.user_id, u.at
	FROM head, unnest($2::bytea[], $3::text[], $4::bigint[]) WITH ORDINALITY AS u(data, user_id, at, n)
	RETURNING seq`;

async function appendToBoard(db: Queryable, boardId: string, entries: DocUpdateEntry[]): Promise<number[]> {
	// Named, so each connection plans it once: it runs for every batch a room stores.
	const result = await db.query<{ seq: number }>({
		name: 'append-board-updates',
		text: APPEND,
		values: [
			boardId,
			entries.map((entry) => Buffer.from(entry.data.buffer, entry.data.byteOffset, entry.data.byteLength)),
			entries.map((entry) => entry.userId),
			entries.map((entry) => entry.at)
		]
	});
	if (result.rows.length !== entries.length) throw new Error(`board ${boardId} does not exist`);
	return result.rows.map((row) => row.seq).sort((a, b) => a - b);
}

export function postgresDocs(pool: pg.Pool): Storage['docs'] {
	return {
		async append(entries) {
			if (!entries.length) return [];
			const byBoard = new Map<string, DocUpdateEntry[]>();
			for (const entry of entries) {
				let list = byBoard.get(entry.boardId);
				if (!list) byBoard.set(entry.boardId, (list = []));
				list.push(entry);
			}
			// One board (what a room writes) is one statement, so one round trip; several are one transaction.
			const seqs =
				byBoard.size === 1
					? new Map([[entries[0].boardId, await appendToBoard(pool, entries[0].boardId, entries)]])
					: await transaction(pool, async (db) => {
							const found = new Map<string, number[]>();
							for (const boardId of [...byBoard.keys()].sort()) found.set(boardId, await appendToBoard(db, boardId, byBoard.get(boardId)!));
							return found;
						});
			const next = new Map<string, number>();
			return entries.map((entry) => {
				const index = next.get(entry.boardId) ?? 0;
				next.set(entry.boardId, index + 1);
				return seqs.get(entry.boardId)![index];
			});
		},
		async load(boardId) {
			// One snapshot of the database for all three reads, so they agree with each other.
			const client = await pool.connect();
			let broken = false;
			try {
				await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
				const snap = await one<{ upto_seq: number; data: Buffer }>(client, 'SELECT upto_seq, data FROM board_snapshots WHERE board_id = $1', [boardId]);
				const snapshotSeq = snap?.upto_seq ?? 0;
				const updates = await rows<{ data: Buffer }>(client, 'SELECT data FROM board_updates WHERE board_id = $1 AND seq > $2 ORDER BY seq', [
					boardId,
					snapshotSeq
				]);
				const last = await one<{ seq: number | null }>(client, 'SELECT MAX(seq) AS seq FROM board_updates WHERE board_id = $1', [boardId]);
				await client.query('COMMIT');
				return {
					snapshot: snap ? bytes(snap.data) : null,
					snapshotSeq,
					updates: updates.map((row) => bytes(row.data)),
					lastSeq: last?.seq ?? 0
				};
			} catch (error) {
				broken = await client.query('ROLLBACK').then(
					() => false,
					() => true
				);
				throw error;
			} finally {
				client.release(broken);
			}
		},
		async saveSnapshot(boardId, uptoSeq, data, at) {
			// Two instances compacting at once: the newer state wins, whichever commits last.
			await pool.query(
				`INSERT INTO board_snapshots (board_id, upto_seq, data, at) VALUES ($1, $2, $3, $4)
				 ON CONFLICT (board_id) DO UPDATE SET upto_seq = excluded.upto_seq, data = excluded.data, at = excluded.at
				 WHERE excluded.upto_seq > board_snapshots.upto_seq`,
				[boardId, uptoSeq, Buffer.from(data), at]
			);
		}
	};
}

export function postgresVersions(pool: pg.Pool): Storage['versions'] {
	return {
		async update(boardId, seq) {
			const row = await one<{ seq: number; user_id: string | null; at: number }>(
				pool,
				'SELECT seq, user_id, at FROM board_updates WHERE board_id = $1 AND seq = $2',
				[boardId, seq]
			);
			return row ? { seq: row.seq, userId: row.user_id, at: row.at } : null;
		},
		async lastSeq(boardId) {
			return (await one<{ seq: number | null }>(pool, 'SELECT MAX(seq) AS seq FROM board_updates WHERE board_id = $1', [boardId]))?.seq ?? 0;
		},
		async readFor(boardId, seq) {
			// Checkpoints and updates are never changed once written, so two reads agree.
			const checkpoint = await one<{ seq: number; data: Buffer }>(
				pool,
				'SELECT seq, data FROM board_checkpoints WHERE board_id = $1 AND seq <= $2 ORDER BY seq DESC LIMIT 1',
				[boardId, seq]
			);
			const updates = await rows<{ seq: number; data: Buffer }>(
				pool,
				'SELECT seq, data FROM board_updates WHERE board_id = $1 AND seq > $2 AND seq <= $3 ORDER BY seq',
				[boardId, checkpoint?.seq ?? 0, seq]
			);
			return {
				checkpoint: checkpoint ? { seq: checkpoint.seq, data: bytes(checkpoint.data) } : null,
				updates: updates.map((row) => ({ seq: row.seq, data: bytes(row.data) }))
			};
		},
		async saveCheckpoint(boardId, seq, data, at) {
			await pool.query('INSERT INTO board_checkpoints (board_id, seq, data, at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING', [
				boardId,
				seq,
				Buffer.from(data),
				at
			]);
		}
	};
}
