/**
 * Security headers on real responses from the running server: a Content-Security-Policy whose
 * nonce matches SvelteKit's inline script, framing refused, browser features off, and HSTS
 * only when the browser reached us over https.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server.js';
import { Client, signedUp } from '../helpers/http-client.js';
import { startPlanForMe } from '../helpers/plans.js';

let server: TestServer | undefined;
afterEach(async () => {
	await server?.stop();
	server = undefined;
});

function directives(csp: string | null): Record<string, string[]> {
	return Object.fromEntries(
		(csp ?? '')
			.split(';')
			.map((part) => part.trim().split(/\s+/))
			.filter((words) => words[0])
			.map(([name, ...values]) => [name, values])
	);
}

describe('security headers', () => {
	it('every page has a strict CSP that lets only its own start-up script run, and no HSTS on http', async () => {
		server = await startServer();
		const { client } = await signedUp(server.url, 'Hedda Headers');
		const boardId = await startPlanForMe(client);
		const visitor = new Client(server.url);
		const pages: [Client, string][] = [
			[visitor, '/'],
			[visitor, '/login'],
			[visitor, '/signup'],
			[client, '/boards'],
			[client, `/boards/${boardId}`],
			[client, `/boards/${boardId}/people`]
		];
		for (const [who, path] of pages) {
			const answer = await who.get(path);
			expect(answer.status, path).toBe(200);
			const csp = directives(answer.headers.get('content-security-policy'));
			expect(csp['default-src'], path).toEqual(["'self'"]);
			expect(csp['frame-ancestors'], path).toEqual(["'none'"]);
			expect(csp['object-src'], path).toEqual(["'none'"]);
			expect(csp['connect-src'], path).toEqual(["'self'"]);
			const scripts = csp['script-src'];
			expect(scripts, path).not.toContain("'unsafe-inline'");
			expect(scripts, path).not.toContain("'unsafe-eval'");
			const nonce = scripts.find((value) => value.startsWith("'nonce-"))?.slice(7, -1);
			expect(nonce, path).toBeTruthy();
			// Every inline script on the page carries that nonce; nothing else could run.
			const inline = [...answer.text.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)];
			expect(inline.length, path).toBeGreaterThan(0);
			for (const [, attributes] of inline) expect(attributes, path).toContain(`nonce="${nonce}"`);

			expect(answer.headers.get('x-content-type-options'), path).toBe('nosniff');
			expect(answer.headers.get('referrer-policy'), path).toBe('same-origin');
			expect(answer.headers.get('x-frame-options'), path).toBe('DENY');
			const permissions = answer.headers.get('permissions-policy') ?? '';
			for (const feature of ['camera', 'microphone', 'geolocation']) expect(permissions, path).toContain(`${feature}=()`);
			expect(answer.headers.get('strict-transport-security'), path).toBeNull();
		}
		// A new nonce for every response.
		const [a, b] = await Promise.all([visitor.get('/login'), visitor.get('/login')]);
		expect(a.headers.get('content-security-policy')).not.toBe(b.headers.get('content-security-policy'));
	});

	it('sends HSTS when the public address is https (ORIGIN), also on answers that are not pages', async () => {
		server = await startServer({ ORIGIN: 'https://plans.example.org' });
		for (const path of ['/login', '/healthz']) {
			const answer = await new Client(server.url).get(path);
			expect(answer.headers.get('strict-transport-security'), path).toBe('max-age=31536000; includeSubDomains');
			expect(answer.headers.get('x-content-type-options'), path).toBe('nosniff');
		}
	});

	it("sends HSTS only when the proxy's PROTOCOL_HEADER says https", async () => {
		server = await startServer({ PROTOCOL_HEADER: 'x-forwarded-proto' });
		const over = (proto: string) => new Client(server!.url).request('GET', '/login', { headers: { 'x-forwarded-proto': proto } });
		expect((await over('https')).headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
		expect((await over('http')).headers.get('strict-transport-security')).toBeNull();
	});
});
