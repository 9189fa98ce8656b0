/** The append-only audit log in SQLite. */
import type Database from 'better-sqlite3';
import type { AuditAction, AuditEntry, AuditRecord, Storage } from '../../../src/lib/server/storage.js';

/** Writes one audit row; call it inside the transaction of the change it records. */
export function auditWriter(db: Database.Database): (entry: AuditEntry) => void {
	const insert = db.prepare('INSERT INTO audit_log (at, actor_id, board_id, action, detail) VALUES (?, ?, ?, ?, ?)');
	return (entry) => {
		insert.run(entry.at, entry.actorId, entry.boardId, entry.action, JSON.stringify(entry.detail));
	};
}

export function sqliteAudit(db: Database.Database): Storage['audit'] {
	const write = auditWriter(db);
	const list = db.prepare<
		[string, number],
		{ id: number; at: number; actor_id: string | null; board_id: string | null; action: AuditAction; detail: string; actor_name: string | null }
	>(
		`SELECT a.*, u.name AS actor_name FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
		 WHERE a.board_id = ? ORDER BY a.id DESC LIMIT ?`
	);
	return {
		async append(entry) {
			write(entry);
		},
		async listForBoard(boardId, limit) {
			return list.all(boardId, limit).map(
				(row): AuditRecord => ({
					id: row.id,
					at: row.at,
					actorId: row.actor_id,
					actorName: row.actor_name,
					boardId: row.board_id,
					action: row.action,
					detail: JSON.parse(row.detail)
				})
			);
		}
	};
}
