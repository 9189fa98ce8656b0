/**
 * The person's access log: which audited events it shows beside visits, and how a page of
 * it is asked for. Pure, so the rules are tested without a server.
 */
import { isRole, ROLE_SHORT_LABELS, type Role } from '../roles.js';
import type { AccessLogCursor, AccessLogEntry, AuditAction } from './storage.js';
import { visitLength } from './visits.js';

/**
 * Events about the plan the person may want to know of: who was let in, changed or removed,
 * and who printed it or downloaded a copy. Sign-ins are not about the plan.
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
export type AccessLogAction = (typeof ACCESS_LOG_ACTIONS)[number];

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

/** One row of the access log as the page shows it: plain words, and times for the reader's zone. */
export interface AccessLogLine {
	key: string;
	kind: 'visit' | 'event';
	/** "Li Chen (Clinician) looked at the plan", "You invited 'Dr Chen' to join as a clinician". */
	words: string;
	at: number;
	/** For a visit: how long it lasted, in ms. */
	lasted: number | null;
}

const ROLE_WORDS: Record<Role, string> = {
	person: 'the person whose plan it is',
	clinician: 'a clinician',
	peer_advocate: 'a peer advocate',
	supporter: 'a supporter'
};

function roleWords(value: unknown): string {
	return isRole(value) ? ROLE_WORDS[value] : 'a member';
}

/** What a download was, by the `format` its audit row keeps (src/lib/server/export/copy-log.ts). */
const EXPORT_WORDS: Record<string, string> = {
	fhir: "downloaded the plan for another service's computer system (FHIR)",
	data: "downloaded all of the plan's data"
};

/** The words for one entry; `viewerId` is called "you". */
export function describeAccessEntry(entry: AccessLogEntry, viewerId: string): AccessLogLine {
	const key = `${entry.kind}-${entry.id}`;
	if (entry.kind === 'visit') {
		const { visit } = entry;
		const who = visit.userId === viewerId ? 'You' : `${visit.userName}${visit.role ? ` (${ROLE_SHORT_LABELS[visit.role]})` : ''}`;
		return { key, kind: 'visit', words: `${who} looked at the plan`, at: entry.at, lasted: visitLength(visit) };
	}
	const actor = entry.actorId === viewerId ? 'You' : (entry.actorName ?? 'Someone');
	const subject = entry.subjectName ?? 'someone who has left';
	const label = entry.invitationLabel ? `“${entry.invitationLabel}”` : 'someone';
	const d = entry.detail;
	const words: Record<AccessLogAction, string> = {
		'board.created': `${actor} started this plan`,
		'invitation.created': `${actor} invited ${label} to join as ${roleWords(d.role)}`,
		'invitation.accepted': `${actor} joined the plan as ${roleWords(d.role)}`,
		'invitation.withdrawn': `${actor} took back the invitation for ${label}`,
		'member.role_changed': `${actor} changed ${subject} from ${roleWords(d.from)} to ${roleWords(d.to)}`,
		'member.removed': `${actor} took ${subject} off the plan`,
		'plan.exported': `${actor} ${EXPORT_WORDS[String(d.format)] ?? 'saved a copy of the plan'}`,
		'plan.printed': `${actor} opened the plan to print it or save it as a PDF`
	};
	const action = entry.action as AccessLogAction;
	return { key, kind: 'event', words: words[action] ?? `${actor} did something on the plan`, at: entry.at, lasted: null };
}
