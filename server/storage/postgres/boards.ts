/** Care plans, their members and invitations in PostgreSQL. */
import type pg from 'pg';
import type { Role } from '../../../src/lib/roles.js';
import type { BoardRecord, InvitationRecord, MemberRecord, Storage } from '../../../src/lib/server/storage.js';
import { writeAudit } from './audit.js';
import { one, rows, transaction } from './pool.js';

interface BoardRow {
	id: string;
	person_name: string;
	owner_id: string | null;
	created_by: string;
	created_at: number;
}

interface InvitationRow {
	id: string;
	board_id: string;
	token_hash: string;
	role: Role;
	label: string;
	created_by: string;
	created_at: number;
	expires_at: number;
	accepted_at: number | null;
	accepted_by: string | null;
	withdrawn_at: number | null;
}

const toBoard = (row: BoardRow): BoardRecord => ({
	id: row.id,
	personName: row.person_name,
	ownerId: row.owner_id,
	createdBy: row.created_by,
	createdAt: row.created_at
});

const toInvitation = (row: InvitationRow): InvitationRecord => ({
	id: row.id,
	boardId: row.board_id,
	tokenHash: row.token_hash,
	role: row.role,
	label: row.label,
	createdBy: row.created_by,
	createdAt: row.created_at,
	expiresAt: row.expires_at,
	acceptedAt: row.accepted_at,
	acceptedBy: row.accepted_by,
	withdrawnAt: row.withdrawn_at
});

export function postgresBoards(pool: pg.Pool): Storage['boards'] {
	return {
		async create(board, creatorRole, entry) {
			await transaction(pool, async (db) => {
				await db.query('INSERT INTO boards (id, person_name, owner_id, created_by, created_at) VALUES ($1, $2, $3, $4, $5)', [
					board.id,
					board.personName,
					board.ownerId,
					board.createdBy,
					board.createdAt
				]);
				await db.query('INSERT INTO board_heads (board_id) VALUES ($1)', [board.id]);
				await db.query('INSERT INTO memberships (board_id, user_id, role, joined_at) VALUES ($1, $2, $3, $4)', [
					board.id,
					board.createdBy,
					creatorRole,
					board.createdAt
				]);
				await writeAudit(db, entry);
			});
		},
		async get(id) {
			const row = await one<BoardRow>(pool, 'SELECT * FROM boards WHERE id = $1', [id]);
			return row ? toBoard(row) : null;
		},
		async listForUser(userId) {
			const found = await rows<{ id: string; person_name: string; role: Role; created_at: number }>(
				pool,
				`SELECT b.id, b.person_name, m.role, b.created_at FROM memberships m JOIN boards b ON b.id = m.board_id
				 WHERE m.user_id = $1 ORDER BY b.created_at DESC, b.id`,
				[userId]
			);
			return found.map((row) => ({ id: row.id, personName: row.person_name, role: row.role, createdAt: row.created_at }));
		}
	};
}

export function postgresMembers(pool: pg.Pool): Storage['members'] {
	return {
		async get(boardId, userId) {
			const row = await one<{ board_id: string; user_id: string; role: Role; joined_at: number }>(
				pool,
				'SELECT * FROM memberships WHERE board_id = $1 AND user_id = $2',
				[boardId, userId]
			);
			return row ? { boardId: row.board_id, userId: row.user_id, role: row.role, joinedAt: row.joined_at } : null;
		},
		async list(boardId) {
			const found = await rows<{ board_id: string; user_id: string; role: Role; joined_at: number; name: string; email: string }>(
				pool,
				`SELECT m.*, u.name, u.email FROM memberships m JOIN users u ON u.id = m.user_id
				 WHERE m.board_id = $1 ORDER BY CASE m.role WHEN 'person' THEN 0 ELSE 1 END, m.joined_at, u.name`,
				[boardId]
			);
			return found.map(
				(row): MemberRecord => ({
					boardId: row.board_id,
					userId: row.user_id,
					role: row.role,
					joinedAt: row.joined_at,
					name: row.name,
					email: row.email
				})
			);
		},
		async setRole(boardId, userId, role, entry) {
			await transaction(pool, async (db) => {
				await db.query('UPDATE memberships SET role = $1 WHERE board_id = $2 AND user_id = $3', [role, boardId, userId]);
				await writeAudit(db, entry);
			});
		},
		async remove(boardId, userId, entry) {
			await transaction(pool, async (db) => {
				await db.query('DELETE FROM memberships WHERE board_id = $1 AND user_id = $2', [boardId, userId]);
				await writeAudit(db, entry);
			});
		}
	};
}

export function postgresInvitations(pool: pg.Pool): Storage['invitations'] {
	return {
		async create(invitation, entry) {
			await transaction(pool, async (db) => {
				await db.query(
					`INSERT INTO invitations (id, board_id, token_hash, role, label, created_by, created_at, expires_at, accepted_at, accepted_by, withdrawn_at)
					 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
					[
						invitation.id,
						invitation.boardId,
						invitation.tokenHash,
						invitation.role,
						invitation.label,
						invitation.createdBy,
						invitation.createdAt,
						invitation.expiresAt,
						invitation.acceptedAt,
						invitation.acceptedBy,
						invitation.withdrawnAt
					]
				);
				await writeAudit(db, entry);
			});
		},
		async byId(id) {
			const row = await one<InvitationRow>(pool, 'SELECT * FROM invitations WHERE id = $1', [id]);
			return row ? toInvitation(row) : null;
		},
		async byTokenHash(tokenHash) {
			const row = await one<InvitationRow>(pool, 'SELECT * FROM invitations WHERE token_hash = $1', [tokenHash]);
			return row ? toInvitation(row) : null;
		},
		async listPending(boardId, now) {
			const found = await rows<InvitationRow>(
				pool,
				`SELECT * FROM invitations WHERE board_id = $1 AND accepted_at IS NULL AND withdrawn_at IS NULL AND expires_at > $2
				 ORDER BY created_at`,
				[boardId, now]
			);
			return found.map(toInvitation);
		},
		async accept(tokenHash, userId, now, entry) {
			return transaction(pool, async (db) => {
				// Lock the link, then its plan: two people racing for one link, or for the person's
				// place through two links, are decided one after the other.
				const row = await one<InvitationRow>(db, 'SELECT * FROM invitations WHERE token_hash = $1 FOR UPDATE', [tokenHash]);
				if (!row) return { ok: false as const, reason: 'not_found' as const };
				await db.query('SELECT 1 FROM boards WHERE id = $1 FOR NO KEY UPDATE', [row.board_id]);
				if (row.accepted_at !== null) return { ok: false as const, reason: 'used' as const };
				if (row.withdrawn_at !== null) return { ok: false as const, reason: 'withdrawn' as const };
				if (row.expires_at <= now) return { ok: false as const, reason: 'expired' as const };
				if (await one(db, 'SELECT 1 FROM memberships WHERE board_id = $1 AND user_id = $2', [row.board_id, userId])) {
					return { ok: false as const, reason: 'already_member' as const };
				}
				if (row.role === 'person' && (await one(db, "SELECT 1 FROM memberships WHERE board_id = $1 AND role = 'person'", [row.board_id]))) {
					return { ok: false as const, reason: 'person_taken' as const };
				}
				await db.query('INSERT INTO memberships (board_id, user_id, role, joined_at) VALUES ($1, $2, $3, $4)', [row.board_id, userId, row.role, now]);
				await db.query('UPDATE invitations SET accepted_at = $1, accepted_by = $2 WHERE id = $3', [now, userId, row.id]);
				if (row.role === 'person') {
					await db.query('UPDATE boards SET owner_id = $1, person_name = (SELECT name FROM users WHERE id = $1) WHERE id = $2', [userId, row.board_id]);
				}
				const invitation = toInvitation({ ...row, accepted_at: now, accepted_by: userId });
				await writeAudit(db, entry(invitation));
				return { ok: true as const, invitation };
			});
		},
		async withdraw(id, now, entry) {
			await transaction(pool, async (db) => {
				await db.query('UPDATE invitations SET withdrawn_at = $1 WHERE id = $2 AND accepted_at IS NULL', [now, id]);
				await writeAudit(db, entry);
			});
		}
	};
}
