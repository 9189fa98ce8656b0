/** The append-only audit log in PostgreSQL. */
import type pg from 'pg';
import type { AuditAction, AuditEntry, AuditRecord, Storage } from '../../../src/lib/server/storage.js';
import { rows, type Queryable } from './pool.js';

/** Writes one audit row; call it inside the transaction of the change it records. */
export async function writeAudit(db: Queryable, entry: AuditEntry): Promise<void> {
	await db.query('INSERT INTO audit_log (at, actor_id, board_id, action, detail) VALUES ($1, $2, $3, $4, $5)', [
		entry.at,
		entry.actorId,
		entry.boardId,
		entry.action,
		JSON.stringify(entry.detail)
	]);
}

interface AuditRow {
	id: number;
	at: number;
	actor_id: string | null;
	board_id: string | null;
	action: AuditAction;
	detail: AuditEntry['detail'];
	actor_name: string | null;
}

export function postgresAudit(pool: pg.Pool): Storage['audit'] {
	return {
		append: (entry) => writeAudit(pool, entry),
		async listForBoard(boardId, limit) {
			const found = await rows<AuditRow>(
				pool,
				`SELECT a.*, u.name AS actor_name FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
				 WHERE a.board_id = $1 ORDER BY a.id DESC LIMIT $2`,
				[boardId, limit]
			);
			return found.map(
				(row): AuditRecord => ({
					id: row.id,
					at: row.at,
					actorId: row.actor_id,
					actorName: row.actor_name,
					boardId: row.board_id,
					action: row.action,
					detail: row.detail
				})
			);
		}
	};
}
