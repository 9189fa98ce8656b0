/**
 * A plan's board record and member list, read once for a stretch of events (every stored batch
 * of typing would otherwise cost a read). Forgotten at once when membership changes (those
 * events reach every instance), and after ten seconds, so a changed name shows and a
 * membership event missed while the relay was away cannot linger.
 */
import type { BoardRecord, MemberRecord, Storage } from '../../src/lib/server/storage.js';

export interface PlanPeople {
	board: BoardRecord;
	members: MemberRecord[];
}

const KEEP_MS = 10_000;

export class MemberCache {
	private readonly entries = new Map<string, { at: number; read: Promise<PlanPeople | null> }>();

	constructor(private readonly storage: Storage) {}

	get(boardId: string): Promise<PlanPeople | null> {
		const found = this.entries.get(boardId);
		if (found && Date.now() - found.at < KEEP_MS) return found.read;
		const read = Promise.all([this.storage.boards.get(boardId), this.storage.members.list(boardId)]).then(([board, members]) =>
			board ? { board, members } : null
		);
		this.entries.set(boardId, { at: Date.now(), read });
		read.catch(() => this.entries.delete(boardId));
		if (this.entries.size > 1_000) for (const [id, e] of this.entries) if (Date.now() - e.at >= KEEP_MS) this.entries.delete(id);
		return read;
	}

	forget(boardId: string): void {
		this.entries.delete(boardId);
	}
}
