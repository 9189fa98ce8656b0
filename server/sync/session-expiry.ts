/**
 * Closes a sync connection when its session runs out, whether or not the client sends
 * anything. At the stored expiry the session is read again (using the site meanwhile may have
 * moved the expiry on): still valid → wait for the new expiry; gone or past → `onEnded`.
 * It is also read every `recheckMs`: a session ended where no event reaches this process
 * (another instance, the database itself) still closes its sockets soon.
 */
import type { Storage } from '../../src/lib/server/storage.js';

/** setTimeout cannot wait longer than about 24.8 days; sessions may last longer. */
const LONGEST_WAIT_MS = 24 * 60 * 60 * 1000;

export interface ExpiryWatch {
	stop(): void;
}

export function watchSessionExpiry(
	storage: Pick<Storage, 'sessions'>,
	sessionId: string,
	expiresAt: number,
	onEnded: () => void,
	onError: (error: Error) => void,
	recheckMs: number,
	now: () => number = Date.now
): ExpiryWatch {
	let timer: NodeJS.Timeout | undefined;
	let stopped = false;
	const schedule = (at: number) => {
		timer = setTimeout(check, Math.min(Math.max(0, at - now()), recheckMs, LONGEST_WAIT_MS));
		timer.unref();
	};
	const check = async () => {
		try {
			const found = await storage.sessions.get(sessionId);
			if (stopped) return;
			if (!found || found.session.expiresAt <= now()) onEnded();
			else schedule(found.session.expiresAt);
		} catch (error) {
			// Storage trouble is not a sign-out: look again a little later.
			onError(error as Error);
			if (!stopped) schedule(now() + recheckMs);
		}
	};
	schedule(expiresAt);
	return {
		stop() {
			stopped = true;
			clearTimeout(timer);
		}
	};
}
