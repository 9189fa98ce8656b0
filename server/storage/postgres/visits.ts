/** Members' visits to plans in PostgreSQL; the rules of what makes one visit are in src/lib/server/visits.ts. */
import type pg from 'pg';
import type { Role } from '../../../src/lib/roles.js';
import type { Storage, VisitRecord } from '../../../src/lib/server/storage.js';
import { continuesVisit, previousVisitEnd, type VisitSpan } from '../../../src/lib/server/visits.js';
import { lockKeys, one, rows, transaction, type Queryable } from './pool.js';

interface SpanRow {
	id: number;
	started_at: number;
	last_seen_at: number;
}

export interface VisitRow extends SpanRow {
	board_id: string;
	user_id: string;
	user_name: string;
	role: Role | null;
}

export const toVisit = (row: VisitRow): VisitRecord => ({
	id: row.id,
	boardId: row.board_id,
	userId: row.user_id,
	userName: row.user_name,
	role: row.role,
	startedAt: row.started_at,
	lastSeenAt: row.last_seen_at
});

const span = (row: SpanRow): VisitSpan => ({ startedAt: row.started_at, lastSeenAt: row.last_seen_at });

/** Larger than any stored time or id: the cursor of the first page. */
export const END = Number.MAX_SAFE_INTEGER;

const newest = (db: Queryable, board: string, user: string, limit: number) =>
	rows<SpanRow>(
		db,
		`SELECT id, started_at, last_seen_at FROM visits WHERE board_id = $1 AND user_id = $2
		 ORDER BY last_seen_at DESC, id DESC LIMIT $3`,
		[board, user, limit]
	);

export function postgresVisits(pool: pg.Pool): Storage['visits'] {
	return {
		async touch(boardId, userId, now) {
			// One lock per member and plan, on every instance: two tabs opening at once make one visit.
			return transaction(pool, async (db) => {
				await lockKeys(db, [`visit:${boardId}:${userId}`]);
				const [latest] = await newest(db, boardId, userId, 1);
				if (latest && continuesVisit(span(latest), now)) {
					await db.query('UPDATE visits SET last_seen_at = GREATEST(last_seen_at, $1) WHERE id = $2', [now, latest.id]);
					return { visitId: latest.id, isNew: false };
				}
				const row = await one<{ id: number }>(
					db,
					`INSERT INTO visits (board_id, user_id, role, started_at, last_seen_at)
					 VALUES ($1, $2, (SELECT role FROM memberships WHERE board_id = $1 AND user_id = $2), $3, $3) RETURNING id`,
					[boardId, userId, now]
				);
				return { visitId: row!.id, isNew: true };
			});
		},
		async previousVisitEnd(boardId, userId, now) {
			return previousVisitEnd((await newest(pool, boardId, userId, 2)).map(span), now);
		},
		async lastVisits(userId) {
			const found = await rows<{ board_id: string; started_at: number; last_seen_at: number }>(
				pool,
				`SELECT DISTINCT ON (board_id) board_id, started_at, last_seen_at FROM visits
				 WHERE user_id = $1 ORDER BY board_id, last_seen_at DESC, id DESC`,
				[userId]
			);
			return found.map((row) => ({ boardId: row.board_id, startedAt: row.started_at, lastSeenAt: row.last_seen_at }));
		},
		async listForBoard(boardId, { limit, before }) {
			const found = await rows<VisitRow>(
				pool,
				`SELECT v.*, u.name AS user_name FROM visits v JOIN users u ON u.id = v.user_id
				 WHERE v.board_id = $1 AND (v.started_at, v.id) < ($2, $3)
				 ORDER BY v.started_at DESC, v.id DESC LIMIT $4`,
				[boardId, before?.at ?? END, before?.id ?? END, limit]
			);
			return found.map(toVisit);
		}
	};
}
