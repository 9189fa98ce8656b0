/**
 * The settings the product's rules need, as types. `server/config.ts` reads them from the
 * environment once, at start-up, and fails fast on a bad value.
 */

export interface Config {
	/** PORT: TCP port to listen on. Default 3000. */
	port: number;
	/** HOST: interface to bind. Default 0.0.0.0 (all interfaces). */
	host: string;
	/** DATA_DIR: folder for the SQLite database. Default ./data. */
	dataDir: string;
	/**
	 * CREATE_DATABASE: 1 lets start-up make a new database in an existing empty database file.
	 * Without it, an empty or unknown file stops start-up (a missing file is always created).
	 */
	createDatabase: boolean;
	/** ORIGIN: public origin (https://plans.example.org) when behind a proxy; unset derives it from each request. */
	origin: string | undefined;
	/**
	 * ADDRESS_HEADER: the header a proxy puts the browser's address in (x-forwarded-for, x-real-ip).
	 * Read by adapter-node itself for getClientAddress(); checked here so a bad value stops
	 * start-up. Only safe behind a proxy that overwrites the header. Unset: the TCP peer.
	 */
	addressHeader: string | undefined;
	/** XFF_DEPTH: with x-forwarded-for, how many trusted proxies are in front. Default 1. */
	xffDepth: number;
	/** REDIS_URL: redis:// URL; set it to relay between several instances. Unset: in-process. */
	redisUrl: string | undefined;
	/** SESSION_DAYS: how long a session lasts without use (sliding). Default 30. */
	sessionDays: number;
	/** INVITE_DAYS: how long an invitation link stays valid. Default 7. */
	inviteDays: number;
	/** LOG_LEVEL: error | warn | info | debug. Default info. */
	logLevel: LogLevel;
	/** SQLITE_BUSY_TIMEOUT_MS: how long a write waits for another process's lock before failing. Default 2000. */
	sqliteBusyTimeoutMs: number;
	sync: SyncLimits;
}

export interface SyncLimits {
	/** SYNC_MAX_FRAME_BYTES: the largest WebSocket frame accepted. Default 1 MiB. */
	maxFrameBytes: number;
	/** SYNC_MESSAGES_PER_SECOND: a connection's sustained message rate. Default 60. */
	messagesPerSecond: number;
	/** SYNC_MESSAGE_BURST: messages a connection may send at once above that rate. Default 600. */
	messageBurst: number;
	/** COMPACT_EVERY: updates between two compactions of a board's stored state. Default 500. */
	compactEvery: number;
}

export const LOG_LEVELS = ['error', 'warn', 'info', 'debug'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
