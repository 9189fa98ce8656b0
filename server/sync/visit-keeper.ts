/**
 * Keeps members' visits going while their plan is open: a live connection is a sign of them
 * when it opens, every few minutes while it stays open, and when it closes. Reconnects and
 * several tabs all land in the one visit (the storage decides what is one visit).
 */
import type { Storage } from '../../src/lib/server/storage.js';
import { OPEN_CONNECTION_RENEW_MS } from '../../src/lib/server/visits.js';

export interface VisitKeeper {
	opened(boardId: string, userId: string): void;
	closed(boardId: string, userId: string): void;
	stop(): void;
}

export function keepVisits(storage: Storage, onProblem: (message: string) => void, renewMs = OPEN_CONNECTION_RENEW_MS): VisitKeeper {
	/** Open connections per member on a plan, keyed "board user". */
	const open = new Map<string, number>();
	const touch = (key: string) => {
		if (!storage.isOpen()) return;
		const [boardId, userId] = key.split(' ');
		storage.visits.touch(boardId, userId, Date.now()).catch((error: Error) => onProblem(`Recording a visit failed: ${error.message}`));
	};
	const renew = setInterval(() => open.forEach((_, key) => touch(key)), renewMs);
	renew.unref();
	return {
		opened(boardId, userId) {
			const key = `${boardId} ${userId}`;
			open.set(key, (open.get(key) ?? 0) + 1);
			touch(key);
		},
		closed(boardId, userId) {
			const key = `${boardId} ${userId}`;
			const left = (open.get(key) ?? 1) - 1;
			if (left > 0) open.set(key, left);
			else open.delete(key);
			touch(key);
		},
		stop: () => clearInterval(renew)
	};
}
