/**
 * Sessions as in Lucia's guide: a random token lives only in the user's cookie; the store
 * keeps its SHA-256. Expiry slides: a session used in the second half of its life is renewed.
 * One `validateSessionToken` serves pages, the WebSocket upgrade and socket.io.
 */
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import type { SessionEvents } from '../session-events.js';
import type { AuditEntry, SessionRecord, Storage, UserRecord } from '../storage.js';

export const SESSION_COOKIE = 'wm_session';
const DAY = 24 * 60 * 60 * 1000;

/** What a validated session tells the rest of the app about who is there. */
export interface SessionUser {
	id: string;
	name: string;
	email: string;
}

export interface ValidSession {
	session: SessionRecord;
	user: SessionUser;
	/** True when this validation moved the expiry on, so the cookie should be re-sent. */
	renewed: boolean;
}

/** 160 random bits, base32: unguessable and safe in a cookie or a URL. */
export function generateToken(): string {
	const bytes = new Uint8Array(20);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

/** What is stored for a token: its SHA-256 in hex. */
export function hashToken(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

/** A token has the shape generateToken makes; anything else is refused before a lookup. */
export function isWellFormedToken(token: unknown): token is string {
	return typeof token === 'string' && /^[a-z2-7]{32}$/.test(token);
}

export function toSessionUser(user: UserRecord): SessionUser {
	return { id: user.id, name: user.name, email: user.email };
}

export interface SessionManager {
	/** With `audit`, its row is written in the session's own transaction. */
	create(userId: string, audit?: AuditEntry): Promise<{ token: string; session: SessionRecord }>;
	validate(token: string | undefined | null): Promise<ValidSession | null>;
	/** Ends one session (signing out on this device). */
	invalidate(token: string): Promise<void>;
	/** Ends every session of a user (signing out everywhere); returns how many there were. */
	invalidateAll(userId: string): Promise<number>;
	readonly lifetimeMs: number;
}

/**
 * `events` hears of every session ended here, so open sync connections of that session close
 * at once, on every device.
 */
export function createSessionManager(
	storage: Storage,
	sessionDays: number,
	events?: SessionEvents,
	now: () => number = Date.now
): SessionManager {
	const lifetimeMs = sessionDays * DAY;
	return {
		lifetimeMs,
		async create(userId, audit) {
			const token = generateToken();
			const session: SessionRecord = { id: hashToken(token), userId, expiresAt: now() + lifetimeMs };
			await storage.sessions.create(session, audit);
			return { token, session };
		},
		async validate(token) {
			if (!isWellFormedToken(token)) return null;
			const found = await storage.sessions.get(hashToken(token));
			if (!found) return null;
			const { session, user } = found;
			const at = now();
			if (at >= session.expiresAt) {
				await storage.sessions.delete(session.id);
				return null;
			}
			let renewed = false;
			if (at >= session.expiresAt - lifetimeMs / 2) {
				session.expiresAt = at + lifetimeMs;
				await storage.sessions.setExpiry(session.id, session.expiresAt);
				renewed = true;
			}
			return { session, user: toSessionUser(user), renewed };
		},
		async invalidate(token) {
			if (!isWellFormedToken(token)) return;
			const sessionId = hashToken(token);
			await storage.sessions.delete(sessionId);
			events?.ended({ sessionId });
		},
		async invalidateAll(userId) {
			const count = await storage.sessions.deleteForUser(userId);
			events?.ended({ userId });
			return count;
		}
	};
}

/** Reads one cookie from a raw Cookie header (for the WebSocket upgrade and socket.io). */
export function readCookie(header: string | undefined, name: string): string | undefined {
	if (!header) return undefined;
	for (const part of header.split(';')) {
		const eq = part.indexOf('=');
		if (eq === -1) continue;
		if (part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
	}
	return undefined;
}
