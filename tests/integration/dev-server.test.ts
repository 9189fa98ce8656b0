/**
 * `npm run dev` serves the realtime endpoints too (the plugin in vite.config.ts): the stock
 * socket.io client's handshake at /socket.io, and a WebSocket at /yjs, are answered by the
 * app itself, with its own refusals for someone not signed in, not with Vite's 404.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode } from '../../src/lib/protocol/close-codes.js';
import { RealtimeRefusal } from '../../src/lib/protocol/realtime-events.js';
import { startDevServer, type DevServer } from '../helpers/dev-server.js';
import { connectRealtime, refusal } from '../helpers/realtime-client.js';
import { closeCodeOf } from '../helpers/sync-client.js';

let dev: DevServer | undefined;

/** `promise`, or a failure naming `what` if the server has not answered within 10 s (Vite leaves an upgrade it does not know hanging). */
function answered<T>(promise: Promise<T>, what: string): Promise<T> {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer to ${what}`)), 10_000)));
	return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

beforeAll(async () => {
	dev = await startDevServer();
}, 120_000);
afterAll(async () => {
	await dev?.stop();
});

describe('npm run dev', () => {
	it('answers a socket.io handshake without a session with the app’s own refusal, by long-polling and by WebSocket', async () => {
		expect(await refusal(connectRealtime(dev!.url, null, {}, 'polling'))).toBe(RealtimeRefusal.SignedOut);
		expect(await refusal(connectRealtime(dev!.url, null, {}, 'websocket'))).toBe(RealtimeRefusal.SignedOut);
	});

	it('opens /yjs and closes it with "sign in" (4401) without a session', async () => {
		expect(await answered(closeCodeOf(dev!.url, 'abcdefghijklmnopqrst'), 'the upgrade at /yjs')).toBe(CloseCode.Unauthorized);
	});
});
