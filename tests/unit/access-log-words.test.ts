import { describe, expect, it } from 'vitest';
import { describeAccessEntry, formatCursor, parseCursor } from '../../src/lib/server/access-log.js';
import type { AccessLogEntry, AuditAction, AuditEntry } from '../../src/lib/server/storage.js';

const T = 1_800_000_000_000;
const visit = (userId: string, role: 'clinician' | null, lastSeenAt = T + 25 * 60_000): AccessLogEntry => ({
	kind: 'visit',
	id: 7,
	at: T,
	visit: { id: 7, boardId: 'b', userId, userName: 'Li Chen', role, startedAt: T, lastSeenAt }
});
const event = (action: AuditAction, detail: AuditEntry['detail'] = {}, actorId = 'li'): AccessLogEntry => ({
	kind: 'event',
	id: 3,
	at: T,
	action,
	actorId,
	actorName: 'Li Chen',
	subjectName: 'Robin Lee',
	invitationLabel: 'Robin',
	detail
});
const words = (entry: AccessLogEntry, viewer = 'sam') => describeAccessEntry(entry, viewer).words;

describe('the access log in words', () => {
	it('a visit names who and their role, and how long it lasted; my own visits are "you"', () => {
		expect(describeAccessEntry(visit('li', 'clinician'), 'sam')).toEqual({
			key: 'visit-7',
			kind: 'visit',
			words: 'Li Chen (Clinician) looked at the plan',
			at: T,
			lasted: 25 * 60_000
		});
		expect(words(visit('sam', 'clinician'))).toBe('You looked at the plan');
		expect(words(visit('li', null))).toBe('Li Chen looked at the plan');
	});

	it('says each membership event plainly, with who did it', () => {
		expect(words(event('board.created'))).toBe('Li Chen started this plan');
		expect(words(event('invitation.created', { role: 'supporter' }))).toBe('Li Chen invited “Robin” to join as a supporter');
		expect(words(event('invitation.created', { role: 'person' }), 'li')).toBe('You invited “Robin” to join as the person whose plan it is');
		expect(words(event('invitation.accepted', { role: 'peer_advocate' }))).toBe('Li Chen joined the plan as a peer advocate');
		expect(words(event('invitation.withdrawn', { role: 'clinician' }))).toBe('Li Chen took back the invitation for “Robin”');
		expect(words(event('member.role_changed', { from: 'supporter', to: 'clinician' }))).toBe('Li Chen changed Robin Lee from a supporter to a clinician');
		expect(words(event('member.removed', { role: 'supporter' }))).toBe('Li Chen took Robin Lee off the plan');
		expect(words(event('plan.exported'))).toBe('Li Chen saved a copy of the plan');
		expect(words(event('plan.printed', { format: 'print' }))).toBe('Li Chen opened the plan to print it or save it as a PDF');
	});

	it('says which copy was downloaded', () => {
		expect(words(event('plan.exported', { format: 'fhir' }))).toBe("Li Chen downloaded the plan for another service's computer system (FHIR)");
		expect(words(event('plan.exported', { format: 'data' }), 'li')).toBe("You downloaded all of the plan's data");
	});
});

describe('the page cursor', () => {
	it('reads back what it wrote', () => {
		const cursor = { at: T, kind: 'event' as const, id: 42 };
		expect(parseCursor(formatCursor(cursor))).toEqual({ ok: true, cursor });
		expect(parseCursor(null)).toEqual({ ok: true, cursor: undefined });
	});

	it('refuses anything else', () => {
		for (const bad of ['', 'abc', '-1-visit-1', '1-visit', '1-board-1', '1.5-event-2', '99999999999999999999-visit-1', '1-visit-1-2', ' 1-visit-1']) {
			expect(parseCursor(bad), bad).toEqual({ ok: false });
		}
	});
});
