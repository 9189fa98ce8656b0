/**
 * Two processes on one database: a member removed through one loses the plan's room on the
 * other at the next membership check (SYNC_SESSION_RECHECK_MS), though no event reaches it.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { RealtimeError } from '../../src/lib/protocol/realtime-events.js';
import { userId } from '../helpers/database.js';
import { planWithEveryRole, type PlanWithEveryone } from '../helpers/plans.js';
import { connectRealtime, connected } from '../helpers/realtime-client.js';
import { startServer, tempDir, type TestServer } from '../helpers/server.js';
import { eventually } from '../helpers/sync-client.js';

let first: TestServer;
let second: TestServer;
let plan: PlanWithEveryone;

beforeAll(async () => {
	const DATA_DIR = tempDir();
	first = await startServer({ DATA_DIR, SYNC_SESSION_RECHECK_MS: '500' });
	second = await startServer({ DATA_DIR, SYNC_SESSION_RECHECK_MS: '500' });
	plan = await planWithEveryRole(first.url);
});
afterAll(async () => {
	await second?.stop();
	await first?.stop();
});

it('a member removed on one instance leaves the plan’s room on the other within the recheck', async () => {
	const advocate = connectRealtime(second.url, plan.clients.peer_advocate);
	const clinician = connectRealtime(second.url, plan.clients.clinician);
	await Promise.all([connected(advocate), connected(clinician)]);
	for (const s of [advocate, clinician]) expect(await s.ask('plan:open', { boardId: plan.boardId })).toEqual({ ok: true });
	const asked = await clinician.ask('follow:ask', { boardId: plan.boardId });
	expect(await advocate.ask('follow:answer', { boardId: plan.boardId, requestId: asked.requestId, follow: true })).toEqual({ ok: true, at: null });

	const advocateId = userId(first.dataDir, plan.emails.peer_advocate);
	expect((await plan.clients.person.post(`/boards/${plan.boardId}/people?/remove`, { member: advocateId })).status).toBe(303);
	await eventually(() => advocate.of('plan:removed').length === 1, 'removed on the other instance', 5_000);
	expect(await clinician.ask('present:at', { boardId: plan.boardId, section: 'goals', itemId: null })).toEqual({ ok: true });
	expect(await advocate.ask('follow:stop', { boardId: plan.boardId })).toEqual({ ok: true });
	expect(await advocate.ask('follow:ask', { boardId: plan.boardId })).toEqual({ ok: false, error: RealtimeError.NotOpen });
	expect(advocate.of('follow:moved')).toEqual([]);
	advocate.close();
	clinician.close();
});
