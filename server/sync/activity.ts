/**
 * The sync rooms' side of BoardActivity: rooms report connections coming and going and
 * updates stored; listeners hear who is on each plan and what was stored.
 */
import { summarizeChanges, type ChangeSummary } from '../../src/lib/board/change-summary.js';
import type { BoardActivity, HereListener, StoredListener } from '../../src/lib/server/board-activity.js';

export class SyncActivity implements BoardActivity {
	/** board → user → open connections. */
	private readonly open = new Map<string, Map<string, number>>();
	private readonly hereListeners = new Set<HereListener>();
	private readonly storedListeners = new Set<StoredListener>();

	here(boardId: string): readonly string[] {
		return [...(this.open.get(boardId)?.keys() ?? [])];
	}

	onHere(listener: HereListener): () => void {
		this.hereListeners.add(listener);
		return () => this.hereListeners.delete(listener);
	}

	onStored(listener: StoredListener): () => void {
		this.storedListeners.add(listener);
		return () => this.storedListeners.delete(listener);
	}

	/** A room took a connection of this user. */
	connected(boardId: string, userId: string): void {
		let users = this.open.get(boardId);
		if (!users) this.open.set(boardId, (users = new Map()));
		const count = users.get(userId) ?? 0;
		users.set(userId, count + 1);
		if (count === 0) this.tellHere(boardId);
	}

	/** A room let a connection of this user go. */
	disconnected(boardId: string, userId: string): void {
		const users = this.open.get(boardId);
		const count = users?.get(userId);
		if (!users || count === undefined) return;
		if (count > 1) return void users.set(userId, count - 1);
		users.delete(userId);
		if (users.size === 0) this.open.delete(boardId);
		this.tellHere(boardId);
	}

	/** A room stored updates; those with a sender are reported. */
	stored(boardId: string, changes: readonly { userId: string | null; data: Uint8Array }[]): void {
		const fromMembers = changes.filter((c): c is { userId: string; data: Uint8Array } => c.userId !== null);
		if (!fromMembers.length) return;
		let summary: ChangeSummary | null = null;
		const stored = {
			writers: [...new Set(fromMembers.map((c) => c.userId))],
			summary: () => (summary ??= summarizeChanges(fromMembers.map((c) => c.data)))
		};
		for (const listener of this.storedListeners) safely(() => listener(boardId, stored));
	}

	private tellHere(boardId: string): void {
		const users = this.here(boardId);
		for (const listener of this.hereListeners) safely(() => listener(boardId, users));
	}
}

/** A listener's failure must never reach the room that reported. */
function safely(run: () => void): void {
	try {
		run();
	} catch {
		// Listeners log their own failures.
	}
}
