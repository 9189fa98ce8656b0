/**
 * The running process's services (storage, sessions, …) as SvelteKit code sees them.
 * `server/` creates them once at start-up — in `npm start` and in the Vite dev plugin alike —
 * and registers them here, so the app and the realtime endpoints share one store.
 */
import type { Storage } from './storage.js';
import type { Config } from './config.js';
import type { Logger } from './logger.js';
import type { SessionManager } from './auth/sessions.js';
import type { MembershipEvents } from './membership-events.js';
import type { SessionEvents } from './session-events.js';
import type { BoardChanges } from './board-changes.js';

export interface Services {
	config: Config;
	storage: Storage;
	sessions: SessionManager;
	log: Logger;
	membership: MembershipEvents;
	/** Sessions ended (signed out here or everywhere): open connections of theirs close. */
	sessionEvents: SessionEvents;
	/** Set when the process is draining before it stops: /healthz answers 503 from then on. */
	stopping?: boolean;
	/** Changes made on a member's behalf through the sync path; set once the sync endpoint runs. */
	boardChanges?: BoardChanges;
}

// A global symbol, because the SvelteKit bundle and server/ load separate copies of this module.
const KEY = Symbol.for('whatmatters.services');
type Holder = { [KEY]?: Services };

export function registerServices(services: Services): void {
	(globalThis as Holder)[KEY] = services;
}

/** The services, or undefined before start-up has opened storage. */
export function tryServices(): Services | undefined {
	return (globalThis as Holder)[KEY];
}

export function services(): Services {
	const found = tryServices();
	if (!found) throw new Error('WhatMatters services are not started: run the app through server/index.ts or vite dev.');
	return found;
}
