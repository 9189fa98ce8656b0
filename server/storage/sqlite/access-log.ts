/**
 * The person's access log in SQLite: visits and the plan's audited membership, export and
 * print events, merged newest first by one query, so paging needs only the last row shown.
 */
import type Database from 'better-sqlite3';
import type { AccessLogEntry, AuditAction, Storage } from '../../../src/lib/server/storage.js';
import { ACCESS_LOG_ACTIONS } from '../../../src/lib/server/access-log.js';
import { END, toVisit, type VisitRow } from './visits.js';

interface LogRow extends Omit<VisitRow, 'user_name'> {
	kind: 'visit' | 'event';
	at: number;
	actor_name: string | null;
	action: AuditAction | null;
	detail: string | null;
	subject_name: string | null;
	invitation_label: string | null;
}

function toEntry(row: LogRow): AccessLogEntry {
	if (row.kind === 'visit') return { kind: 'visit', id: row.id, at: row.at, visit: toVisit({ ...row, user_name: row.actor_name ?? '' }) };
	return {
		kind: 'event',
		id: row.id,
		at: row.at,
		action: row.action as AuditAction,
		actorId: row.user_id,
		actorName: row.actor_name,
		subjectName: row.subject_name,
		invitationLabel: row.invitation_label,
		detail: JSON.parse(row.detail ?? '{}')
	};
}

export function sqliteAccessLog(db: Database.Database): Storage['accessLog'] {
	const actions = ACCESS_LOG_ACTIONS.map((action) => `'${action}'`).join(', ');
	// Each arm takes its own newest rows through its index; the outer query merges the two.
	const list = db.prepare<{ board: string; visitAt: number; visitId: number; eventAt: number; eventId: number; limit: number }, LogRow>(
		`SELECT * FROM (
			SELECT * FROM (
				SELECT 'visit' AS kind, v.id, v.started_at AS at, v.board_id, v.user_id, u.name AS actor_name, v.role,
					v.started_at, v.last_seen_at, NULL AS action, NULL AS detail, NULL AS subject_name, NULL AS invitation_label
				FROM visits v JOIN users u ON u.id = v.user_id
				WHERE v.board_id = @board AND (v.started_at, v.id) < (@visitAt, @visitId)
				ORDER BY v.started_at DESC, v.id DESC LIMIT @limit)
			UNION ALL
			SELECT * FROM (
				SELECT 'event', a.id, a.at, a.board_id, a.actor_id, actor.name, NULL, NULL, NULL, a.action, a.detail, subject.name, i.label
				FROM audit_log a
				LEFT JOIN users actor ON actor.id = a.actor_id
				LEFT JOIN users subject ON subject.id = json_extract(a.detail, '$.member')
				LEFT JOIN invitations i ON i.id = json_extract(a.detail, '$.invitation')
				WHERE a.board_id = @board AND a.action IN (${actions}) AND (a.at, a.id) < (@eventAt, @eventId)
				ORDER BY a.at DESC, a.id DESC LIMIT @limit)
		) ORDER BY at DESC, kind DESC, id DESC LIMIT @limit`
	);
	return {
		async list(boardId, { limit, before }) {
			// The log's order is (at, kind, id) with 'visit' after 'event': at the same moment, a
			// cursor on a visit still has every event of that moment to come, and one on an event
			// has no visit of that moment left.
			const { at, kind, id } = before ?? { at: END, kind: 'visit', id: END };
			const visitId = kind === 'visit' ? id : 0;
			const eventId = kind === 'event' ? id : END;
			return list.all({ board: boardId, visitAt: at, visitId, eventAt: at, eventId, limit }).map(toEntry);
		}
	};
}
