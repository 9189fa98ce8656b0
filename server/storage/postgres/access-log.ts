/**
 * The person's access log in PostgreSQL: visits and the plan's audited membership, export and
 * print events, merged newest first by one query, so paging needs only the last row shown.
 */
import type pg from 'pg';
import type { AccessLogEntry, AuditAction, AuditEntry, Storage } from '../../../src/lib/server/storage.js';
import { ACCESS_LOG_ACTIONS } from '../../../src/lib/server/access-log.js';
import { END, toVisit, type VisitRow } from './visits.js';
import { rows } from './pool.js';

interface LogRow extends Omit<VisitRow, 'user_name'> {
	kind: 'visit' | 'event';
	at: number;
	actor_name: string | null;
	action: AuditAction | null;
	detail: AuditEntry['detail'] | null;
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
		detail: row.detail ?? {}
	};
}

// Each arm takes its own newest rows through its index; the outer query merges the two.
const LIST = `
	SELECT * FROM (
		(SELECT 'visit' AS kind, v.id, v.started_at AS at, v.board_id, v.user_id, u.name AS actor_name, v.role,
			v.started_at, v.last_seen_at, NULL::text AS action, NULL::jsonb AS detail, NULL::text AS subject_name, NULL::text AS invitation_label
		FROM visits v JOIN users u ON u.id = v.user_id
		WHERE v.board_id = $1 AND (v.started_at, v.id) < ($2, $3)
		ORDER BY v.started_at DESC, v.id DESC LIMIT $6)
		UNION ALL
		(SELECT 'event', a.id, a.at, a.board_id, a.actor_id, actor.name, NULL, NULL, NULL, a.action, a.detail, subject.name, i.label
		FROM audit_log a
		LEFT JOIN users actor ON actor.id = a.actor_id
		LEFT JOIN users subject ON subject.id = a.detail->>'member'
		LEFT JOIN invitations i ON i.id = a.detail->>'invitation'
		WHERE a.board_id = $1 AND a.action = ANY($7::text[]) AND (a.at, a.id) < ($4, $5)
		ORDER BY a.at DESC, a.id DESC LIMIT $6)
	) AS log ORDER BY at DESC, kind DESC, id DESC LIMIT $6`;

export function postgresAccessLog(pool: pg.Pool): Storage['accessLog'] {
	return {
		async list(boardId, { limit, before }) {
			// The log's order is (at, kind, id) with 'visit' after 'event': at the same moment, a
			// cursor on a visit still has every event of that moment to come, and one on an event
			// has no visit of that moment left.
			const { at, kind, id } = before ?? { at: END, kind: 'visit', id: END };
			const visitId = kind === 'visit' ? id : 0;
			const eventId = kind === 'event' ? id : END;
			const found = await rows<LogRow>(pool, LIST, [boardId, at, visitId, at, eventId, limit, [...ACCESS_LOG_ACTIONS]]);
			return found.map(toEntry);
		}
	};
}
