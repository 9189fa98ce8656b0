/** Builds the process's services from its configuration, in one place for start and dev. */
import { createSessionManager } from '../src/lib/server/auth/sessions.js';
import { MembershipEvents } from '../src/lib/server/membership-events.js';
import { registerServices, type Services } from '../src/lib/server/services.js';
import type { Config } from './config.js';
import { createLogger } from './log.js';
import { openSqliteStorage } from './storage/sqlite/index.js';

export function createServices(config: Config): Services {
	const log = createLogger(config.logLevel);
	const storage = openSqliteStorage(config.dataDir, {
		busyTimeoutMs: config.sqliteBusyTimeoutMs,
		onProblem: (message) => log.warn(message)
	});
	const services: Services = {
		config,
		storage,
		sessions: createSessionManager(storage, config.sessionDays),
		log,
		membership: new MembershipEvents()
	};
	registerServices(services);
	return services;
}
