/**
 * The person's access log: which audited events it shows beside visits, and how a page of
 * it is asked for. Pure, so the rules are tested without a server.
 */
import type { AccessLogCursor, AuditAction } from './storage.js';

/**
 * Events about the plan the person may want to know of: who was let in, changed or removed,
 * and (once those exist) who exported or printed it. Sign-ins are not about the plan.
 */
export const ACCESS_LOG_ACTIONS = [
	'board.created',
	'invitation.created',
	'invitation.accepted',
	'invitation.withdrawn',
	'member.role_changed',
	'member.removed',
	'plan.exported',
	'plan.printed'
] as const satisfies readonly AuditAction[];

export const ACCESS_LOG_PAGE_SIZE = 25;

/** The `before` query parameter: "<at>-<kind>-<id>", the last row of the page before. */
export function formatCursor(cursor: AccessLogCursor): string {
	return `${cursor.at}-${cursor.kind}-${cursor.id}`;
}

const CURSOR = /^(\d{1,15})-(visit|event)-(\d{1,15})$/;

/** Reads `before`: absent is the first page; anything malformed is null (the page says so). */
export function parseCursor(value: string | null): { ok: true; cursor: AccessLogCursor | undefined } | { ok: false } {
	if (value === null) return { ok: true, cursor: undefined };
	const match = CURSOR.exec(value);
	if (!match) return { ok: false };
	const at = Number(match[1]);
	const id = Number(match[3]);
	if (!Number.isSafeInteger(at) || !Number.isSafeInteger(id)) return { ok: false };
	return { ok: true, cursor: { at, kind: match[2] as AccessLogCursor['kind'], id } };
}
