/**
 * An audited change and its audit row are one SQLite transaction: when the audit row cannot be
 * written, the change is not made either. The fault is real: a trigger installed on the
 * server's own database file refuses every new audit row.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server.js';
import { Client, GOOD_PASSWORD, signedUp, uniqueEmail } from '../helpers/http-client.js';
import { accept, invite, startPlanForMe } from '../helpers/plans.js';
import { count, openDatabase, userId } from '../helpers/database.js';

let server: TestServer;
beforeAll(async () => {
	server = await startServer();
});
afterAll(async () => server?.stop());

function auditFails(on: boolean): void {
	const db = openDatabase(server.dataDir);
	try {
		db.exec(
			on
				? "CREATE TRIGGER audit_fails BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'audit log unavailable'); END"
				: 'DROP TRIGGER audit_fails'
		);
	} finally {
		db.close();
	}
}

const n = (sql: string, ...params: unknown[]) => count(server.dataDir, sql, ...params);

describe('a change whose audit row cannot be written', () => {
	it('is not made: sign-up, sign-in, new plan, invitation, accepting, withdrawing, role change, removal', async () => {
		// Everything the changes need, made while the audit log works.
		const owner = await signedUp(server.url, 'Olive Owner');
		const boardId = await startPlanForMe(owner.client);
		const people = `/boards/${boardId}/people`;
		const member = await signedUp(server.url, 'Mo Member');
		await accept(member.client, await invite(owner.client, boardId, 'clinician', 'Mo'));
		const memberId = userId(server.dataDir, member.email);
		const pendingToken = await invite(owner.client, boardId, 'supporter', 'Pending');
		const pendingId = (await owner.client.get(people)).text.match(/name="invitation" value="([a-z2-7]+)"/)![1];
		const joiner = await signedUp(server.url, 'Jo Joiner');
		const auditRows = n('SELECT COUNT(*) AS n FROM audit_log');

		auditFails(true);
		try {
			const email = uniqueEmail('Nobody');
			expect((await new Client(server.url).post('/signup', { name: 'Nobody', email, password: GOOD_PASSWORD })).status).toBe(500);
			expect(n('SELECT COUNT(*) AS n FROM users WHERE email = ?', email), 'account').toBe(0);

			const sessions = n('SELECT COUNT(*) AS n FROM sessions');
			const signIn = await new Client(server.url).post('/login', { email: owner.email, password: GOOD_PASSWORD });
			expect(signIn.status).toBe(500);
			expect(signIn.headers.get('set-cookie') ?? '').not.toContain('wm_session');
			expect(n('SELECT COUNT(*) AS n FROM sessions'), 'session').toBe(sessions);

			const boards = n('SELECT COUNT(*) AS n FROM boards');
			expect((await owner.client.post('/boards/new', { planFor: 'me' })).status).toBe(500);
			expect(n('SELECT COUNT(*) AS n FROM boards'), 'board').toBe(boards);
			expect(n('SELECT COUNT(*) AS n FROM memberships WHERE user_id = ?', userId(server.dataDir, owner.email)), 'membership').toBe(1);

			const invitations = n('SELECT COUNT(*) AS n FROM invitations');
			expect((await owner.client.post(`${people}?/invite`, { role: 'supporter', label: 'Never' })).status).toBe(500);
			expect(n('SELECT COUNT(*) AS n FROM invitations'), 'invitation').toBe(invitations);

			expect((await joiner.client.post(`/invite/${pendingToken}`, {})).status).toBe(500);
			expect(n('SELECT COUNT(*) AS n FROM memberships WHERE board_id = ?', boardId), 'accepted member').toBe(2);
			expect(n('SELECT COUNT(*) AS n FROM invitations WHERE id = ? AND accepted_at IS NULL', pendingId), 'still pending').toBe(1);

			expect((await owner.client.post(`${people}?/withdraw`, { invitation: pendingId })).status).toBe(500);
			expect(n('SELECT COUNT(*) AS n FROM invitations WHERE id = ? AND withdrawn_at IS NULL', pendingId), 'not withdrawn').toBe(1);

			expect((await owner.client.post(`${people}?/role`, { member: memberId, role: 'supporter' })).status).toBe(500);
			expect(n("SELECT COUNT(*) AS n FROM memberships WHERE user_id = ? AND role = 'clinician'", memberId), 'role kept').toBe(1);

			expect((await owner.client.post(`${people}?/remove`, { member: memberId })).status).toBe(500);
			expect(n('SELECT COUNT(*) AS n FROM memberships WHERE user_id = ?', memberId), 'not removed').toBe(1);
		} finally {
			auditFails(false);
		}
		expect(n('SELECT COUNT(*) AS n FROM audit_log')).toBe(auditRows);

		// With the audit log back, the same changes go through, each with its row.
		expect((await owner.client.post(`${people}?/remove`, { member: memberId })).status).toBe(303);
		expect(n("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'member.removed' AND board_id = ?", boardId)).toBe(1);
	});
});
