/**
 * The permission matrix: every page and form action × every role, no session and an expired
 * session, against the real server. Refused writes must leave everything as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server.js';
import { Client, signedUp } from '../helpers/http-client.js';
import { accept, invite, planWithEveryRole, startPlanForMe, type PlanWithEveryone, type Who } from '../helpers/plans.js';
import { count, expireSessions, userId } from '../helpers/database.js';

type Actor = Who | 'none' | 'expired';
const ACTORS: Actor[] = ['person', 'clinician', 'peer_advocate', 'supporter', 'outsider', 'none', 'expired'];
/** What each actor gets: a status, or 'login' for a 303 to the sign-in page. */
type Expected = Record<Actor, number | 'login'>;

let server: TestServer;
let plan: PlanWithEveryone;
const client: Partial<Record<Actor, Client>> = {};

beforeAll(async () => {
	server = await startServer();
	plan = await planWithEveryRole(server.url);
	Object.assign(client, plan.clients);
	client.none = new Client(server.url);
	// A member whose session has run out: they are on the plan, but the cookie no longer works.
	const expired = await signedUp(server.url, 'Eve Expired');
	await accept(expired.client, await invite(plan.clients.person, plan.boardId, 'peer_advocate', 'Eve'));
	expireSessions(server.dataDir, expired.email);
	client.expired = expired.client;
});
afterAll(async () => server?.stop());

function check(answer: { status: number; location: string | null }, expected: number | 'login', label: string) {
	if (expected === 'login') {
		expect(answer.status, label).toBe(303);
		expect(answer.location, label).toMatch(/^\/login\?next=/);
	} else {
		expect(answer.status, label).toBe(expected);
	}
}

const SIGNED_IN_ONLY: Expected = { person: 200, clinician: 200, peer_advocate: 200, supporter: 200, outsider: 200, none: 'login', expired: 'login' };
const MEMBERS: Expected = { person: 200, clinician: 200, peer_advocate: 200, supporter: 200, outsider: 404, none: 'login', expired: 'login' };
const WRITERS: Expected = { person: 200, clinician: 200, peer_advocate: 200, supporter: 403, outsider: 404, none: 'login', expired: 'login' };
const MANAGER: Expected = { person: 303, clinician: 403, peer_advocate: 403, supporter: 403, outsider: 404, none: 'login', expired: 'login' };

describe('pages', () => {
	const pages: [string, (id: string) => string, Expected][] = [
		['my plans', () => '/boards', SIGNED_IN_ONLY],
		['start a plan', () => '/boards/new', SIGNED_IN_ONLY],
		['the board', (id) => `/boards/${id}`, MEMBERS],
		['people on the plan', (id) => `/boards/${id}/people`, WRITERS],
		['every change', (id) => `/boards/${id}/history`, MEMBERS]
	];
	for (const [name, path, expected] of pages) {
		for (const actor of ACTORS) {
			it(`${name}: ${actor} → ${expected[actor]}`, async () => {
				check(await client[actor]!.get(path(plan.boardId)), expected[actor], `${actor} GET ${name}`);
			});
		}
	}

	it('answers 404 for a plan that does not exist, and for a malformed id, without saying more', async () => {
		const missing = await client.person!.get('/boards/aaaaaaaaaaaaaaaaaaaa');
		const malformed = await client.person!.get('/boards/not-a-plan');
		expect(missing.status).toBe(404);
		expect(malformed.status).toBe(404);
		const outsider = await client.outsider!.get(`/boards/${plan.boardId}`);
		// The outsider's page for a real plan reads exactly like the one for a missing plan.
		expect(outsider.text.replace(/\s+/g, ' ')).toContain('We could not find that care plan');
		expect(missing.text.replace(/\s+/g, ' ')).toContain('We could not find that care plan');
		expect(outsider.text).not.toContain('Pat Person');
	});

	it('sends an expired session to sign in with a plain explanation', async () => {
		const fresh = new Client(server.url);
		const account = await signedUp(server.url, 'Short Lived');
		fresh.cookies.set('wm_session', account.client.cookies.get('wm_session')!);
		expireSessions(server.dataDir, account.email);
		const answer = await fresh.get('/boards');
		check(answer, 'login', 'expired session');
		const login = await fresh.get(answer.location!);
		expect(login.text).toContain('You were signed out');
	});
});

describe('people actions', () => {
	const people = () => `/boards/${plan.boardId}/people`;
	const membersNow = () => count(server.dataDir, 'SELECT COUNT(*) AS n FROM memberships WHERE board_id = ?', plan.boardId);
	const invitationsNow = () => count(server.dataDir, 'SELECT COUNT(*) AS n FROM invitations WHERE board_id = ?', plan.boardId);

	for (const actor of ACTORS.filter((a) => a !== 'person')) {
		it(`${actor} cannot invite, withdraw, change roles or remove (${MANAGER[actor]}), and nothing changes`, async () => {
			const before = { members: membersNow(), invitations: invitationsNow() };
			const clinicianId = userId(server.dataDir, plan.emails.clinician);
			const attempts: [string, Record<string, string>][] = [
				['invite', { role: 'clinician', label: 'Sneaky' }],
				['withdraw', { invitation: 'x' }],
				['role', { member: clinicianId, role: 'supporter' }],
				['remove', { member: clinicianId }]
			];
			for (const [action, fields] of attempts) {
				check(await client[actor]!.post(`${people()}?/${action}`, fields), MANAGER[actor], `${actor} ${action}`);
			}
			expect({ members: membersNow(), invitations: invitationsNow() }).toEqual(before);
		});
	}

	it('the person can invite, withdraw, change a role and remove a member', async () => {
		const token = await invite(client.person!, plan.boardId, 'supporter', 'Temporary');
		const pending = await client.person!.get(people());
		const invitationId = pending.text.match(/name="invitation" value="([a-z2-7]+)"/)?.[1];
		expect(invitationId).toBeTruthy();
		check(await client.person!.post(`${people()}?/withdraw`, { invitation: invitationId! }), 303, 'withdraw');
		expect((await new Client(server.url).get(`/invite/${token}`)).text).toContain('This invitation was cancelled');

		const extra = await signedUp(server.url, 'Rita Removable');
		await accept(extra.client, await invite(client.person!, plan.boardId, 'clinician', 'Rita'));
		const ritaId = userId(server.dataDir, extra.email);
		check(await client.person!.post(`${people()}?/role`, { member: ritaId, role: 'supporter' }), 303, 'role');
		expect(count(server.dataDir, "SELECT COUNT(*) AS n FROM memberships WHERE user_id = ? AND role = 'supporter'", ritaId)).toBe(1);
		check(await client.person!.post(`${people()}?/remove`, { member: ritaId }), 303, 'remove');
		check(await extra.client.get(`/boards/${plan.boardId}`), 404, 'removed member');
	});

	it("nobody can change the person's role or remove them, not even the person", async () => {
		const personId = userId(server.dataDir, plan.emails.person);
		check(await client.person!.post(`${people()}?/role`, { member: personId, role: 'clinician' }), 403, 'role of person');
		check(await client.person!.post(`${people()}?/remove`, { member: personId }), 403, 'remove person');
		check(await client.person!.post(`${people()}?/invite`, { role: 'person', label: 'Second person' }), 400, 'second person invite');
		expect(count(server.dataDir, "SELECT COUNT(*) AS n FROM memberships WHERE board_id = ? AND role = 'person'", plan.boardId)).toBe(1);
	});

	it('refuses a role that does not exist, without changing the member', async () => {
		const clinicianId = userId(server.dataDir, plan.emails.clinician);
		const answer = await client.person!.post(`${people()}?/role`, { member: clinicianId, role: 'admin' });
		expect(answer.status).toBe(403);
		expect(count(server.dataDir, "SELECT COUNT(*) AS n FROM memberships WHERE user_id = ? AND role = 'clinician'", clinicianId)).toBe(1);
	});
});

describe('a plan started with someone', () => {
	it('is managed by its creator until the person joins, then by the person alone', async () => {
		const creator = await signedUp(server.url, 'Cass Creator');
		const started = await creator.client.post('/boards/new', { planFor: 'someone', personName: 'Alex', myRole: 'clinician' });
		expect(started.status).toBe(303);
		const boardId = started.location!.match(/\/boards\/([a-z2-7]+)\/people/)![1];
		const personToken = creator.client.cookies.get('wm_new_invite')!;
		creator.client.cookies.delete('wm_new_invite');
		expect(personToken).toMatch(/^[a-z2-7]{32}$/);
		expect((await creator.client.get(`/boards/${boardId}/people`)).status).toBe(200);
		await invite(creator.client, boardId, 'peer_advocate', 'An advocate');

		const alex = await signedUp(server.url, 'Alex Person');
		await accept(alex.client, personToken);
		expect((await alex.client.get('/boards')).text).toContain('My plan');
		check(await creator.client.post(`/boards/${boardId}/people?/invite`, { role: 'supporter', label: 'x' }), 403, 'creator after person joined');
		await invite(alex.client, boardId, 'supporter', 'Family');
		expect(count(server.dataDir, 'SELECT COUNT(*) AS n FROM boards WHERE id = ? AND owner_id = ?', boardId, userId(server.dataDir, alex.email))).toBe(1);
	});

	it('starting a plan needs a session', async () => {
		check(await new Client(server.url).post('/boards/new', { planFor: 'me' }), 'login', 'no session');
		check(await new Client(server.url).post('/invite/abc', {}), 'login', 'accept with no session');
	});
});

describe('audit log', () => {
	it('records sign-in, sign-out, plan, invitation and member changes with who and when', async () => {
		const account = await signedUp(server.url, 'Audit Annie');
		await account.client.post('/logout', {});
		check(await account.client.get('/boards'), 'login', 'after sign-out');
		const login = await account.client.post('/login', { email: account.email, password: 'kettle harbour violet' });
		expect(login.status).toBe(303);
		const annie = userId(server.dataDir, account.email);
		for (const action of ['account.created', 'session.signed_out', 'session.signed_in']) {
			expect(count(server.dataDir, 'SELECT COUNT(*) AS n FROM audit_log WHERE actor_id = ? AND action = ? AND at > 0', annie, action), action).toBe(1);
		}

		// Its own plan, and every change made here: the test must not lean on the ones above.
		const boardId = await startPlanForMe(account.client);
		const people = `/boards/${boardId}/people`;
		await invite(account.client, boardId, 'supporter', 'Withdrawn soon');
		const invitationId = (await account.client.get(people)).text.match(/name="invitation" value="([a-z2-7]+)"/)?.[1];
		check(await account.client.post(`${people}?/withdraw`, { invitation: invitationId! }), 303, 'withdraw');
		const member = await signedUp(server.url, 'Audit Member');
		await accept(member.client, await invite(account.client, boardId, 'clinician', 'Member'));
		const memberId = userId(server.dataDir, member.email);
		check(await account.client.post(`${people}?/role`, { member: memberId, role: 'supporter' }), 303, 'role');
		check(await account.client.post(`${people}?/remove`, { member: memberId }), 303, 'remove');
		for (const action of ['board.created', 'invitation.created', 'invitation.accepted', 'invitation.withdrawn', 'member.role_changed', 'member.removed']) {
			expect(count(server.dataDir, 'SELECT COUNT(*) AS n FROM audit_log WHERE board_id = ? AND action = ? AND at > 0', boardId, action), action).toBeGreaterThan(0);
		}
	});
});
