/**
 * The stock socket.io client in Node, with a test account's session cookie (as a browser
 * would send it), for the realtime channel's integration tests.
 */
import http from 'node:http';
import { io, type Socket } from 'socket.io-client';
import { REALTIME_PATH, type ClientEventMap, type ServerEventType } from '../../src/lib/protocol/realtime-events.js';
import type { Client } from './http-client.js';

export interface TestSocket {
	socket: Socket;
	/** Server events received, in order: [type, payload]. */
	received: [ServerEventType, Record<string, unknown>][];
	/** Sends an event and resolves with its acknowledgement. */
	ask(type: string, payload?: unknown): Promise<Record<string, unknown>>;
	/** The payloads of one server event type received so far. */
	of(type: ServerEventType): Record<string, unknown>[];
	close(): void;
}

/**
 * `websocket` connects with a WebSocket straight away; `default` as a browser does, with
 * socket.io's own default (long-polling first, then the upgrade to a WebSocket); `polling`
 * stays on long-polling.
 */
export type Transports = 'websocket' | 'default' | 'polling';

/**
 * `reconnection`: as a browser's channel does, connect again by itself (quickly, for tests) when
 * the connection is lost; off by default, so a test sees each close.
 */
export function connectRealtime(base: string, client: Client | null, headers: Record<string, string> = {}, transports: Transports = 'websocket', { reconnection = false } = {}): TestSocket {
	const socket = io(base, {
		path: REALTIME_PATH,
		...(transports === 'default' ? {} : { transports: [transports] }),
		reconnection,
		...(reconnection ? { reconnectionDelay: 100, reconnectionDelayMax: 1_000 } : {}),
		extraHeaders: { ...(client ? { cookie: client.cookieHeader() } : {}), ...headers }
	});
	const received: TestSocket['received'] = [];
	socket.onAny((type: ServerEventType, payload: Record<string, unknown>) => received.push([type, payload]));
	return {
		socket,
		received,
		ask: (type, payload) => socket.timeout(5_000).emitWithAck(type as keyof ClientEventMap, payload),
		of: (type) => received.filter(([t]) => t === type).map(([, p]) => p),
		close: () => socket.close()
	};
}

/** Resolves once connected; rejects with the server's refusal (connect_error's message). */
export function connected(test: TestSocket): Promise<void> {
	return new Promise((resolve, reject) => {
		if (test.socket.connected) return resolve();
		test.socket.once('connect', () => resolve());
		test.socket.once('connect_error', (error) => reject(error));
	});
}

/** The reason a connection was refused (connect_error's message), or 'connected'. */
export async function refusal(test: TestSocket): Promise<string> {
	try {
		await connected(test);
		return 'connected';
	} catch (error) {
		return (error as Error).message;
	} finally {
		test.close();
	}
}

/** How the server refused a connection, as the stock client reports it. */
export interface Refusal {
	/** connect_error's message: the server's reason, or the transport's ("xhr poll error", "websocket error"). */
	message: string;
	/** The HTTP status of a refused long-polling request. */
	status?: number;
	/** The body of that answer. */
	body?: string;
	/** What the WebSocket client said of a refused upgrade ("Unexpected server response: 400"). */
	upgrade?: string;
}

/** The refusal of a connection in detail; rejects if it connected. */
export function refusalOf(test: TestSocket): Promise<Refusal> {
	return new Promise<Refusal>((resolve, reject) => {
		test.socket.once('connect', () => reject(new Error('connected, but a refusal was expected')));
		test.socket.once('connect_error', (error) => {
			// Read at once: the client resets the failed request right after this event.
			const { message, description, context } = error as Error & { description?: unknown; context?: { responseText?: string } };
			const refusal: Refusal = { message };
			if (typeof description === 'number') Object.assign(refusal, { status: description, body: context?.responseText });
			else if (description && typeof (description as { message?: unknown }).message === 'string') refusal.upgrade = (description as { message: string }).message;
			resolve(refusal);
		});
	}).finally(() => test.close());
}

/** Resolves once the connection has moved from long-polling to a WebSocket. */
export function upgraded(test: TestSocket): Promise<void> {
	const engine = test.socket.io.engine;
	if (engine.transport.name === 'websocket') return Promise.resolve();
	return new Promise((resolve) => engine.once('upgrade', () => resolve()));
}

/** Resolves when the server closes the socket. */
export function disconnected(test: TestSocket): Promise<string> {
	return new Promise((resolve) => {
		test.socket.once('disconnect', (reason) => resolve(reason));
	});
}

/** The server's answer to a WebSocket upgrade request for `path`: 101 if it opened, else its status and body. */
export function upgradeAnswer(base: string, path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
	return new Promise((resolve, reject) => {
		const request = http.request(base + path, {
			headers: { connection: 'Upgrade', upgrade: 'websocket', 'sec-websocket-version': '13', 'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==', ...headers }
		});
		request.once('upgrade', (_response, socket) => {
			socket.destroy();
			resolve({ status: 101, body: '' });
		});
		request.once('response', (response) => {
			let body = '';
			response.setEncoding('utf8');
			response.on('data', (chunk) => (body += chunk));
			response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
		});
		request.once('error', reject);
		request.end();
	});
}
