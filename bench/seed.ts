/**
 * Puts accounts, boards and sessions straight into a fresh data folder, so a load run needs
 * no sign-ups (hashing a thousand passwords would measure argon2, not sync).
 */
import { generateToken, hashToken } from '../src/lib/server/auth/sessions.js';
import { newId } from '../src/lib/server/ids.js';
import { openSqliteStorage } from '../server/storage/sqlite/index.js';
import type { Storage } from '../src/lib/server/storage.js';

export interface SeededBoard {
	id: string;
	/** One session token per client on this board (each a member who may write). */
	tokens: string[];
	/** The user id behind each token, in the same order: what their edits are attributed to. */
	userIds: string[];
}


/**
 * Seeds a SQLite data folder, or (given a store) any storage, such as PostgreSQL's.
 * `firstUser` numbers the accounts (their emails must differ) when seeding the same store again.
 */
export async function seed(dataDir: string | Storage, boards: number, clientsPerBoard: number, firstUser = 0): Promise<SeededBoard[]> {
	const storage = typeof dataDir === 'string' ? openSqliteStorage(dataDir) : dataDir;
	const now = Date.now();
	const result: SeededBoard[] = [];
	let user = firstUser;
	for (let b = 0; b < boards; b++) {
		const boardId = newId();
		const tokens: string[] = [];
		const userIds: string[] = [];
		let ownerId = '';
		for (let c = 0; c < clientsPerBoard; c++, user++) {
			const userId = newId();
			if (c === 0) ownerId = userId;
			await storage.users.create({ id: userId, email: `bench${user}@example.com`, name: `Bench ${user}`, passwordHash: 'not-used', createdAt: now });
			if (c === 0) await storage.boards.create({ id: boardId, personName: `Bench ${user}`, ownerId: userId, createdBy: userId, createdAt: now }, 'person', {
					at: now,
					actorId: userId,
					boardId,
					action: 'board.created',
					detail: { for: 'self' }
				});
			else {
				// Members join the way people do: an invitation, accepted.
				const invitation = { id: newId(), boardId, tokenHash: `seed-${user}`, role: 'clinician' as const, label: 'bench', createdBy: ownerId, createdAt: now, expiresAt: now + 60_000, acceptedAt: null, acceptedBy: null, withdrawnAt: null };
				const audit = { at: now, actorId: ownerId, boardId, detail: { role: 'clinician' } };
				await storage.invitations.create(invitation, { ...audit, action: 'invitation.created' });
				await storage.invitations.accept(invitation.tokenHash, userId, now, () => ({ ...audit, actorId: userId, action: 'invitation.accepted' }));
			}
			const token = generateToken();
			await storage.sessions.create({ id: hashToken(token), userId, expiresAt: now + 86_400_000 });
			tokens.push(token);
			userIds.push(userId);
		}
		result.push({ id: boardId, tokens, userIds });
	}
	await storage.close();
	return result;
}
