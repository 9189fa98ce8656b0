/**
 * The boards loaded in this process: one room per board, loaded on first connection,
 * unloaded when its last connection closes. Concurrent first connections share one load.
 * Loading, joining and closing are one lifecycle: `join` adds a connection in the same turn in
 * which it sees the room open, and a room closes only when its last connection leaves, so no
 * connection can join a room that is closing (its edits would be neither stored nor relayed).
 */
import { BoardRoom, type RoomConnection, type RoomDeps } from './room.js';

export type RoomRegistryDeps = Omit<RoomDeps, 'onClosed'>;

export class RoomRegistry {
	private readonly rooms = new Map<string, Promise<BoardRoom>>();

	constructor(private readonly deps: RoomRegistryDeps) {}

	/**
	 * Joins a connection to the board's room, loading it if needed. `connect` makes the connection
	 * for the room it joins, or returns null if it no longer wants one (its socket went away).
	 * Rejects if loading fails: never an empty board.
	 */
	async join<C extends RoomConnection>(boardId: string, connect: (room: BoardRoom) => C | null): Promise<C | null> {
		for (;;) {
			const room = await this.acquire(boardId);
			// It is unloading: wait until it has stored everything, then load it afresh.
			if (room.isClosed) {
				await room.finished;
				continue;
			}
			// No await between the check above and add(): the room cannot close in between.
			const connection = connect(room);
			if (connection) room.add(connection);
			else if (room.connections.size === 0) void room.close();
			return connection;
		}
	}

	private acquire(boardId: string): Promise<BoardRoom> {
		const existing = this.rooms.get(boardId);
		if (existing) return existing;
		const forget = () => {
			if (this.rooms.get(boardId) === loading) this.rooms.delete(boardId);
		};
		const loading = BoardRoom.load(boardId, { ...this.deps, onClosed: forget });
		this.rooms.set(boardId, loading);
		loading.catch(forget);
		return loading;
	}

	async closeAll(code: number, reason: string): Promise<void> {
		const rooms = await Promise.allSettled([...this.rooms.values()]);
		// A room already closing returns from close() at once: wait until it has stored everything too.
		await Promise.all(rooms.map((r) => (r.status === 'fulfilled' ? r.value.close(code, reason).then(() => r.value.finished) : undefined)));
	}
}
