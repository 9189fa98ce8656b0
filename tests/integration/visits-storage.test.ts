/** The visits and access-log storage, on every kind of storage. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditAction, AuditEntry, Storage } from '../../src/lib/server/storage.js';
import { VISIT_GAP_MS } from '../../src/lib/server/visits.js';
import { newTestStore, STORAGE_KINDS, type TestStore } from '../helpers/stores.js';

const NOW = 1_800_000_000_000;
const MIN = 60_000;
const user = (id: string) => ({ id, email: `${id}@example.com`, name: `User ${id}`, passwordHash: 'hash', createdAt: NOW });
const entry = (action: AuditAction, at = NOW, detail: AuditEntry['detail'] = {}): AuditEntry => ({ at, actorId: 'u1', boardId: 'b1', action, detail });

for (const kind of STORAGE_KINDS) describe(`visits storage: ${kind}`, () => {
	let storage: Storage;
	let dir: TestStore;
	beforeEach(async () => {
		dir = await newTestStore(kind);
		storage = await dir.open();
		for (const id of ['u1', 'u2']) await storage.users.create(user(id));
		await storage.boards.create({ id: 'b1', personName: 'Sam', ownerId: 'u1', createdBy: 'u1', createdAt: NOW }, 'person', entry('board.created'));
		await storage.boards.create({ id: 'b2', personName: 'Kim', ownerId: null, createdBy: 'u2', createdAt: NOW }, 'clinician', { ...entry('board.created'), boardId: 'b2' });
	});
	afterEach(async () => storage.close());

	it('many touches within the gap are one visit; a long silence starts another', async () => {
		const first = await storage.visits.touch('b1', 'u1', NOW);
		expect(first.isNew).toBe(true);
		for (const later of [1, 5, 20, 45]) {
			expect(await storage.visits.touch('b1', 'u1', NOW + later * MIN)).toEqual({ visitId: first.visitId, isNew: false });
		}
		const second = await storage.visits.touch('b1', 'u1', NOW + 45 * MIN + VISIT_GAP_MS + 1);
		expect(second.isNew).toBe(true);
		const visits = await storage.visits.listForBoard('b1', { limit: 10 });
		expect(visits.map((v) => [v.id, v.startedAt, v.lastSeenAt, v.role, v.userName])).toEqual([
			[second.visitId, NOW + 45 * MIN + VISIT_GAP_MS + 1, NOW + 45 * MIN + VISIT_GAP_MS + 1, 'person', 'User u1'],
			[first.visitId, NOW, NOW + 45 * MIN, 'person', 'User u1']
		]);
	});

	it('touches at once from two tabs make one visit', async () => {
		const results = await Promise.all([1, 2, 3, 4].map((n) => storage.visits.touch('b1', 'u1', NOW + n)));
		expect(new Set(results.map((r) => r.visitId)).size).toBe(1);
		expect(results.filter((r) => r.isNew)).toHaveLength(1);
	});

	it('keeps visits apart per member and per plan', async () => {
		const a = await storage.visits.touch('b1', 'u1', NOW);
		const b = await storage.visits.touch('b2', 'u1', NOW);
		const c = await storage.visits.touch('b2', 'u2', NOW);
		expect(new Set([a.visitId, b.visitId, c.visitId]).size).toBe(3);
		expect((await storage.visits.lastVisits('u1')).map((v) => v.boardId).sort()).toEqual(['b1', 'b2']);
	});

	it('the previous visit end is null at first and stays put during the current visit', async () => {
		expect(await storage.visits.previousVisitEnd('b1', 'u1', NOW)).toBeNull();
		await storage.visits.touch('b1', 'u1', NOW);
		await storage.visits.touch('b1', 'u1', NOW + 10 * MIN);
		expect(await storage.visits.previousVisitEnd('b1', 'u1', NOW + 11 * MIN)).toBeNull();
		const tomorrow = NOW + 24 * 60 * MIN;
		// Asked before the new visit is touched, and after: the same answer.
		expect(await storage.visits.previousVisitEnd('b1', 'u1', tomorrow)).toBe(NOW + 10 * MIN);
		await storage.visits.touch('b1', 'u1', tomorrow);
		await storage.visits.touch('b1', 'u1', tomorrow + 20 * MIN);
		expect(await storage.visits.previousVisitEnd('b1', 'u1', tomorrow + 25 * MIN)).toBe(NOW + 10 * MIN);
		const last = await storage.visits.lastVisits('u1');
		expect(last).toEqual([{ boardId: 'b1', startedAt: tomorrow, lastSeenAt: tomorrow + 20 * MIN }]);
	});

	it('pages visits newest first without repeating or skipping a row with the same start', async () => {
		for (const id of ['u1', 'u2']) await storage.visits.touch('b1', id, NOW);
		await storage.visits.touch('b1', 'u1', NOW + 2 * VISIT_GAP_MS);
		const first = await storage.visits.listForBoard('b1', { limit: 2 });
		const last = first[first.length - 1];
		const rest = await storage.visits.listForBoard('b1', { limit: 2, before: { at: last.startedAt, id: last.id } });
		const all = [...first, ...rest];
		expect(all).toHaveLength(3);
		expect(new Set(all.map((v) => v.id)).size).toBe(3);
		expect(all.map((v) => v.startedAt)).toEqual([NOW + 2 * VISIT_GAP_MS, NOW, NOW]);
	});

	it('the access log merges visits and plan events newest first, and pages through both', async () => {
		await storage.visits.touch('b1', 'u2', NOW + MIN);
		await storage.audit.append(entry('plan.printed', NOW + MIN, { format: 'paper' }));
		await storage.audit.append(entry('session.signed_in', NOW + 2 * MIN));
		await storage.audit.append({ ...entry('plan.exported', NOW + 3 * MIN), boardId: 'b2' });
		await storage.visits.touch('b1', 'u1', NOW + 3 * MIN);
		const all = await storage.accessLog.list('b1', { limit: 50 });
		expect(all.map((e) => (e.kind === 'visit' ? `visit ${e.visit.userId}` : e.action))).toEqual([
			'visit u1',
			'visit u2',
			'plan.printed',
			'board.created'
		]);
		const seen: string[] = [];
		let before;
		for (;;) {
			const page = await storage.accessLog.list('b1', { limit: 1, before });
			if (!page.length) break;
			seen.push(...page.map((e) => `${e.kind}${e.id}`));
			before = { at: page[0].at, kind: page[0].kind, id: page[0].id };
		}
		expect(seen).toEqual(all.map((e) => `${e.kind}${e.id}`));
	});

	it("a removed member's visits stay in the log; they go only with the plan", async () => {
		await storage.visits.touch('b1', 'u2', NOW);
		await storage.members.remove('b1', 'u2', entry('member.removed', NOW + 1, { member: 'u2', role: 'clinician' }));
		const log = await storage.accessLog.list('b1', { limit: 10 });
		expect(log.some((e) => e.kind === 'visit' && e.visit.userId === 'u2')).toBe(true);
		const removed = log.find((e) => e.kind === 'event' && e.action === 'member.removed');
		expect(removed?.kind === 'event' && removed.subjectName).toBe('User u2');
		await storage.close();
		await dir.sql("DELETE FROM boards WHERE id = 'b1'");
		expect(await dir.count("SELECT COUNT(*) AS n FROM visits WHERE board_id = 'b1'")).toBe(0);
		storage = await dir.open();
	});
});
