/**
 * A visit that cannot be recorded (another process holds SQLite's write lock) does not stop
 * anyone reading their plan; the failure is logged, and visits are recorded again once
 * storage can write.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { count, openDatabase } from '../helpers/database.js';
import { planWithEveryRole, type PlanWithEveryone } from '../helpers/plans.js';
import { startServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
let plan: PlanWithEveryone;
beforeAll(async () => {
	server = await startServer({ SQLITE_BUSY_TIMEOUT_MS: '50' });
	plan = await planWithEveryRole(server.url);
});
afterAll(async () => server?.stop());

it('the plan opens while storage cannot write, and the missed visit is logged', async () => {
	const visits = () => count(server.dataDir, 'SELECT COUNT(*) AS n FROM visits WHERE board_id = ?', plan.boardId);
	const locker = openDatabase(server.dataDir);
	locker.prepare('BEGIN IMMEDIATE').run();
	try {
		const answer = await plan.clients.supporter.get(`/boards/${plan.boardId}`);
		expect(answer.status).toBe(200);
		expect(server.output()).toContain('Recording a visit failed');
	} finally {
		locker.prepare('ROLLBACK').run();
		locker.close();
	}
	expect(visits()).toBe(0);
	expect((await plan.clients.supporter.get(`/boards/${plan.boardId}`)).status).toBe(200);
	expect(visits()).toBe(1);
});
