/** INVITE_DAYS decides how long a link lasts, and every page that says so uses its value. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server.js';
import { Client, signedUp } from '../helpers/http-client.js';
import { invite, startPlanForMe } from '../helpers/plans.js';
import { openDatabase } from '../helpers/database.js';

let server: TestServer;
beforeAll(async () => {
	server = await startServer({ INVITE_DAYS: '3' });
});
afterAll(async () => server?.stop());

describe('INVITE_DAYS=3', () => {
	it('the people page and an expired link both say 3 days, never 7', async () => {
		const { client } = await signedUp(server.url, 'Dee Days');
		const boardId = await startPlanForMe(client);
		const people = await client.get(`/boards/${boardId}/people`);
		expect(people.text).toContain('It works once and lasts 3 days.');
		expect(people.text).not.toMatch(/7 days/);

		const token = await invite(client, boardId, 'supporter', 'Late');
		const db = openDatabase(server.dataDir);
		try {
			const row = db.prepare<[string], { expires_at: number; created_at: number }>('SELECT expires_at, created_at FROM invitations WHERE board_id = ?').get(boardId)!;
			expect(row.expires_at - row.created_at).toBe(3 * 24 * 60 * 60 * 1000);
			db.prepare('UPDATE invitations SET expires_at = ? WHERE board_id = ?').run(Date.now() - 1000, boardId);
		} finally {
			db.close();
		}
		const expired = await new Client(server.url).get(`/invite/${token}`);
		expect(expired.text).toContain('This invitation has run out');
		expect(expired.text).toContain('Invitation links last 3 days.');
	});
});
