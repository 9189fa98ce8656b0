import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { ConfigError, loadConfig } from '../../server/config.js';

describe('loadConfig', () => {
	it('has working defaults with an empty environment', () => {
		const config = loadConfig({});
		expect(config).toMatchObject({ port: 3000, host: '0.0.0.0', origin: undefined, redisUrl: undefined, sessionDays: 30, inviteDays: 7, logLevel: 'info' });
		expect(config.dataDir).toBe(path.resolve('./data'));
	});

	it('reads every variable', () => {
		const config = loadConfig({
			PORT: '8080',
			HOST: '127.0.0.1',
			DATA_DIR: '/srv/wm',
			ORIGIN: 'https://plans.example.org/',
			ADDRESS_HEADER: 'X-Real-IP',
			REDIS_URL: 'redis://127.0.0.1:6379',
			SESSION_DAYS: '14',
			INVITE_DAYS: '3',
			LOG_LEVEL: 'debug'
		});
		expect(config).toEqual({
			port: 8080,
			host: '127.0.0.1',
			dataDir: '/srv/wm',
			createDatabase: false,
			origin: 'https://plans.example.org',
			addressHeader: 'x-real-ip',
			xffDepth: 1,
			redisUrl: 'redis://127.0.0.1:6379',
			sessionDays: 14,
			inviteDays: 3,
			logLevel: 'debug',
			sqliteBusyTimeoutMs: 2000,
			sync: { maxFrameBytes: 1024 * 1024, messagesPerSecond: 60, messageBurst: 600, compactEvery: 500 }
		});
	});

	it('CREATE_DATABASE=1 allows a new database in an empty file; unset or 0 does not', () => {
		expect(loadConfig({ CREATE_DATABASE: '1' }).createDatabase).toBe(true);
		expect(loadConfig({ CREATE_DATABASE: '0' }).createDatabase).toBe(false);
		expect(loadConfig({}).createDatabase).toBe(false);
	});

	it.each([
		['PORT', 'eighty'],
		['PORT', '70000'],
		['PORT', '-1'],
		['ORIGIN', 'plans.example.org'],
		['ORIGIN', 'ftp://plans.example.org'],
		['ORIGIN', 'https://plans.example.org/app'],
		['REDIS_URL', 'http://localhost:6379'],
		['SESSION_DAYS', '0'],
		['INVITE_DAYS', 'seven'],
		['LOG_LEVEL', 'loud'],
		['SYNC_MAX_FRAME_BYTES', '12'],
		['COMPACT_EVERY', 'often'],
		['HOST', 'local host'],
		['CREATE_DATABASE', 'yes'],
		['ADDRESS_HEADER', 'x forwarded for'],
		['XFF_DEPTH', '0']
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
