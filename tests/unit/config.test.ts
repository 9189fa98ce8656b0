import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { ConfigError, loadConfig } from '../../server/config.js';

describe('loadConfig', () => {
	it('has working defaults with an empty environment', () => {
		const config = loadConfig({});
		expect(config).toMatchObject({ port: 3000, host: '0.0.0.0', origin: undefined, databaseUrl: undefined, databasePoolSize: 20, redisUrl: undefined, sessionDays: 30, inviteDays: 7, logLevel: 'info' });
		expect(config.dataDir).toBe(path.resolve('./data'));
	});

	it('reads every variable', () => {
		const config = loadConfig({
			PORT: '8080',
			HOST: '127.0.0.1',
			DATA_DIR: '/srv/wm',
			ORIGIN: 'https://plans.example.org/',
			DATABASE_URL: 'postgres://wm@db.example.org/plans',
			DATABASE_POOL_SIZE: '40',
			REDIS_URL: 'redis://127.0.0.1:6379',
			SESSION_DAYS: '14',
			INVITE_DAYS: '3',
			LOG_LEVEL: 'debug',
			PLAN_MAX_BYTES: '1048576',
			ADDRESS_HEADER: 'X-Forwarded-For',
			XFF_DEPTH: '2',
			HEADERS_TIMEOUT_MS: '5000',
			REQUEST_TIMEOUT_MS: '20000',
			MAX_CONNECTIONS: '900',
			SYNC_SESSION_RECHECK_MS: '30000',
			SYNC_MAX_SOCKETS_PER_ACCOUNT: '10',
			SYNC_MAX_SOCKETS_PER_ADDRESS: '300',
			REALTIME_MAX_MESSAGE_BYTES: '4096',
			REALTIME_EVENTS_PER_SECOND: '15',
			REALTIME_EVENT_BURST: '30',
			REALTIME_REFUSED_BEFORE_CLOSE: '20',
			REALTIME_NOTICE_EVERY_MS: '30000',
			REALTIME_MAX_SOCKETS_PER_ACCOUNT: '5'
		}, 1024);
		expect(config).toEqual({
			port: 8080,
			host: '127.0.0.1',
			dataDir: '/srv/wm',
			createDatabase: false,
			origin: 'https://plans.example.org',
			databaseUrl: 'postgres://wm@db.example.org/plans',
			databasePoolSize: 40,
			redisUrl: 'redis://127.0.0.1:6379',
			sessionDays: 14,
			inviteDays: 3,
			logLevel: 'debug',
			sqliteBusyTimeoutMs: 2000,
			address: { addressHeader: 'x-forwarded-for', xffDepth: 2 },
			http: { headersTimeoutMs: 5000, requestTimeoutMs: 20000, maxConnections: 900 },
			sync: {
				maxFrameBytes: 1024 * 1024,
				messagesPerSecond: 60,
				messageBurst: 600,
				compactEvery: 500,
				sessionRecheckMs: 30000,
				maxSocketsPerAccount: 10,
				maxSocketsPerAddress: 300,
				maxUpdateBytes: 512 * 1024,
				maxPlanBytes: 1024 * 1024
			},
			realtime: { maxMessageBytes: 4096, eventsPerSecond: 15, eventBurst: 30, refusedBeforeClose: 20, maxSocketsPerAccount: 5, noticeEveryMs: 30000 }
		});
	});

	it('CREATE_DATABASE=1 allows a new database in an empty file; unset or 0 does not', () => {
		expect(loadConfig({ CREATE_DATABASE: '1' }).createDatabase).toBe(true);
		expect(loadConfig({ CREATE_DATABASE: '0' }).createDatabase).toBe(false);
		expect(loadConfig({}).createDatabase).toBe(false);
	});

	it('caps connections below the open-files limit by default, and refuses a cap above it', () => {
		expect(loadConfig({}, 20000).http.maxConnections).toBe(20000 - 256);
		expect(loadConfig({}, 1024).http.maxConnections).toBe(1024 - 256);
		expect(loadConfig({}, null).http.maxConnections).toBeNull();
		expect(() => loadConfig({ MAX_CONNECTIONS: '1000' }, 1024)).toThrow(/MAX_CONNECTIONS must be a whole number from 1 to 992/);
		expect(() => loadConfig({ HEADERS_TIMEOUT_MS: '9000', REQUEST_TIMEOUT_MS: '5000' })).toThrow(/REQUEST_TIMEOUT_MS/);
	});

	it.each([
		['PORT', 'eighty'],
		['PORT', '70000'],
		['PORT', '-1'],
		['ORIGIN', 'plans.example.org'],
		['ORIGIN', 'ftp://plans.example.org'],
		['ORIGIN', 'https://plans.example.org/app'],
		['REDIS_URL', 'http://localhost:6379'],
		['DATABASE_URL', 'mysql://localhost/plans'],
		['DATABASE_POOL_SIZE', '0'],
		['REALTIME_MAX_MESSAGE_BYTES', '100'],
		['REALTIME_EVENTS_PER_SECOND', '0'],
		['REALTIME_NOTICE_EVERY_MS', 'a minute'],
		['SESSION_DAYS', '0'],
		['INVITE_DAYS', 'seven'],
		['LOG_LEVEL', 'loud'],
		['SYNC_MAX_FRAME_BYTES', '12'],
		['COMPACT_EVERY', 'often'],
		['PLAN_MAX_BYTES', '1000'],
		['SYNC_MAX_UPDATE_BYTES', '-1'],
		['HOST', 'local host'],
		['XFF_DEPTH', '0'],
		['HEADERS_TIMEOUT_MS', '10'],
		['SYNC_MAX_SOCKETS_PER_ACCOUNT', '0'],
		['SYNC_MAX_SOCKETS_PER_ADDRESS', 'many'],
		['SYNC_SESSION_RECHECK_MS', '5'],
		['CREATE_DATABASE', 'yes'],
		['ADDRESS_HEADER', 'x forwarded for']
	])('stops on a bad %s (%s) with a message naming it', (variable, value) => {
		let thrown: unknown;
		try {
			loadConfig({ [variable]: value });
		} catch (error) {
			thrown = error;
		}
		expect(thrown).toBeInstanceOf(ConfigError);
		expect((thrown as ConfigError).message).toContain(variable);
		expect((thrown as ConfigError).variable).toBe(variable);
	});
});
