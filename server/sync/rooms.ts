/**
 * The boards loaded in this process: one room per board, loaded on first connection,
 * unloaded when its last connection closes. Concurrent first connections share one load.
 */
import type { Bus } from '../bus/bus.js';
import type { Logger } from '../log.js';
import type { Storage } from '../../src/lib/server/storage.js';
import { BoardRoom } from './room.js';

export interface RoomRegistryDeps {
	storage: Storage;
	bus: Bus;
	log: Logger;
	compactEvery: number;
}

export class RoomRegistry {
	private readonly rooms = new Map<string, Promise<BoardRoom>>();

	constructor(private readonly deps: RoomRegistryDeps) {}

	/** The board's room, loading it if needed. Rejects if loading fails: never an empty board. */
	async acquire(boardId: string): Promise<BoardRoom> {
		for (;;) {
			const existing = this.rooms.get(boardId);
			if (existing) {
				const room = await existing;
				if (!room.isClosed) return room;
				// It is unloading: wait until it has stored everything, then load it afresh.
				await room.finished;
				continue;
			}
			const loading = BoardRoom.load(boardId, {
				...this.deps,
				onClosed: () => {
					if (this.rooms.get(boardId) === loading) this.rooms.delete(boardId);
				}
			});
			this.rooms.set(boardId, loading);
			loading.catch(() => {
				if (this.rooms.get(boardId) === loading) this.rooms.delete(boardId);
			});
			return loading;
		}
	}

	async closeAll(code: number, reason: string): Promise<void> {
		const rooms = await Promise.allSettled([...this.rooms.values()]);
		await Promise.all(rooms.map((r) => (r.status === 'fulfilled' ? r.value.close(code, reason) : undefined)));
	}
}
