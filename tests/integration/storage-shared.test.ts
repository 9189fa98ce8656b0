/**
 * Two instances on one store (two processes on one SQLite file, or two pools on one PostgreSQL
 * database): what one instance's store promises must hold when the other writes at the same
 * moment. Sequence numbers stay unique and in order, compactions at once keep every update,
 * the sign-in limit counts both, and one invitation link admits one person.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { AuditEntry, Storage } from '../../src/lib/server/storage.js';
import { compactBoard } from '../../server/sync/compaction.js';
import { createLogger } from '../../server/log.js';
import { newTestStore, STORAGE_KINDS } from '../helpers/stores.js';

const NOW = 1_800_000_000_000;
const audit = (action: AuditEntry['action']): AuditEntry => ({ at: NOW, actorId: 'u1', boardId: 'b1', action, detail: {} });

for (const kind of STORAGE_KINDS) {
	describe(`one ${kind} store, two instances`, () => {
		let a: Storage;
		let b: Storage;
		afterEach(async () => {
			await a?.close();
			await b?.close();
		});

		async function twoInstances() {
			const store = await newTestStore(kind);
			a = await store.open();
			b = await store.open();
			for (const id of ['u1', 'u2', 'u3']) await a.users.create({ id, email: `${id}@example.com`, name: id, passwordHash: 'x', createdAt: NOW });
			await a.boards.create({ id: 'b1', personName: 'Sam', ownerId: null, createdBy: 'u1', createdAt: NOW }, 'clinician', audit('board.created'));
		}

		/** `n` small Yjs updates of one document, each typed after the one before. */
		function typing(n: number, clientId: number): Uint8Array[] {
			const doc = new Y.Doc();
			doc.clientID = clientId;
			const updates: Uint8Array[] = [];
			doc.on('update', (u: Uint8Array) => updates.push(u));
			for (let i = 0; i < n; i++) doc.getText('t').insert(i, 'x');
			return updates;
		}

		it('numbers appends from both instances uniquely and without gaps, and a load reads them all', async () => {
			await twoInstances();
			const fromA = typing(60, 1);
			const fromB = typing(60, 2);
			const write = (store: Storage, updates: Uint8Array[]) =>
				Promise.all(
					// Batches of three, all in flight at once.
					Array.from({ length: updates.length / 3 }, (_, i) =>
						store.docs.append(updates.slice(i * 3, i * 3 + 3).map((data) => ({ boardId: 'b1', data, userId: 'u1', at: NOW })))
					)
				);
			const [seqsA, seqsB] = await Promise.all([write(a, fromA), write(b, fromB)]);
			const all = [...seqsA.flat(), ...seqsB.flat()].sort((x, y) => x - y);
			expect(all).toEqual(Array.from({ length: 120 }, (_, i) => i + 1));
			// Each batch got consecutive numbers, in its own order.
			for (const batch of [...seqsA, ...seqsB]) expect(batch).toEqual([batch[0], batch[0] + 1, batch[0] + 2]);
			const stored = await b.docs.load('b1');
			expect(stored.lastSeq).toBe(120);
			const doc = new Y.Doc();
			for (const update of stored.updates) Y.applyUpdate(doc, update);
			expect(doc.getText('t').length).toBe(120);
		});

		it('two compactions of one board at once keep every update, and the newer state wins', async () => {
			await twoInstances();
			const updates = typing(80, 3);
			await a.docs.append(updates.slice(0, 40).map((data) => ({ boardId: 'b1', data, userId: 'u1', at: NOW })));
			const log = createLogger('error');
			// Both compact while more updates arrive.
			await Promise.all([
				compactBoard('b1', a, log),
				compactBoard('b1', b, log),
				b.docs.append(updates.slice(40).map((data) => ({ boardId: 'b1', data, userId: 'u2', at: NOW }))),
				compactBoard('b1', b, log)
			]);
			await compactBoard('b1', a, log);
			const stored = await a.docs.load('b1');
			expect(stored.snapshotSeq).toBe(80);
			const doc = new Y.Doc();
			if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
			for (const update of stored.updates) Y.applyUpdate(doc, update);
			expect(doc.getText('t').toString()).toBe('x'.repeat(80));
		});

		it('the sign-in limit counts attempts on both instances together, however many arrive at once', async () => {
			await twoInstances();
			const limits = [{ key: 'email:sam@example.com', max: 10 }];
			const tries = Array.from({ length: 30 }, (_, i) => (i % 2 ? a : b).loginAttempts.reserve(limits, NOW, 60_000));
			const results = await Promise.all(tries);
			expect(results.filter((r) => r.ok)).toHaveLength(10);
			expect((await a.loginAttempts.failuresSince('email:sam@example.com', 0)).count).toBe(10);
		});

		it('one invitation link admits one person, whichever instance each of them reached', async () => {
			await twoInstances();
			await a.invitations.create(
				{ id: 'i1', boardId: 'b1', tokenHash: 'h1', role: 'person', label: 'Sam', createdBy: 'u1', createdAt: NOW, expiresAt: NOW + 1000, acceptedAt: null, acceptedBy: null, withdrawnAt: null },
				audit('invitation.created')
			);
			const [first, second] = await Promise.all([
				a.invitations.accept('h1', 'u2', NOW, () => audit('invitation.accepted')),
				b.invitations.accept('h1', 'u3', NOW, () => audit('invitation.accepted'))
			]);
			expect([first.ok, second.ok].filter(Boolean)).toHaveLength(1);
			expect((await b.members.list('b1')).filter((m) => m.role === 'person')).toHaveLength(1);
		});

		it('a session made on one instance is valid on the other, and ends on both', async () => {
			await twoInstances();
			await a.sessions.create({ id: 's1', userId: 'u1', expiresAt: NOW + 1000 });
			expect((await b.sessions.get('s1'))?.user.id).toBe('u1');
			await b.sessions.delete('s1');
			expect(await a.sessions.get('s1')).toBeNull();
		});
	});
}
