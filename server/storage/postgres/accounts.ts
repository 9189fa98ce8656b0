/** Users, sessions and sign-in attempts in PostgreSQL. */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { SessionRecord, Storage, UserRecord } from '../../../src/lib/server/storage.js';
import { writeAudit } from './audit.js';
import { lockKeys, one, transaction } from './pool.js';

interface UserRow {
	id: string;
	email: string;
	name: string;
	password_hash: string;
	created_at: number;
}

const toUser = (row: UserRow): UserRecord => ({
	id: row.id,
	email: row.email,
	name: row.name,
	passwordHash: row.password_hash,
	createdAt: row.created_at
});

const DAY = 24 * 60 * 60 * 1000;

export function postgresUsers(pool: pg.Pool): Storage['users'] {
	return {
		async create(user, entry) {
			await transaction(pool, async (db) => {
				await db.query('INSERT INTO users (id, email, name, password_hash, created_at) VALUES ($1, $2, $3, $4, $5)', [
					user.id,
					user.email,
					user.name,
					user.passwordHash,
					user.createdAt
				]);
				if (entry) await writeAudit(db, entry);
			});
		},
		async byEmail(email) {
			const row = await one<UserRow>(pool, 'SELECT * FROM users WHERE email = $1', [email]);
			return row ? toUser(row) : null;
		},
		async byId(id) {
			const row = await one<UserRow>(pool, 'SELECT * FROM users WHERE id = $1', [id]);
			return row ? toUser(row) : null;
		}
	};
}

export function postgresSessions(pool: pg.Pool): Storage['sessions'] {
	return {
		async create(session, entry) {
			await transaction(pool, async (db) => {
				await db.query('INSERT INTO sessions (id, user_id, expires_at) VALUES ($1, $2, $3)', [session.id, session.userId, session.expiresAt]);
				if (entry) await writeAudit(db, entry);
			});
		},
		async get(id) {
			const row = await one<UserRow & { session_id: string; user_id: string; expires_at: number }>(
				pool,
				`SELECT s.id AS session_id, s.user_id, s.expires_at, u.*
				 FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = $1`,
				[id]
			);
			if (!row) return null;
			const session: SessionRecord = { id: row.session_id, userId: row.user_id, expiresAt: row.expires_at };
			return { session, user: toUser(row) };
		},
		async setExpiry(id, expiresAt) {
			await pool.query('UPDATE sessions SET expires_at = $1 WHERE id = $2', [expiresAt, id]);
		},
		async delete(id) {
			await pool.query('DELETE FROM sessions WHERE id = $1', [id]);
		},
		async deleteForUser(userId) {
			return (await pool.query('DELETE FROM sessions WHERE user_id = $1', [userId])).rowCount ?? 0;
		},
		async deleteExpired(now) {
			return (await pool.query('DELETE FROM sessions WHERE expires_at <= $1', [now])).rowCount ?? 0;
		}
	};
}

/**
 * Sign-in attempts are shared by every instance: the count and the insert run in one
 * transaction holding a lock per key (taken in one order), so parallel requests reaching
 * different instances are counted one after another, as SQLite's write lock counts them.
 */
export function postgresLoginAttempts(pool: pg.Pool): Storage['loginAttempts'] {
	const since = (db: pg.PoolClient | pg.Pool, key: string, after: number) =>
		one<{ count: number; oldest: number | null }>(db, 'SELECT COUNT(*) AS count, MIN(at) AS oldest FROM login_failures WHERE key = $1 AND at > $2', [
			key,
			after
		]).then((row) => row ?? { count: 0, oldest: null });
	return {
		async reserve(limits, at, windowMs) {
			return transaction(pool, async (db) => {
				await lockKeys(
					db,
					limits.map((limit) => `login:${limit.key}`)
				);
				let wait = 0;
				for (const { key, max } of limits) {
					const { count, oldest } = await since(db, key, at - windowMs);
					if (count >= max && oldest !== null) wait = Math.max(wait, oldest + windowMs - at, 1);
				}
				if (wait > 0) return { ok: false as const, retryAfterMs: wait };
				const attempt = randomUUID();
				await db.query('INSERT INTO login_failures (key, at, attempt) SELECT key, $2, $3 FROM unnest($1::text[]) AS key', [
					limits.map((limit) => limit.key),
					at,
					attempt
				]);
				// Old attempts only matter inside the throttling window; a day is plenty.
				await db.query('DELETE FROM login_failures WHERE at < $1', [at - DAY]);
				return { ok: true as const, attempt };
			});
		},
		async succeeded(attempt, clearKey) {
			await transaction(pool, async (db) => {
				await db.query('DELETE FROM login_failures WHERE attempt = $1', [attempt]);
				await db.query('DELETE FROM login_failures WHERE key = $1', [clearKey]);
			});
		},
		failuresSince: (key, after) => since(pool, key, after)
	};
}
