/**
 * The stock socket.io client in Node, with a test account's session cookie (as a browser
 * would send it), for the realtime channel's integration tests.
 */
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

export function connectRealtime(base: string, client: Client | null, headers: Record<string, string> = {}): TestSocket {
	const socket = io(base, {
		path: REALTIME_PATH,
		transports: ['websocket'],
		reconnection: false,
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

/** Resolves when the server closes the socket. */
export function disconnected(test: TestSocket): Promise<string> {
	return new Promise((resolve) => {
		test.socket.once('disconnect', (reason) => resolve(reason));
	});
}
