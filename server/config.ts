/**
 * The process's configuration, read from the environment once and validated.
 * A bad or missing value stops start-up with a message naming the variable.
 */
import path from 'node:path';
import { LOG_LEVELS, type Config, type HttpLimits, type LogLevel, type RealtimeLimits, type SyncLimits } from '../src/lib/server/config.js';
import { MIN_RESERVED_FILES, openFilesSoftLimit, reservedFiles } from './fd-limit.js';

export type { Config, HttpLimits, LogLevel, RealtimeLimits, SyncLimits };

export class ConfigError extends Error {
	constructor(
		readonly variable: string,
		expected: string,
		got: string
	) {
		super(`${variable} must be ${expected} (got ${JSON.stringify(got)})`);
		this.name = 'ConfigError';
	}
}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
	const raw = env[name];
	if (raw === undefined || raw === '') return fallback;
	const value = Number(raw);
	if (!/^\d+$/.test(raw.trim()) || value < min || value > max) {
		throw new ConfigError(name, `a whole number from ${min} to ${max}`, raw);
	}
	return value;
}

function flag(env: Env, name: string): boolean {
	const raw = env[name];
	if (raw === undefined || raw === '' || raw === '0') return false;
	if (raw === '1') return true;
	throw new ConfigError(name, '1 (yes) or 0 (no)', raw);
}

function url(env: Env, name: string, protocols: string[]): string | undefined {
	const raw = env[name];
	if (raw === undefined || raw === '') return undefined;
	let parsed: URL;
	try {
		parsed = new URL(raw);
	} catch {
		throw new ConfigError(name, `a URL starting with ${protocols.join(' or ')}`, raw);
	}
	if (!protocols.includes(parsed.protocol)) {
		throw new ConfigError(name, `a URL starting with ${protocols.join(' or ')}`, raw);
	}
	return raw;
}

function httpLimits(env: Env, openFiles: number | null): HttpLimits {
	const headersTimeoutMs = integer(env, 'HEADERS_TIMEOUT_MS', 10_000, 100, 600_000);
	const requestTimeoutMs = integer(env, 'REQUEST_TIMEOUT_MS', Math.max(60_000, headersTimeoutMs), 100, 3_600_000);
	// Node refuses a headers timeout longer than the whole request's.
	if (requestTimeoutMs < headersTimeoutMs) {
		throw new ConfigError('REQUEST_TIMEOUT_MS', `at least HEADERS_TIMEOUT_MS (${headersTimeoutMs})`, String(requestTimeoutMs));
	}
	// Above the open-files limit, connections would fail at random (and take the database with them).
	const ceiling = openFiles === null ? 10_000_000 : Math.max(1, openFiles - MIN_RESERVED_FILES);
	const fallback = openFiles === null ? null : openFiles - reservedFiles(openFiles);
	const maxConnections = env.MAX_CONNECTIONS ? integer(env, 'MAX_CONNECTIONS', 0, 1, ceiling) : fallback;
	return { headersTimeoutMs, requestTimeoutMs, maxConnections };
}

/**
 * Reads and validates the configuration; throws ConfigError on the first bad value.
 * `openFiles` is the process's open-files soft limit (read from /proc on Linux).
 */
export function loadConfig(env: Env = process.env, openFiles: number | null = openFilesSoftLimit()): Config {
	const origin = url(env, 'ORIGIN', ['http:', 'https:']);
	if (origin && new URL(origin).origin !== origin.replace(/\/$/, '')) {
		throw new ConfigError('ORIGIN', 'an origin only, like https://plans.example.org (no path)', origin);
	}
	const logLevel = (env.LOG_LEVEL || 'info') as LogLevel;
	if (!LOG_LEVELS.includes(logLevel)) {
		throw new ConfigError('LOG_LEVEL', `one of ${LOG_LEVELS.join(', ')}`, logLevel);
	}
	const addressHeader = env.ADDRESS_HEADER ? env.ADDRESS_HEADER.toLowerCase() : undefined;
	if (addressHeader && !/^[a-z0-9-]+$/.test(addressHeader)) {
		throw new ConfigError('ADDRESS_HEADER', 'a header name like x-forwarded-for', addressHeader);
	}
	const host = env.HOST || '0.0.0.0';
	if (/\s/.test(host)) throw new ConfigError('HOST', 'a host name or IP address', host);
	return {
		port: integer(env, 'PORT', 3000, 0, 65535),
		host,
		dataDir: path.resolve(env.DATA_DIR || './data'),
		createDatabase: flag(env, 'CREATE_DATABASE'),
		origin: origin?.replace(/\/$/, ''),
		databaseUrl: url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']),
		databasePoolSize: integer(env, 'DATABASE_POOL_SIZE', 20, 1, 1000),
		redisUrl: url(env, 'REDIS_URL', ['redis:', 'rediss:']),
		sessionDays: integer(env, 'SESSION_DAYS', 30, 1, 365),
		inviteDays: integer(env, 'INVITE_DAYS', 7, 1, 90),
		logLevel,
		sqliteBusyTimeoutMs: integer(env, 'SQLITE_BUSY_TIMEOUT_MS', 2000, 0, 60_000),
		address: { addressHeader, xffDepth: integer(env, 'XFF_DEPTH', 1, 1, 100) },
		http: httpLimits(env, openFiles),
		sync: {
			maxFrameBytes: integer(env, 'SYNC_MAX_FRAME_BYTES', 1024 * 1024, 1024, 64 * 1024 * 1024),
			messagesPerSecond: integer(env, 'SYNC_MESSAGES_PER_SECOND', 60, 1, 100_000),
			messageBurst: integer(env, 'SYNC_MESSAGE_BURST', 600, 1, 1_000_000),
			compactEvery: integer(env, 'COMPACT_EVERY', 500, 10, 1_000_000),
			maxUpdateBytes: integer(env, 'SYNC_MAX_UPDATE_BYTES', 512 * 1024, 1024, 64 * 1024 * 1024),
			maxPlanBytes: integer(env, 'PLAN_MAX_BYTES', 16 * 1024 * 1024, 64 * 1024, 1024 * 1024 * 1024),
			sessionRecheckMs: integer(env, 'SYNC_SESSION_RECHECK_MS', 60_000, 100, 24 * 60 * 60 * 1000),
			maxSocketsPerAccount: integer(env, 'SYNC_MAX_SOCKETS_PER_ACCOUNT', 20, 1, 100_000),
			maxSocketsPerAddress: integer(env, 'SYNC_MAX_SOCKETS_PER_ADDRESS', 500, 1, 1_000_000)
		},
		realtime: {
			maxMessageBytes: integer(env, 'REALTIME_MAX_MESSAGE_BYTES', 8 * 1024, 512, 1024 * 1024),
			eventsPerSecond: integer(env, 'REALTIME_EVENTS_PER_SECOND', 20, 1, 10_000),
			eventBurst: integer(env, 'REALTIME_EVENT_BURST', 40, 1, 100_000),
			refusedBeforeClose: integer(env, 'REALTIME_REFUSED_BEFORE_CLOSE', 50, 1, 1_000_000),
			maxSocketsPerAccount: integer(env, 'REALTIME_MAX_SOCKETS_PER_ACCOUNT', 20, 1, 100_000),
			noticeEveryMs: integer(env, 'REALTIME_NOTICE_EVERY_MS', 60_000, 0, 24 * 60 * 60 * 1000)
		}
	};
}
