/**
 * Sign-in throttling, exact under parallel requests: each attempt is counted before its
 * password is checked, so at most 10 passwords are checked per account and 100 per address in
 * 15 minutes, however many requests arrive at once, and a locked account refuses even the right one.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server.js';
import { Client, GOOD_PASSWORD, signedUp, uniqueEmail } from '../helpers/http-client.js';
import { openDatabase } from '../helpers/database.js';

let server: TestServer | undefined;
afterEach(async () => server?.stop());

const signIn = (email: string, password: string) => new Client(server!.url).post('/login', { email, password });
const failLogin = (email: string) => signIn(email, 'wrong password here');
const statuses = (answers: { status: number }[]) => answers.map((a) => a.status);
const tally = (codes: number[]) => codes.reduce<Record<number, number>>((t, c) => ({ ...t, [c]: (t[c] ?? 0) + 1 }), {});

/** Moves every recorded attempt back past the 15-minute window, as if the time had passed. */
function passTheWindow(dataDir: string): void {
	const db = openDatabase(dataDir);
	try {
		db.prepare('UPDATE login_failures SET at = at - ?').run(16 * 60 * 1000);
	} finally {
		db.close();
	}
}

describe('login throttling', () => {
	it('answers 429 after 10 failures for one email, even with the right password, and says when to try again', async () => {
		server = await startServer();
		const account = await signedUp(server.url, 'Target');
		for (let i = 0; i < 10; i++) expect((await failLogin(account.email)).status).toBe(400);
		const refused = await signIn(account.email, GOOD_PASSWORD);
		expect(refused.status).toBe(429);
		expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(800);
		expect(refused.text).toMatch(/too many attempts to sign in[\s\S]*try again in 15 minutes/);
		// The account itself is untouched: its existing session still works.
		expect((await account.client.get('/boards')).status).toBe(200);
	});

	it('checks at most 10 of 60 wrong passwords sent at once, and refuses the right one among them', async () => {
		server = await startServer();
		const account = await signedUp(server.url, 'Parallel Target');
		// All 61 in flight together; the right password goes last.
		const wrong = Array.from({ length: 60 }, (_, i) => signIn(account.email, `wrong password ${i}`));
		const right = signIn(account.email, GOOD_PASSWORD);
		const answers = await Promise.all([...wrong, right]);
		const codes = statuses(answers);
		// Exactly 10 passwords were checked ("not right"); every other answer is a refusal.
		expect(tally(codes)).toEqual({ 400: 10, 429: 51 });
		const rightAnswer = answers[60];
		expect(rightAnswer.status).toBe(429);
		expect(rightAnswer.headers.get('set-cookie') ?? '').not.toContain('wm_session');
		expect(Number(rightAnswer.headers.get('retry-after'))).toBeGreaterThan(800);
		expect(rightAnswer.text).toMatch(/try again in 15 minutes/);

		// Still locked a moment later; after the window has passed, the right password works.
		expect((await signIn(account.email, GOOD_PASSWORD)).status).toBe(429);
		passTheWindow(server.dataDir);
		const after = await signIn(account.email, GOOD_PASSWORD);
		expect(after.status).toBe(303);
		expect(after.headers.get('set-cookie')).toContain('wm_session');
	});

	it('checks at most 100 wrong passwords from one address across many emails, even all at once', async () => {
		server = await startServer();
		const answers = await Promise.all(Array.from({ length: 120 }, (_, i) => failLogin(uniqueEmail(`spray${i}`))));
		expect(tally(statuses(answers))).toEqual({ 400: 100, 429: 20 });
		expect((await failLogin(uniqueEmail('next'))).status).toBe(429);
	});

	it('does not lock out others behind the same address when one account is locked', async () => {
		server = await startServer();
		const colleague = await signedUp(server.url, 'Colleague');
		const typo = await signedUp(server.url, 'Typo Person');
		for (let i = 0; i < 10; i++) expect((await failLogin(typo.email)).status).toBe(400);
		expect((await failLogin(typo.email)).status).toBe(429);
		// Same address (every test request comes from 127.0.0.1): the colleague still gets in.
		expect((await signIn(colleague.email, GOOD_PASSWORD)).status).toBe(303);
	});

	it('a sign-in that works is not counted, and forgets the account’s earlier failures', async () => {
		server = await startServer();
		const account = await signedUp(server.url, 'Forgetful');
		for (let i = 0; i < 9; i++) expect((await failLogin(account.email)).status).toBe(400);
		expect((await signIn(account.email, GOOD_PASSWORD)).status).toBe(303);
		for (let i = 0; i < 10; i++) expect((await failLogin(account.email)).status).toBe(400);
		expect((await failLogin(account.email)).status).toBe(429);
	});

	it('behind a proxy, counts each browser address from ADDRESS_HEADER separately', async () => {
		server = await startServer({ ADDRESS_HEADER: 'x-real-ip' });
		const from = (address: string, email: string) =>
			new Client(server!.url).request('POST', '/login', {
				body: new URLSearchParams({ email, password: 'wrong password here' }),
				headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server!.url, 'x-real-ip': address }
			});
		const answers = await Promise.all(Array.from({ length: 100 }, (_, i) => from('203.0.113.7', uniqueEmail(`proxy${i}`))));
		expect(tally(statuses(answers))).toEqual({ 400: 100 });
		expect((await from('203.0.113.7', uniqueEmail('more'))).status).toBe(429);
		// Another person behind the same proxy is not affected.
		expect((await from('203.0.113.8', uniqueEmail('colleague'))).status).toBe(400);
	});

	it('stores nothing for an email no account could have, however large', async () => {
		server = await startServer();
		const huge = `${'x'.repeat(500_000)}@example.org`;
		const answers = await Promise.all(Array.from({ length: 5 }, () => signIn(huge, 'wrong password here')));
		expect(tally(statuses(answers))).toEqual({ 400: 5 });
		const db = openDatabase(server.dataDir);
		try {
			const row = db.prepare<[], { bytes: number | null }>('SELECT SUM(LENGTH(key)) AS bytes FROM login_failures').get();
			expect(row?.bytes ?? 0).toBeLessThan(1000);
		} finally {
			db.close();
		}
	});

	it('a sign-in link whose next page is not plain ASCII still signs in, to the plan list', async () => {
		server = await startServer();
		const account = await signedUp(server.url, 'Nextra');
		const answer = await new Client(server.url).post('/login?next=%2F%E3%80%80%2Fevil.example', { email: account.email, password: GOOD_PASSWORD });
		expect(answer.status).toBe(303);
		expect(answer.location).toBe('/boards');
	});
});
