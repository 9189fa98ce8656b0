/** Members' visits to plans in SQLite; the rules of what makes one visit are in src/lib/server/visits.ts. */
import type Database from 'better-sqlite3';
import type { Role } from '../../../src/lib/roles.js';
import type { Storage, VisitRecord } from '../../../src/lib/server/storage.js';
import { continuesVisit, previousVisitEnd, type VisitSpan } from '../../../src/lib/server/visits.js';

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

export function toVisit(row: VisitRow): VisitRecord {
	return {
		id: row.id,
		boardId: row.board_id,
		userId: row.user_id,
		userName: row.user_name,
		role: row.role,
		startedAt: row.started_at,
		lastSeenAt: row.last_seen_at
	};
}

const span = (row: SpanRow): VisitSpan => ({ startedAt: row.started_at, lastSeenAt: row.last_seen_at });

/** Larger than any stored time or id: the cursor of the first page. */
export const END = Number.MAX_SAFE_INTEGER;

export function sqliteVisits(db: Database.Database): Storage['visits'] {
	const newest = db.prepare<[string, string, number], SpanRow>(
		`SELECT id, started_at, last_seen_at FROM visits WHERE board_id = ? AND user_id = ?
		 ORDER BY last_seen_at DESC, id DESC LIMIT ?`
	);
	const extend = db.prepare('UPDATE visits SET last_seen_at = MAX(last_seen_at, ?) WHERE id = ?');
	const start = db.prepare(
		`INSERT INTO visits (board_id, user_id, role, started_at, last_seen_at)
		 VALUES (@board, @user, (SELECT role FROM memberships WHERE board_id = @board AND user_id = @user), @now, @now)`
	);
	// Read and write under one write lock, so two tabs opening at once make one visit.
	const touch = db.transaction((board: string, user: string, now: number) => {
		const [latest] = newest.all(board, user, 1);
		if (latest && continuesVisit(span(latest), now)) {
			extend.run(now, latest.id);
			return { visitId: latest.id, isNew: false };
		}
		const result = start.run({ board, user, now });
		return { visitId: Number(result.lastInsertRowid), isNew: true };
	});
	const lastVisits = db.prepare<[string], { board_id: string; started_at: number; last_seen_at: number }>(
		`SELECT v.board_id, v.started_at, v.last_seen_at FROM visits v
		 WHERE v.user_id = ? AND v.id = (
			SELECT w.id FROM visits w WHERE w.board_id = v.board_id AND w.user_id = v.user_id
			ORDER BY w.last_seen_at DESC, w.id DESC LIMIT 1)`
	);
	const page = db.prepare<[string, number, number, number], VisitRow>(
		`SELECT v.*, u.name AS user_name FROM visits v JOIN users u ON u.id = v.user_id
		 WHERE v.board_id = ? AND (v.started_at, v.id) < (?, ?)
		 ORDER BY v.started_at DESC, v.id DESC LIMIT ?`
	);
	return {
		async touch(boardId, userId, now) {
			return touch.immediate(boardId, userId, now);
		},
		async previousVisitEnd(boardId, userId, now) {
			return previousVisitEnd(newest.all(boardId, userId, 2).map(span), now);
		},
		async lastVisits(userId) {
			return lastVisits.all(userId).map((row) => ({ boardId: row.board_id, startedAt: row.started_at, lastSeenAt: row.last_seen_at }));
		},
		async listForBoard(boardId, { limit, before }) {
			return page.all(boardId, before?.at ?? END, before?.id ?? END, limit).map(toVisit);
		}
	};
}
