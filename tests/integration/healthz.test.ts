/**
 * /healthz proves storage can write, not just that it is open. The fault is real: another
 * process holds SQLite's write lock, so every write fails as sign-in's would.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../helpers/database.js';
import { startServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
beforeAll(async () => {
	server = await startServer({ SQLITE_BUSY_TIMEOUT_MS: '50' });
});
afterAll(async () => server?.stop());

// The server reuses one probe for a second, so each check below waits that long first.
const health = async () => {
	await new Promise((resolve) => setTimeout(resolve, 1_100));
	const response = await fetch(`${server.url}/healthz`);
	return { status: response.status, body: await response.json(), cache: response.headers.get('cache-control') };
};

describe('/healthz', () => {
	it('answers 200 when storage writes, 503 with a reason while it cannot, and 200 once it can again', async () => {
		expect(await health()).toEqual({ status: 200, body: { status: 'ok' }, cache: 'no-store' });

		const locker = openDatabase(server.dataDir);
		locker.prepare('BEGIN EXCLUSIVE').run();
		try {
			const refused = await health();
			expect(refused.status).toBe(503);
			expect(refused.body.status).toBe('unavailable');
			// The reason says what, not the storage's own words; those go to the operator's log.
			expect(refused.body.reason).toBe('storage cannot write');
			expect(server.output()).toMatch(/"level":"error".*Health check: storage cannot write.*database is locked/);
		} finally {
			locker.prepare('ROLLBACK').run();
			locker.close();
		}
		expect((await health()).status).toBe(200);
	});

	it('writes for real: the health row records the time of the last check', async () => {
		const before = Date.now();
		expect((await health()).status).toBe(200);
		const db = openDatabase(server.dataDir);
		try {
			const row = db.prepare<[], { checked_at: number }>('SELECT checked_at FROM health WHERE id = 1').get();
			expect(row!.checked_at).toBeGreaterThanOrEqual(before);
		} finally {
			db.close();
		}
	});
});
