/** Care plans, their members and invitations in SQLite. */
import type Database from 'better-sqlite3';
import type { Role } from '../../../src/lib/roles.js';
import type { AuditEntry, BoardRecord, InvitationRecord, MemberRecord, Storage } from '../../../src/lib/server/storage.js';
import { auditWriter } from './audit.js';

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

function toBoard(row: BoardRow): BoardRecord {
	return {
		id: row.id,
		personName: row.person_name,
		ownerId: row.owner_id,
		createdBy: row.created_by,
		createdAt: row.created_at
	};
}

function toInvitation(row: InvitationRow): InvitationRecord {
	return {
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
	};
}

export function sqliteBoards(db: Database.Database): Storage['boards'] {
	const insertBoard = db.prepare(
		`INSERT INTO boards (id, person_name, owner_id, created_by, created_at)
		 VALUES (@id, @personName, @ownerId, @createdBy, @createdAt)`
	);
	const insertMember = db.prepare('INSERT INTO memberships (board_id, user_id, role, joined_at) VALUES (?, ?, ?, ?)');
	const get = db.prepare<[string], BoardRow>('SELECT * FROM boards WHERE id = ?');
	const listForUser = db.prepare<[string], { id: string; person_name: string; role: Role; created_at: number }>(
		`SELECT b.id, b.person_name, m.role, b.created_at FROM memberships m JOIN boards b ON b.id = m.board_id
		 WHERE m.user_id = ? ORDER BY b.created_at DESC, b.id`
	);
	const audit = auditWriter(db);
	const create = db.transaction((board: BoardRecord, creatorRole: Role, entry: AuditEntry) => {
		insertBoard.run(board);
		insertMember.run(board.id, board.createdBy, creatorRole, board.createdAt);
		audit(entry);
	});
	return {
		async create(board, creatorRole, entry) {
			create(board, creatorRole, entry);
		},
		async get(id) {
			const row = get.get(id);
			return row ? toBoard(row) : null;
		},
		async listForUser(userId) {
			return listForUser
				.all(userId)
				.map((row) => ({ id: row.id, personName: row.person_name, role: row.role, createdAt: row.created_at }));
		}
	};
}

export function sqliteMembers(db: Database.Database): Storage['members'] {
	const get = db.prepare<[string, string], { board_id: string; user_id: string; role: Role; joined_at: number }>(
		'SELECT * FROM memberships WHERE board_id = ? AND user_id = ?'
	);
	const list = db.prepare<[string], { board_id: string; user_id: string; role: Role; joined_at: number; name: string; email: string }>(
		`SELECT m.*, u.name, u.email FROM memberships m JOIN users u ON u.id = m.user_id
		 WHERE m.board_id = ? ORDER BY CASE m.role WHEN 'person' THEN 0 ELSE 1 END, m.joined_at, u.name`
	);
	const audit = auditWriter(db);
	const setRole = db.transaction((role: Role, boardId: string, userId: string, entry: AuditEntry) => {
		db.prepare('UPDATE memberships SET role = ? WHERE board_id = ? AND user_id = ?').run(role, boardId, userId);
		audit(entry);
	});
	const remove = db.transaction((boardId: string, userId: string, entry: AuditEntry) => {
		db.prepare('DELETE FROM memberships WHERE board_id = ? AND user_id = ?').run(boardId, userId);
		audit(entry);
	});
	return {
		async get(boardId, userId) {
			const row = get.get(boardId, userId);
			return row ? { boardId: row.board_id, userId: row.user_id, role: row.role, joinedAt: row.joined_at } : null;
		},
		async list(boardId) {
			return list.all(boardId).map(
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
			setRole(role, boardId, userId, entry);
		},
		async remove(boardId, userId, entry) {
			remove(boardId, userId, entry);
		}
	};
}

export function sqliteInvitations(db: Database.Database): Storage['invitations'] {
	const insert = db.prepare(
		`INSERT INTO invitations (id, board_id, token_hash, role, label, created_by, created_at, expires_at, accepted_at, accepted_by, withdrawn_at)
		 VALUES (@id, @boardId, @tokenHash, @role, @label, @createdBy, @createdAt, @expiresAt, @acceptedAt, @acceptedBy, @withdrawnAt)`
	);
	const byId = db.prepare<[string], InvitationRow>('SELECT * FROM invitations WHERE id = ?');
	const byHash = db.prepare<[string], InvitationRow>('SELECT * FROM invitations WHERE token_hash = ?');
	const pending = db.prepare<[string, number], InvitationRow>(
		`SELECT * FROM invitations WHERE board_id = ? AND accepted_at IS NULL AND withdrawn_at IS NULL AND expires_at > ?
		 ORDER BY created_at`
	);
	const markAccepted = db.prepare('UPDATE invitations SET accepted_at = ?, accepted_by = ? WHERE id = ?');
	const withdraw = db.prepare('UPDATE invitations SET withdrawn_at = ? WHERE id = ? AND accepted_at IS NULL');
	const member = db.prepare('SELECT 1 FROM memberships WHERE board_id = ? AND user_id = ?');
	const hasPerson = db.prepare("SELECT 1 FROM memberships WHERE board_id = ? AND role = 'person'");
	const insertMember = db.prepare('INSERT INTO memberships (board_id, user_id, role, joined_at) VALUES (?, ?, ?, ?)');
	const setOwner = db.prepare(
		'UPDATE boards SET owner_id = ?, person_name = (SELECT name FROM users WHERE id = ?) WHERE id = ?'
	);
	const audit = auditWriter(db);
	const create = db.transaction((invitation: InvitationRecord, entry: AuditEntry) => {
		insert.run(invitation);
		audit(entry);
	});
	const withdrawWithAudit = db.transaction((id: string, now: number, entry: AuditEntry) => {
		withdraw.run(now, id);
		audit(entry);
	});
	const accept = db.transaction((tokenHash: string, userId: string, now: number, entry: (invitation: InvitationRecord) => AuditEntry) => {
		const row = byHash.get(tokenHash);
		if (!row) return { ok: false as const, reason: 'not_found' as const };
		if (row.accepted_at !== null) return { ok: false as const, reason: 'used' as const };
		if (row.withdrawn_at !== null) return { ok: false as const, reason: 'withdrawn' as const };
		if (row.expires_at <= now) return { ok: false as const, reason: 'expired' as const };
		if (member.get(row.board_id, userId)) return { ok: false as const, reason: 'already_member' as const };
		if (row.role === 'person' && hasPerson.get(row.board_id)) return { ok: false as const, reason: 'person_taken' as const };
		insertMember.run(row.board_id, userId, row.role, now);
		markAccepted.run(now, userId, row.id);
		if (row.role === 'person') setOwner.run(userId, userId, row.board_id);
		const invitation = toInvitation({ ...row, accepted_at: now, accepted_by: userId });
		audit(entry(invitation));
		return { ok: true as const, invitation };
	});
	return {
		async create(invitation, entry) {
			create(invitation, entry);
		},
		async byId(id) {
			const row = byId.get(id);
			return row ? toInvitation(row) : null;
		},
		async byTokenHash(tokenHash) {
			const row = byHash.get(tokenHash);
			return row ? toInvitation(row) : null;
		},
		async listPending(boardId, now) {
			return pending.all(boardId, now).map(toInvitation);
		},
		async accept(tokenHash, userId, now, entry) {
			return accept.immediate(tokenHash, userId, now, entry);
		},
		async withdraw(id, now, entry) {
			withdrawWithAudit(id, now, entry);
		}
	};
}
