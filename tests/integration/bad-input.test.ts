/**
 * Bad input gets a clear answer, keeps what was typed (passwords aside), changes nothing it
 * should not, and never makes the server answer 500.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server.js';
import { Client, GOOD_PASSWORD, signedUp, uniqueEmail } from '../helpers/http-client.js';
import { count } from '../helpers/database.js';
import { startPlanForMe, invite } from '../helpers/plans.js';

let server: TestServer;
beforeAll(async () => {
	server = await startServer();
});
afterAll(async () => server?.stop());

const users = () => count(server.dataDir, 'SELECT COUNT(*) AS n FROM users');
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#39;|&apos;/g, "'").replace(/\s+/g, ' ');

describe('sign-up', () => {
	it('an empty form names every missing field and creates nobody', async () => {
		const before = users();
		const answer = await new Client(server.url).post('/signup', {});
		expect(answer.status).toBe(400);
		expect(text(answer.text)).toContain('There is a problem');
		expect(text(answer.text)).toContain('Enter your name.');
		expect(text(answer.text)).toContain('Enter your email address.');
		expect(text(answer.text)).toContain('Your password needs at least 8 characters.');
		expect(users()).toBe(before);
	});

	it('a 10,000-character name is refused plainly, and not echoed back whole', async () => {
		const email = uniqueEmail('long');
		const answer = await new Client(server.url).post('/signup', { name: 'N'.repeat(10_000), email, password: GOOD_PASSWORD });
		expect(answer.status).toBe(400);
		expect(text(answer.text)).toContain('Your name can have up to 100 characters.');
		expect(answer.text).toContain(`value="${email}"`);
		expect(answer.text).not.toContain('N'.repeat(301));
	});

	it('keeps what was typed, but never the password', async () => {
		const answer = await new Client(server.url).post('/signup', { name: 'Kim', email: 'not-an-email', password: 'Secret-Horse-77' });
		expect(answer.status).toBe(400);
		expect(text(answer.text)).toContain('Enter an email address like name@example.com.');
		expect(answer.text).toContain('value="Kim"');
		expect(answer.text).toContain('value="not-an-email"');
		expect(answer.text).not.toContain('Secret-Horse-77');
	});

	it.each([
		['password123', 'harder to guess'],
		['qwertyuiop', 'harder to guess'],
		['aaaaaaaa', 'Choose a password that is harder to guess: try three or four random words.'],
		['whatmatters', 'Choose a password that is harder to guess: try three or four random words.'],
		['short', 'at least 8 characters'],
		['x'.repeat(300), 'up to 256 characters']
	])('refuses the password %s', async (password, message) => {
		const answer = await new Client(server.url).post('/signup', { name: 'Kim', email: uniqueEmail('pw'), password });
		expect(answer.status).toBe(400);
		expect(text(answer.text)).toContain(message);
	});

	it('refuses a duplicate email, whatever its case, and keeps the first account', async () => {
		const first = await signedUp(server.url, 'First');
		const before = users();
		const answer = await new Client(server.url).post('/signup', { name: 'Second', email: first.email.toUpperCase(), password: GOOD_PASSWORD });
		expect(answer.status).toBe(400);
		expect(text(answer.text)).toContain('There is already an account with this email address');
		expect(users()).toBe(before);
		expect((await new Client(server.url).post('/login', { email: first.email, password: GOOD_PASSWORD })).status).toBe(303);
	});

	it('refuses control characters in a name', async () => {
		const answer = await new Client(server.url).post('/signup', { name: 'Kim\u0000\u0007', email: uniqueEmail('ctl'), password: GOOD_PASSWORD });
		expect(answer.status).toBe(400);
		expect(text(answer.text)).toContain('can only have letters, numbers, spaces and punctuation');
	});

	it('ignores a `next` that points at another site', async () => {
		const answer = await new Client(server.url).post('/signup', { name: 'Nia', email: uniqueEmail('next'), password: GOOD_PASSWORD, next: '//evil.example/x' });
		expect(answer.status).toBe(303);
		expect(answer.location).toBe('/boards');
	});
});

describe('log-in', () => {
	it('gives one generic message for an unknown email and for a wrong password', async () => {
		const account = await signedUp(server.url, 'Lou');
		const wrongPassword = await new Client(server.url).post('/login', { email: account.email, password: 'not the password' });
		const unknownEmail = await new Client(server.url).post('/login', { email: uniqueEmail('ghost'), password: 'not the password' });
		for (const answer of [wrongPassword, unknownEmail]) {
			expect(answer.status).toBe(400);
			expect(text(answer.text)).toContain('The email address or password is not right.');
		}
		expect(wrongPassword.text).toContain(`value="${account.email}"`);
	});
});

describe('tokens', () => {
	it('an unknown or tampered invitation link gets a clear page, not an error', async () => {
		const person = await signedUp(server.url, 'Tess');
		const boardId = await startPlanForMe(person.client);
		const real = await invite(person.client, boardId, 'clinician', 'Cal');
		const tampered = real.slice(0, -1) + (real.endsWith('a') ? 'b' : 'a');
		const undecodable = await new Client(server.url).get('/invite/%00%ff');
		expect(undecodable.status).toBe(400);
		for (const token of [tampered, 'garbage', 'x'.repeat(5000), '%20%00']) {
			const answer = await new Client(server.url).get(`/invite/${token}`);
			expect(answer.status, token.slice(0, 20)).toBe(200);
			expect(text(answer.text)).toContain('This invitation link does not work');
		}
		const join = await (await signedUp(server.url, 'Mallory')).client.post(`/invite/${tampered}`, {});
		expect(join.status).toBe(400);
		expect(count(server.dataDir, 'SELECT COUNT(*) AS n FROM memberships WHERE board_id = ?', boardId)).toBe(1);
	});

	it('a tampered or unknown session cookie is treated as signed out', async () => {
		for (const value of ['abc', 'a'.repeat(32), 'A'.repeat(4000), '%%%']) {
			const client = new Client(server.url);
			client.cookies.set('wm_session', value);
			const answer = await client.get('/boards');
			expect(answer.status).toBe(303);
			expect(answer.location).toMatch(/^\/login/);
		}
	});
});

describe('forms from another site (CSRF)', () => {
	it('are refused, and change nothing', async () => {
		const before = users();
		const signup = await new Client(server.url).post('/signup', { name: 'Eve', email: uniqueEmail('csrf'), password: GOOD_PASSWORD }, 'https://evil.example');
		expect(signup.status).toBe(403);
		expect(users()).toBe(before);

		const victim = await signedUp(server.url, 'Victim');
		const boardId = await startPlanForMe(victim.client);
		const invites = () => count(server.dataDir, 'SELECT COUNT(*) AS n FROM invitations WHERE board_id = ?', boardId);
		const forged = await victim.client.post(`/boards/${boardId}/people?/invite`, { role: 'clinician', label: 'Eve' }, 'https://evil.example');
		expect(forged.status).toBe(403);
		expect(invites()).toBe(0);
		const logout = await victim.client.post('/logout', {}, 'https://evil.example');
		expect(logout.status).toBe(403);
		expect((await victim.client.get('/boards')).status).toBe(200);
	});
});

describe('malformed requests', () => {
	it('odd bodies and content types never give a 500, and create nothing', async () => {
		const before = users();
		const client = new Client(server.url);
		const origin = { origin: server.url, accept: 'text/html' };
		const multipart = new FormData();
		multipart.set('name', new Blob(['file-not-text']), 'name.txt');
		multipart.set('email', uniqueEmail('multi'));
		multipart.set('password', GOOD_PASSWORD);
		const answers = [
			await client.request('POST', '/signup', { body: multipart, headers: origin }),
			await client.request('POST', '/signup', { body: '{"name":"J"}', headers: { ...origin, 'content-type': 'application/json' } }),
			await client.request('POST', '/signup', { body: '%%%&&&===', headers: { ...origin, 'content-type': 'application/x-www-form-urlencoded' } }),
			await client.request('POST', '/login', { body: 'email=a', headers: { ...origin, 'content-type': 'text/plain' } }),
			await client.request('GET', '/boards/%E0%A4%A'),
			await client.request('GET', `/boards/${'z'.repeat(3000)}/people`)
		];
		for (const answer of answers) expect(answer.status).toBeLessThan(500);
		expect(answers.map((a) => a.status)).toEqual([400, 415, 400, 400, 400, 303]);
		expect(text(answers[3].text)).toContain('The email address or password is not right.');
		expect(users()).toBe(before);
		expect(server.output()).not.toMatch(/"level":"error"/);
	});
});
