/**
 * One suite for every Storage implementation (SQLite, PostgreSQL): each must keep the same
 * promises. A new implementation joins by adding its kind to tests/helpers/stores.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import path from 'node:path';
import type { AuditAction, AuditEntry, Storage } from '../../src/lib/server/storage.js';
import { openSqliteStorage, DATABASE_FILE } from '../../server/storage/sqlite/index.js';
import { APPLICATION_ID } from '../../server/storage/sqlite/identity.js';
import { MIGRATIONS } from '../../server/storage/sqlite/migrations.js';
import { tempDir } from '../helpers/server.js';
import { newTestStore, STORAGE_KINDS } from '../helpers/stores.js';
import { adminQuery, freshSchema } from '../helpers/postgres.js';
import { openPostgresStorage } from '../../server/storage/postgres/index.js';
import { MIGRATIONS as PG_MIGRATIONS } from '../../server/storage/postgres/migrations.js';

const IMPLEMENTATIONS: Record<string, () => Promise<Storage>> = Object.fromEntries(
	STORAGE_KINDS.map((kind) => [kind, async () => (await newTestStore(kind)).open()])
);

const NOW = 1_800_000_000_000;
const user = (id: string) => ({ id, email: `${id}@example.com`, name: `User ${id}`, passwordHash: 'hash', createdAt: NOW });
const invitation = (id: string, boardId: string, role: 'person' | 'clinician' = 'clinician') => ({
	id,
	boardId,
	tokenHash: `hash-${id}`,
	role,
	label: 'For someone',
	createdBy: 'u1',
	createdAt: NOW,
	expiresAt: NOW + 1000,
	acceptedAt: null,
	acceptedBy: null,
	withdrawnAt: null
});

/** An audit row to go with a change, as every audited storage method requires. */
const entry = (action: AuditAction): AuditEntry => ({ at: NOW, actorId: 'u1', boardId: 'b1', action, detail: {} });

for (const [kind, open] of Object.entries(IMPLEMENTATIONS)) {
	describe(`storage: ${kind}`, () => {
		let storage: Storage;
		afterEach(async () => storage?.close());

		async function withBoard(ownerId: string | null = 'u1') {
			storage = await open();
			for (const id of ['u1', 'u2', 'u3']) await storage.users.create(user(id));
			await storage.boards.create({ id: 'b1', personName: 'Sam', ownerId, createdBy: 'u1', createdAt: NOW }, ownerId ? 'person' : 'clinician', entry('board.created'));
		}

		it('keeps users unique by email and finds them', async () => {
			storage = await open();
			await storage.users.create(user('u1'));
			await expect(storage.users.create({ ...user('u9'), email: 'u1@example.com' })).rejects.toThrow();
			expect((await storage.users.byEmail('u1@example.com'))?.id).toBe('u1');
			expect(await storage.users.byId('nobody')).toBeNull();
		});

		it('stores sessions with their user and forgets expired ones', async () => {
			storage = await open();
			await storage.users.create(user('u1'));
			await storage.sessions.create({ id: 's1', userId: 'u1', expiresAt: NOW + 10 });
			await storage.sessions.create({ id: 's2', userId: 'u1', expiresAt: NOW - 10 });
			expect((await storage.sessions.get('s1'))?.user.email).toBe('u1@example.com');
			await storage.sessions.setExpiry('s1', NOW + 99);
			expect((await storage.sessions.get('s1'))?.session.expiresAt).toBe(NOW + 99);
			expect(await storage.sessions.deleteExpired(NOW)).toBe(1);
			expect(await storage.sessions.get('s2')).toBeNull();
		});

		it("ends every session of one user, and only theirs", async () => {
			storage = await open();
			await storage.users.create(user('u1'));
			await storage.users.create(user('u2'));
			for (const [id, userId] of [['a', 'u1'], ['b', 'u1'], ['c', 'u2']]) {
				await storage.sessions.create({ id, userId, expiresAt: NOW + 10 });
			}
			expect(await storage.sessions.deleteForUser('u1')).toBe(2);
			expect(await storage.sessions.get('a')).toBeNull();
			expect(await storage.sessions.get('b')).toBeNull();
			expect((await storage.sessions.get('c'))?.user.id).toBe('u2');
			expect(await storage.sessions.deleteForUser('u1')).toBe(0);
		});

		it('lists plans with my role and lets the database hold one person per plan', async () => {
			await withBoard();
			expect(await storage.boards.listForUser('u1')).toEqual([{ id: 'b1', personName: 'Sam', role: 'person', createdAt: NOW }]);
			expect(await storage.boards.listForUser('u2')).toEqual([]);
			await storage.invitations.create(invitation('i1', 'b1'), entry('invitation.created'));
			await storage.invitations.accept('hash-i1', 'u2', NOW, () => entry('invitation.accepted'));
			// A second person on one plan is refused by the schema itself.
			await expect(storage.members.setRole('b1', 'u2', 'person', entry('member.role_changed'))).rejects.toThrow();
			expect((await storage.members.get('b1', 'u2'))?.role).toBe('clinician');
		});

		it('accepts an invitation once, then refuses it as used', async () => {
			await withBoard();
			await storage.invitations.create(invitation('i1', 'b1'), entry('invitation.created'));
			const first = await storage.invitations.accept('hash-i1', 'u2', NOW, () => entry('invitation.accepted'));
			expect(first.ok).toBe(true);
			expect(await storage.invitations.accept('hash-i1', 'u3', NOW, () => entry('invitation.accepted'))).toEqual({ ok: false, reason: 'used' });
			expect((await storage.members.list('b1')).map((m) => [m.userId, m.role])).toEqual([
				['u1', 'person'],
				['u2', 'clinician']
			]);
		});

		it('refuses withdrawn, expired, unknown, duplicate-member and second-person invitations', async () => {
			await withBoard();
			for (const id of ['w', 'e', 'm']) await storage.invitations.create(invitation(id, 'b1'), entry('invitation.created'));
			await storage.invitations.create(invitation('p', 'b1', 'person'), entry('invitation.created'));
			await storage.invitations.withdraw('w', NOW, entry('invitation.withdrawn'));
			expect(await storage.invitations.accept('hash-w', 'u2', NOW, () => entry('invitation.accepted'))).toEqual({ ok: false, reason: 'withdrawn' });
			expect(await storage.invitations.accept('hash-e', 'u2', NOW + 1000, () => entry('invitation.accepted'))).toEqual({ ok: false, reason: 'expired' });
			expect(await storage.invitations.accept('hash-x', 'u2', NOW, () => entry('invitation.accepted'))).toEqual({ ok: false, reason: 'not_found' });
			expect(await storage.invitations.accept('hash-m', 'u1', NOW, () => entry('invitation.accepted'))).toEqual({ ok: false, reason: 'already_member' });
			expect(await storage.invitations.accept('hash-p', 'u2', NOW, () => entry('invitation.accepted'))).toEqual({ ok: false, reason: 'person_taken' });
			expect(await storage.invitations.listPending('b1', NOW)).toHaveLength(3);
		});

		it('makes whoever accepts the person invitation the owner, under their own name', async () => {
			await withBoard(null);
			await storage.invitations.create(invitation('p', 'b1', 'person'), entry('invitation.created'));
			expect((await storage.invitations.accept('hash-p', 'u2', NOW, () => entry('invitation.accepted'))).ok).toBe(true);
			expect(await storage.boards.get('b1')).toMatchObject({ ownerId: 'u2', personName: 'User u2' });
		});

		it('appends audit rows and lists a board’s newest first with the actor’s name', async () => {
			await withBoard();
			await storage.audit.append({ at: NOW, actorId: 'u1', boardId: 'b1', action: 'board.created', detail: { for: 'self' } });
			await storage.audit.append({ at: NOW + 1, actorId: 'u1', boardId: 'b1', action: 'invitation.created', detail: { role: 'clinician' } });
			const rows = await storage.audit.listForBoard('b1', 10);
			// The first is the row creating the board wrote in its own transaction.
			expect(rows.map((r) => r.action)).toEqual(['invitation.created', 'board.created', 'board.created']);
			expect(rows[1]).toMatchObject({ actorName: 'User u1', detail: { for: 'self' } });
		});

		it('reserves sign-in attempts up to each limit, refuses beyond it, and forgets one that signed in', async () => {
			storage = await open();
			const limits = [
				{ key: 'email:a', max: 2 },
				{ key: 'address:1', max: 3 }
			];
			const first = await storage.loginAttempts.reserve(limits, NOW - 5000, 60_000);
			const second = await storage.loginAttempts.reserve(limits, NOW, 60_000);
			expect(first.ok && second.ok).toBe(true);
			expect(await storage.loginAttempts.reserve(limits, NOW, 60_000)).toEqual({ ok: false, retryAfterMs: 55_000 });
			expect(await storage.loginAttempts.failuresSince('email:a', NOW - 10_000)).toEqual({ count: 2, oldest: NOW - 5000 });
			// The address has room for one more, on another account.
			expect((await storage.loginAttempts.reserve([{ key: 'email:b', max: 2 }, limits[1]], NOW, 60_000)).ok).toBe(true);
			expect((await storage.loginAttempts.reserve([{ key: 'email:c', max: 2 }, limits[1]], NOW, 60_000)).ok).toBe(false);
			if (!second.ok) throw new Error('unreachable');
			await storage.loginAttempts.succeeded(second.attempt, 'email:a');
			expect((await storage.loginAttempts.failuresSince('email:a', 0)).count).toBe(0);
			expect((await storage.loginAttempts.failuresSince('address:1', 0)).count).toBe(2);
		});
	});
}

describe('sqlite migrations', () => {
	it('bring a new file to the latest version, in WAL mode, and reopen without change', async () => {
		const dir = tempDir();
		const storage = openSqliteStorage(dir);
		await storage.close();
		const db = new Database(path.join(dir, DATABASE_FILE));
		expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
		expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
		db.close();
		const again = openSqliteStorage(dir);
		expect(again.isOpen()).toBe(true);
		await again.close();
	});

	it('refuse a database newer than the program', () => {
		const dir = tempDir();
		const db = new Database(path.join(dir, DATABASE_FILE));
		db.pragma(`application_id = ${APPLICATION_ID}`);
		db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
		db.close();
		expect(() => openSqliteStorage(dir)).toThrow(/newer than this program/);
	});
});

describe('postgres migrations', () => {
	it('bring a new schema to the latest version, and reopen without change', async () => {
		const url = await freshSchema();
		const storage = await openPostgresStorage(url);
		await storage.close();
		expect((await adminQuery(url, 'SELECT version FROM whatmatters_schema')).rows).toEqual([{ version: PG_MIGRATIONS.length }]);
		const again = await openPostgresStorage(url);
		expect(again.isOpen()).toBe(true);
		await again.close();
	});

	it('two instances starting at once migrate once', async () => {
		const url = await freshSchema();
		const both = await Promise.all([openPostgresStorage(url), openPostgresStorage(url)]);
		await Promise.all(both.map((s) => s.close()));
		expect((await adminQuery(url, 'SELECT COUNT(*)::int AS n FROM whatmatters_schema')).rows).toEqual([{ n: 1 }]);
	});

	it('refuse a database of another program, and one newer than the program', async () => {
		const foreign = await freshSchema();
		await adminQuery(foreign, 'CREATE TABLE invoices (id int)');
		await expect(openPostgresStorage(foreign)).rejects.toThrow(/tables of another program \(invoices/);
		expect((await adminQuery(foreign, "SELECT COUNT(*)::int AS n FROM information_schema.tables WHERE table_schema = current_schema()")).rows).toEqual([{ n: 1 }]);
		const newer = await freshSchema();
		await (await openPostgresStorage(newer)).close();
		await adminQuery(newer, 'UPDATE whatmatters_schema SET version = version + 1');
		await expect(openPostgresStorage(newer)).rejects.toThrow(/newer than this program/);
	});
});
