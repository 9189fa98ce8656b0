/** Builds the process's services from its configuration, in one place for start and dev. */
import { createSessionManager } from '../src/lib/server/auth/sessions.js';
import { MembershipEvents } from '../src/lib/server/membership-events.js';
import { SessionEvents } from '../src/lib/server/session-events.js';
import { registerServices, type Services } from '../src/lib/server/services.js';
import type { Config } from './config.js';
import { createLogger } from './log.js';
import { openStorage } from './storage/open.js';

export async function createServices(config: Config): Promise<Services> {
	const log = createLogger(config.logLevel);
	const storage = await openStorage(config, log);
	const sessionEvents = new SessionEvents();
	const services: Services = {
		config,
		storage,
		sessions: createSessionManager(storage, config.sessionDays, sessionEvents),
		log,
		membership: new MembershipEvents(),
		sessionEvents
	};
	registerServices(services);
	forgetExpiredSessions(services);
	return services;
}

const SIX_HOURS = 6 * 60 * 60 * 1000;

/** Sessions left to expire unused would stay in the table for ever: clear them now and then. */
function forgetExpiredSessions({ storage, log }: Services): void {
	const sweep = () =>
		storage.sessions
			.deleteExpired(Date.now())
			.then((count) => count && log.info('Forgot expired sessions', { count }))
			.catch((error) => log.warn('Clearing expired sessions failed', { error: (error as Error).message }));
	void sweep();
	setInterval(() => storage.isOpen() && void sweep(), SIX_HOURS).unref();
}
