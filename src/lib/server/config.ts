import type { AddressSettings } from './client-address.js';

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
	 * DATABASE_URL: postgres:// URL of a PostgreSQL database shared by every instance. Unset: the
	 * embedded SQLite file under DATA_DIR.
	 */
	databaseUrl: string | undefined;
	/** DATABASE_POOL_SIZE: PostgreSQL connections this instance keeps at most. Default 20. */
	databasePoolSize: number;
	/**
	 * REDIS_URL: redis:// URL; set it to run several instances: boards' updates and presence, the
	 * live channel, sign-outs and membership changes, and the shared socket caps go through it.
	 * Unset: one instance, relaying in-process.
	 */
	redisUrl: string | undefined;
	/** SESSION_DAYS: how long a session lasts without use (sliding). Default 30. */
	sessionDays: number;
	/** INVITE_DAYS: how long an invitation link stays valid. Default 7. */
	inviteDays: number;
	/** LOG_LEVEL: error | warn | info | debug. Default info. */
	logLevel: LogLevel;
	/** SQLITE_BUSY_TIMEOUT_MS: how long a write waits for another process's lock before failing. Default 2000. */
	sqliteBusyTimeoutMs: number;
	/**
	 * ADDRESS_HEADER and XFF_DEPTH: how to find a client's address behind a proxy, as adapter-node
	 * does for pages (it reads the same variables itself). Checked here so a bad value stops
	 * start-up. Only safe behind a proxy that overwrites the header. Unset: the TCP peer.
	 */
	address: AddressSettings;
	http: HttpLimits;
	sync: SyncLimits;
	realtime: RealtimeLimits;
}

export interface HttpLimits {
	/** HEADERS_TIMEOUT_MS: time allowed to send a request's (or an upgrade's) headers. Default 10000. */
	headersTimeoutMs: number;
	/** REQUEST_TIMEOUT_MS: time allowed to send a whole request. Default 60000; at least HEADERS_TIMEOUT_MS. */
	requestTimeoutMs: number;
	/**
	 * MAX_CONNECTIONS: open connections (HTTP and WebSocket together) the process accepts.
	 * Default: the open-files soft limit less a reserve; refused above that limit. Null: no cap known.
	 */
	maxConnections: number | null;
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
	/** SYNC_MAX_UPDATE_BYTES: the byte budget of one update from a client. Default 512 KiB. */
	maxUpdateBytes: number;
	/** PLAN_MAX_BYTES: the byte budget of a plan's document (what a new client downloads). Default 16 MiB. */
	maxPlanBytes: number;
	/**
	 * SYNC_SESSION_RECHECK_MS: how often an open sync socket's session is read again, for
	 * sessions ended where no event reaches this process (another instance). Default 60000.
	 */
	sessionRecheckMs: number;
	/** SYNC_MAX_SOCKETS_PER_ACCOUNT: sync sockets one account may hold open. Default 20. */
	maxSocketsPerAccount: number;
	/** SYNC_MAX_SOCKETS_PER_ADDRESS: sync sockets one client address may hold open (a clinic shares one). Default 500. */
	maxSocketsPerAddress: number;
}

/** The socket.io channel's limits (docs/realtime.md). Each socket has its own allowance. */
export interface RealtimeLimits {
	/** REALTIME_MAX_MESSAGE_BYTES: the largest socket.io message accepted; a larger one closes the socket. Default 8192. */
	maxMessageBytes: number;
	/** REALTIME_EVENTS_PER_SECOND: a socket's sustained event rate. Default 20 (a presenter sends about 10). */
	eventsPerSecond: number;
	/** REALTIME_EVENT_BURST: events a socket may send at once above that rate. Default 40. */
	eventBurst: number;
	/**
	 * REALTIME_REFUSED_BEFORE_CLOSE: events refused for the rate before the socket is
	 * closed. The first refusal warns it (limit:warning). Default 50.
	 */
	refusedBeforeClose: number;
	/** REALTIME_MAX_SOCKETS_PER_ACCOUNT: live-channel sockets one account may hold open (one per tab). Default 20. */
	maxSocketsPerAccount: number;
	/** REALTIME_NOTICE_EVERY_MS: at most one notice per plan per person in this time; later changes are coalesced. Default 60000. */
	noticeEveryMs: number;
}

export const LOG_LEVELS = ['error', 'warn', 'info', 'debug'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
