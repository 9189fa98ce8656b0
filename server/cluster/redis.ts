/**
 * Connections to Redis (REDIS_URL) for everything several instances share. Start-up fails at
 * once, naming REDIS_URL, if Redis cannot be reached: an instance that cannot relay must never
 * serve alone while others serve the same boards. Once connected, a lost connection is retried
 * for ever (with backoff), logged once when it goes and once when it is back.
 */
import { createClient, RESP_TYPES } from 'redis';
import type { Logger } from '../log.js';
import { RedisStartError } from './start-error.js';

export type RedisClient = ReturnType<typeof newClient>;
/** A client whose replies keep their bytes (stream entries carry Yjs updates). */
export type BinaryRedisClient = ReturnType<RedisClient['withTypeMapping']>;

export { RedisStartError };

/** Host and port of a Redis URL, for messages: never its password. */
export function describeRedis(url: string): string {
	try {
		const parsed = new URL(url);
		return `${parsed.hostname}:${parsed.port || '6379'}${parsed.pathname.length > 1 ? parsed.pathname : ''}`;
	} catch {
		return '(an unreadable REDIS_URL)';
	}
}

const CONNECT_TIMEOUT_MS = 3_000;

function newClient(url: string, reconnectAfter: (retries: number, cause: Error) => number | Error) {
	return createClient({
		url,
		socket: {
			connectTimeout: CONNECT_TIMEOUT_MS,
			// Detects a server that vanished without closing the connection (a network cut).
			keepAlive: true,
			reconnectStrategy: reconnectAfter
		},
		// Commands sent while disconnected fail at once instead of waiting in memory.
		disableOfflineQueue: true
	});
}

/** A client that fails its first connection fast and, once it has been connected, retries for ever. */
export async function connectRedis(url: string, log: Logger, role: string): Promise<RedisClient> {
	let everReady = false;
	let down = false;
	const client = newClient(url, (retries, cause) => (everReady ? Math.min(50 * 2 ** Math.min(retries, 6), 2_000) : cause));
	client.on('error', (error: Error) => {
		if (!everReady || down) return;
		down = true;
		log.warn('Redis connection lost; reconnecting', { redis: describeRedis(url), connection: role, error: error.message });
	});
	client.on('ready', () => {
		if (down) log.info('Redis connection is back', { redis: describeRedis(url), connection: role });
		down = false;
		everReady = true;
	});
	try {
		await client.connect();
	} catch (error) {
		client.destroy();
		throw new RedisStartError(
			`cannot reach Redis at REDIS_URL (${describeRedis(url)}): ${(error as Error).message}. ` +
				'Several instances relay through it, so WhatMatters does not start without it. Start Redis, or correct REDIS_URL (unset it to run one instance alone).'
		);
	}
	return client;
}

export function binary(client: RedisClient): BinaryRedisClient {
	return client.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer });
}

/** Calls `listener` each time `client` is ready again after losing its connection. */
export function onReconnect(client: RedisClient, listener: () => void): () => void {
	let first = true;
	const ready = () => {
		if (first) return void (first = false);
		listener();
	};
	// Already connected: the next 'ready' is a reconnect.
	if (client.isReady) first = false;
	client.on('ready', ready);
	return () => client.off('ready', ready);
}
