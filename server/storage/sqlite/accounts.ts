/** Users, sessions and sign-in attempts in SQLite. */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { AuditEntry, SessionRecord, Storage, ThrottleLimit, UserRecord } from '../../../src/lib/server/storage.js';
import { auditWriter } from './audit.js';

interface UserRow {
	id: string;
	email: string;
	name: string;
	password_hash: string;
	created_at: number;
}

function toUser(row: UserRow): UserRecord {
	return { id: row.id, email: row.email, name: row.name, passwordHash: row.password_hash, createdAt: row.created_at };
}

export function sqliteUsers(db: Database.Database): Storage['users'] {
	const insert = db.prepare(
		'INSERT INTO users (id, email, name, password_hash, created_at) VALUES (@id, @email, @name, @passwordHash, @createdAt)'
	);
	const byEmail = db.prepare<[string], UserRow>('SELECT * FROM users WHERE email = ?');
	const byId = db.prepare<[string], UserRow>('SELECT * FROM users WHERE id = ?');
	const audit = auditWriter(db);
	const create = db.transaction((user: UserRecord, entry?: AuditEntry) => {
		insert.run(user);
		if (entry) audit(entry);
	});
	return {
		async create(user, entry) {
			create(user, entry);
		},
		async byEmail(email) {
			const row = byEmail.get(email);
			return row ? toUser(row) : null;
		},
		async byId(id) {
			const row = byId.get(id);
			return row ? toUser(row) : null;
		}
	};
}

export function sqliteSessions(db: Database.Database): Storage['sessions'] {
	const insert = db.prepare('INSERT INTO sessions (id, user_id, expires_at) VALUES (@id, @userId, @expiresAt)');
	const get = db.prepare<[string], UserRow & { session_id: string; user_id: string; expires_at: number }>(
		`SELECT s.id AS session_id, s.user_id, s.expires_at, u.*
		 FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = ?`
	);
	const setExpiry = db.prepare('UPDATE sessions SET expires_at = ? WHERE id = ?');
	const remove = db.prepare('DELETE FROM sessions WHERE id = ?');
	const removeForUser = db.prepare('DELETE FROM sessions WHERE user_id = ?');
	const removeExpired = db.prepare('DELETE FROM sessions WHERE expires_at <= ?');
	const audit = auditWriter(db);
	const create = db.transaction((session: SessionRecord, entry?: AuditEntry) => {
		insert.run(session);
		if (entry) audit(entry);
	});
	return {
		async create(session, entry) {
			create(session, entry);
		},
		async get(id) {
			const row = get.get(id);
			if (!row) return null;
			const session: SessionRecord = { id: row.session_id, userId: row.user_id, expiresAt: row.expires_at };
			return { session, user: toUser(row) };
		},
		async setExpiry(id, expiresAt) {
			setExpiry.run(expiresAt, id);
		},
		async delete(id) {
			remove.run(id);
		},
		async deleteForUser(userId) {
			return removeForUser.run(userId).changes;
		},
		async deleteExpired(now) {
			return removeExpired.run(now).changes;
		}
	};
}

export function sqliteLoginAttempts(db: Database.Database): Storage['loginAttempts'] {
	const insert = db.prepare('INSERT INTO login_failures (key, at, attempt) VALUES (?, ?, ?)');
	const since = db.prepare<[string, number], { count: number; oldest: number | null }>(
		'SELECT COUNT(*) AS count, MIN(at) AS oldest FROM login_failures WHERE key = ? AND at > ?'
	);
	const clear = db.prepare('DELETE FROM login_failures WHERE key = ?');
	const forget = db.prepare('DELETE FROM login_failures WHERE attempt = ?');
	const prune = db.prepare('DELETE FROM login_failures WHERE at < ?');
	const reserve = db.transaction((limits: ThrottleLimit[], at: number, windowMs: number) => {
		let wait = 0;
		for (const { key, max } of limits) {
			const { count, oldest } = since.get(key, at - windowMs) ?? { count: 0, oldest: null };
			if (count >= max && oldest !== null) wait = Math.max(wait, oldest + windowMs - at, 1);
		}
		if (wait > 0) return { ok: false as const, retryAfterMs: wait };
		const attempt = randomUUID();
		for (const { key } of limits) insert.run(key, at, attempt);
		// Old attempts only matter inside the throttling window; a day is plenty.
		prune.run(at - 24 * 60 * 60 * 1000);
		return { ok: true as const, attempt };
	});
	const succeeded = db.transaction((attempt: string, clearKey: string) => {
		forget.run(attempt);
		clear.run(clearKey);
	});
	return {
		async reserve(limits, at, windowMs) {
			// IMMEDIATE: the count and the insert hold the write lock together, even across processes.
			return reserve.immediate(limits, at, windowMs);
		},
		async succeeded(attempt, clearKey) {
			succeeded(attempt, clearKey);
		},
		async failuresSince(key, sinceAt) {
			return since.get(key, sinceAt) ?? { count: 0, oldest: null };
		}
	};
}
