/** Ten failed logins in 15 minutes, for one email or from one address, and the next is refused. */
import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server.js';
import { Client, GOOD_PASSWORD, signedUp, uniqueEmail } from '../helpers/http-client.js';

let server: TestServer | undefined;
afterEach(async () => server?.stop());

const failLogin = (email: string) => new Client(server!.url).post('/login', { email, password: 'wrong password here' });

describe('login throttling', () => {
	it('answers 429 after 10 failures for one email, even with the right password, and says when to try again', async () => {
		server = await startServer();
		const account = await signedUp(server.url, 'Target');
		for (let i = 0; i < 10; i++) expect((await failLogin(account.email)).status).toBe(400);
		const refused = await new Client(server.url).post('/login', { email: account.email, password: GOOD_PASSWORD });
		expect(refused.status).toBe(429);
		expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(800);
		expect(refused.text).toMatch(/too many attempts to sign in[\s\S]*try again in 15 minutes/);
		// The account itself is untouched: its existing session still works.
		expect((await account.client.get('/boards')).status).toBe(200);
	});

	it('answers 429 after 10 failures from one address across many emails', async () => {
		server = await startServer();
		for (let i = 0; i < 10; i++) expect((await failLogin(uniqueEmail(`spray${i}`))).status).toBe(400);
		expect((await failLogin(uniqueEmail('next'))).status).toBe(429);
	});
});
