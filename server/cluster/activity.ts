/**
 * Who is on each plan, and what was stored, across every instance. Each instance announces its
 * own (the sync rooms' SyncActivity) on the cluster events and keeps the others' announcements,
 * so "who is here" stays a plain read. An instance killed without a goodbye drops out once its
 * lease runs out; a new or reconnected instance asks the others to announce theirs again.
 */
import type { ChangeSummary } from '../../src/lib/board/change-words.js';
import type { BoardActivity, HereListener, StoredListener } from '../../src/lib/server/board-activity.js';
import type { ClusterEvents } from './events.js';
import type { Lease } from './lease.js';

type HereEvent = { type: 'here'; boardId: string; users: string[] };
type StoredEvent = { type: 'stored'; boardId: string; writers: string[]; change: ChangeSummary };
type HelloEvent = { type: 'hello' };

const SWEEP_MS = 5_000;

export interface ClusterActivity extends BoardActivity {
	close(): void;
}

export function clusterActivity(local: BoardActivity, events: ClusterEvents, lease: Lease, onProblem: (message: string) => void): ClusterActivity {
	/** instance → board → users there. */
	const remote = new Map<string, Map<string, string[]>>();
	/** Boards this instance has announced someone on. */
	const announced = new Set<string>();
	const hereListeners = new Set<HereListener>();
	const storedListeners = new Set<StoredListener>();

	const here = (boardId: string): string[] => {
		const users = new Set(local.here(boardId));
		for (const boards of remote.values()) for (const id of boards.get(boardId) ?? []) users.add(id);
		return [...users];
	};
	const tellHere = (boardId: string) => {
		const users = here(boardId);
		for (const listener of hereListeners) listener(boardId, users);
	};
	const announce = (boardId: string) => {
		const users = [...local.here(boardId)];
		if (users.length) announced.add(boardId);
		else announced.delete(boardId);
		events.publish({ type: 'here', boardId, users } satisfies HereEvent);
	};
	const announceAll = () => {
		for (const boardId of announced) announce(boardId);
	};

	const stops = [
		local.onHere((boardId) => {
			announce(boardId);
			tellHere(boardId);
		}),
		local.onStored((boardId, stored) => {
			for (const listener of storedListeners) listener(boardId, stored);
			events.publish({ type: 'stored', boardId, writers: [...stored.writers], change: stored.summary() } satisfies StoredEvent);
		}),
		events.on<HereEvent>('here', (event, from) => {
			let boards = remote.get(from);
			if (!boards) remote.set(from, (boards = new Map()));
			if (event.users.length) boards.set(event.boardId, event.users);
			else boards.delete(event.boardId);
			tellHere(event.boardId);
		}),
		events.on<StoredEvent>('stored', (event) => {
			const stored = { writers: event.writers, summary: () => event.change };
			for (const listener of storedListeners) listener(event.boardId, stored);
		}),
		events.on<HelloEvent>('hello', () => announceAll()),
		// Announcements may have been lost while we were away: ask for them again, and repeat ours.
		events.onReconnected(() => {
			events.publish({ type: 'hello' } satisfies HelloEvent);
			announceAll();
		})
	];
	events.publish({ type: 'hello' } satisfies HelloEvent);

	const sweep = setInterval(() => {
		lease
			.alive()
			.then((alive) => {
				for (const [instance, boards] of remote) {
					if (alive.has(instance)) continue;
					remote.delete(instance);
					for (const boardId of boards.keys()) tellHere(boardId);
				}
			})
			.catch((error: Error) => onProblem(`Checking which instances are alive failed: ${error.message}`));
	}, SWEEP_MS);
	sweep.unref();

	return {
		here,
		onHere(listener) {
			hereListeners.add(listener);
			return () => hereListeners.delete(listener);
		},
		onStored(listener) {
			storedListeners.add(listener);
			return () => storedListeners.delete(listener);
		},
		close() {
			clearInterval(sweep);
			for (const stop of stops) stop();
		}
	};
}
