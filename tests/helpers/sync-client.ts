/**
 * Sync clients for tests: the stock y-websocket WebsocketProvider in Node (with `ws` and the
 * session cookie), and a raw socket for watching close codes.
 */
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { SYNC_PATH } from '../../src/lib/protocol/close-codes.js';
import type { Client } from './http-client.js';

/** `ws` with the cookie of a signed-in test client, as a browser would send it; `received` hears each frame's size. */
function webSocketWithCookie(cookie: string, received?: (bytes: number) => void): typeof WebSocket {
	class WebSocketWithCookie extends WebSocket {
		constructor(url: string | URL, protocols?: string | string[]) {
			super(url, protocols, { headers: { cookie } });
			if (received) this.on('message', (data: ArrayBuffer | Buffer) => received(data.byteLength));
		}
	}
	return WebSocketWithCookie as unknown as typeof WebSocket;
}

export function wsBase(httpBase: string): string {
	return httpBase.replace(/^http/, 'ws') + SYNC_PATH;
}

export interface TestProvider {
	doc: Y.Doc;
	provider: WebsocketProvider;
	/** Close events seen, newest last. */
	closes: number[];
	destroy(): void;
}

export function connectProvider(
	httpBase: string,
	boardId: string,
	client: Client,
	doc = new Y.Doc(),
	options: { received?: (bytes: number) => void } = {}
): TestProvider {
	const provider = new WebsocketProvider(wsBase(httpBase), boardId, doc, {
		WebSocketPolyfill: webSocketWithCookie(client.cookieHeader(), options.received) as never,
		disableBc: true,
		maxBackoffTime: 300
	});
	const closes: number[] = [];
	provider.on('connection-close', (event) => {
		if (event) closes.push(event.code);
	});
	return {
		doc,
		provider,
		closes,
		destroy() {
			provider.destroy();
			doc.destroy();
		}
	};
}

export function whenSynced(provider: WebsocketProvider, timeoutMs = 10_000): Promise<void> {
	if (provider.synced) return Promise.resolve();
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error('provider did not sync')), timeoutMs);
		provider.on('sync', function onSync(isSynced: boolean) {
			if (!isSynced) return;
			clearTimeout(timer);
			provider.off('sync', onSync);
			resolve();
		});
	});
}

/** Polls until `check` holds; fails with `what` after the timeout. */
export async function eventually(check: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!check()) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}`);
		await new Promise((r) => setTimeout(r, 20));
	}
}

/** Opens a raw socket and resolves with its close code (and frames received before it). */
export function closeCodeOf(httpBase: string, boardId: string, headers: Record<string, string> = {}): Promise<number> {
	return new Promise((resolve, reject) => {
		const socket = new WebSocket(`${wsBase(httpBase)}/${boardId}`, { headers });
		socket.on('close', (code) => resolve(code));
		socket.on('error', reject);
	});
}
