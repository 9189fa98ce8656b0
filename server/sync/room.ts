/**
 * One loaded board: its Y.Doc and presence, the connections editing it, and the durability
 * rule — an update is appended to storage before it is relayed to anyone. The writes of one
 * event-loop turn go to storage as one transaction; saving is never debounced.
 */
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { findUpdateProblem, getSchemaVersion, initBoard, NOT_A_MEMBER } from '../../src/lib/board/index.js';
import { CloseCode } from '../../src/lib/protocol/close-codes.js';
import type { Bus, BusMessage } from '../bus/bus.js';
import type { Logger } from '../log.js';
import type { Storage } from '../../src/lib/server/storage.js';
import { encodeAwareness, encodeAwarenessStates, encodeSyncStep1, encodeSyncStep2, encodeUpdate } from './messages.js';

/** A client connection as a room sees it. */
export interface RoomConnection {
	readonly id: number;
	readonly userId: string;
	canWrite: boolean;
	/** Awareness client ids this connection has set, removed when it closes. */
	readonly awarenessIds: Set<number>;
	send(frame: Uint8Array): void;
	close(code: number, reason: string): void;
}

export interface RoomDeps {
	storage: Storage;
	bus: Bus;
	log: Logger;
	compactEvery: number;
	/** Called once when the room stops (empty, failed or shut down), to forget it. */
	onClosed(room: BoardRoom): void;
}

// Transaction origins the room must not store or publish again.
const LOADED = Symbol('loaded from storage');
const REMOTE = Symbol('from another instance');

function isConnection(origin: unknown): origin is RoomConnection {
	return typeof origin === 'object' && origin !== null && 'userId' in origin && 'awarenessIds' in origin;
}

interface PendingUpdate {
	data: Uint8Array;
	from: RoomConnection | null;
}

export class BoardRoom {
	readonly doc = new Y.Doc();
	readonly awareness = new awarenessProtocol.Awareness(this.doc);
	readonly connections = new Set<RoomConnection>();
	private pending: PendingUpdate[] = [];
	private flushing: Promise<void> | null = null;
	private sinceCompaction = 0;
	private unsubscribe: (() => Promise<void>) | null = null;
	/** Who is on the board, for checking the user ids an update writes; refreshed on a miss. */
	private members = new Set<string>();
	private closed = false;
	private markFinished!: () => void;
	/** Resolves once a closing room has stored everything and let go of the document. */
	readonly finished = new Promise<void>((resolve) => (this.markFinished = resolve));

	private constructor(
		readonly boardId: string,
		private readonly deps: RoomDeps
	) {
		// The server is not a participant: it has no presence of its own.
		this.awareness.setLocalState(null);
		this.doc.on('update', (update: Uint8Array, origin: unknown) => this.onDocUpdate(update, origin));
		this.awareness.on('update', (change: AwarenessChange, origin: unknown) => this.onAwarenessUpdate(change, origin));
	}

	/** Loads the board from its compacted state and the updates after it. Throws if storage does. */
	static async load(boardId: string, deps: RoomDeps): Promise<BoardRoom> {
		const room = new BoardRoom(boardId, deps);
		const stored = await deps.storage.docs.load(boardId);
		room.doc.transact(() => {
			if (stored.snapshot) Y.applyUpdate(room.doc, stored.snapshot, LOADED);
			for (const update of stored.updates) Y.applyUpdate(room.doc, update, LOADED);
		}, LOADED);
		room.sinceCompaction = stored.updates.length;
		await room.refreshMembers();
		// A new board gets its schema version from the server, never from a client.
		if (getSchemaVersion(room.doc) === null) initBoard(room.doc);
		room.unsubscribe = await deps.bus.subscribe(boardId, (message) => room.onBusMessage(message));
		return room;
	}

	get isClosed(): boolean {
		return this.closed;
	}

	add(connection: RoomConnection): void {
		this.connections.add(connection);
		connection.send(encodeSyncStep1(this.doc));
		const present = [...this.awareness.getStates().keys()];
		if (present.length) connection.send(encodeAwarenessStates(this.awareness, present));
	}

	remove(connection: RoomConnection): void {
		if (!this.connections.delete(connection)) return;
		if (connection.awarenessIds.size) {
			awarenessProtocol.removeAwarenessStates(this.awareness, [...connection.awarenessIds], null);
		}
		if (this.connections.size === 0) void this.close();
	}

	/** Answers a client's state vector with what it lacks, once everything received is stored. */
	async answerSyncStep1(connection: RoomConnection, stateVector: Uint8Array): Promise<void> {
		await this.whenFlushed();
		connection.send(encodeSyncStep2(this.doc, stateVector));
	}

	private async refreshMembers(): Promise<void> {
		this.members = new Set((await this.deps.storage.members.list(this.boardId)).map((member) => member.userId));
	}

	/** Applies a writer's update if it decodes, fits the board's schema and names only members; throws otherwise. */
	async applyClientUpdate(connection: RoomConnection, update: Uint8Array): Promise<void> {
		const check = () => findUpdateProblem(update, { isMember: (id) => this.members.has(id), doc: this.doc });
		let problem = check();
		// Someone may have joined since the list was read: read it again before refusing.
		if (problem?.endsWith(NOT_A_MEMBER)) {
			await this.refreshMembers();
			if (this.closed) return;
			problem = check();
		}
		if (problem) throw new Error(problem);
		const { store } = this.doc;
		const pendingBefore = store.pendingStructs !== null || store.pendingDs !== null;
		Y.applyUpdate(this.doc, update, connection);
		// An honest client only sends what builds on what the server has. Anything else would wait
		// in memory for changes that never come: drop it (it was not applied, nor stored).
		if (!pendingBefore && (store.pendingStructs !== null || store.pendingDs !== null)) {
			store.pendingStructs = null;
			store.pendingDs = null;
			throw new Error('update depends on changes this board does not have');
		}
	}

	applyClientAwareness(connection: RoomConnection, update: Uint8Array): void {
		awarenessProtocol.applyAwarenessUpdate(this.awareness, update, connection);
	}

	sendAllAwareness(connection: RoomConnection): void {
		const present = [...this.awareness.getStates().keys()];
		connection.send(encodeAwarenessStates(this.awareness, present));
	}

	async whenFlushed(): Promise<void> {
		while (this.flushing) await this.flushing;
	}

	/** Stops the room: stores what is pending, then forgets the document. */
	async close(code: number = CloseCode.GoingAway, reason = 'closing'): Promise<void> {
		if (this.closed) return;
		this.closed = true;
		for (const connection of this.connections) connection.close(code, reason);
		this.connections.clear();
		await this.whenFlushed();
		await this.unsubscribe?.();
		this.awareness.destroy();
		this.doc.destroy();
		this.deps.onClosed(this);
		this.markFinished();
	}

	private onDocUpdate(update: Uint8Array, origin: unknown): void {
		if (origin === LOADED || origin === REMOTE) return;
		this.pending.push({ data: update, from: isConnection(origin) ? origin : null });
		this.scheduleFlush();
	}

	private scheduleFlush(): void {
		if (this.flushing) return;
		// setImmediate runs after the event loop has read every frame that arrived this turn.
		this.flushing = new Promise<void>((resolve) => setImmediate(resolve))
			.then(() => this.flush())
			.finally(() => {
				this.flushing = null;
				if (this.pending.length && !this.closed) this.scheduleFlush();
			});
	}

	private async flush(): Promise<void> {
		const batch = this.pending;
		this.pending = [];
		if (!batch.length) return;
		const { storage, bus, log } = this.deps;
		const at = Date.now();
		try {
			await storage.docs.append(batch.map((entry) => ({ boardId: this.boardId, data: entry.data, userId: entry.from?.userId ?? null, at })));
		} catch (error) {
			// The document in memory now holds updates storage does not: drop it. Every client keeps
			// its changes and sends them again when it reconnects to a room loaded from storage.
			log.error('Saving board updates failed; closing the board so nothing is relayed unsaved', {
				board: this.boardId,
				updates: batch.length,
				error: (error as Error).message
			});
			void this.close(CloseCode.StorageFailed, 'saving failed; your changes are kept and will be sent again');
			return;
		}
		for (const entry of batch) {
			bus
				.publish({ boardId: this.boardId, kind: 'update', payload: entry.data, instance: bus.instanceId, connection: entry.from?.id ?? null })
				.catch((error) => log.error('Relaying an update failed', { board: this.boardId, error: (error as Error).message }));
		}
		this.sinceCompaction += batch.length;
		if (this.sinceCompaction >= this.deps.compactEvery) await this.compact();
	}

	/** Rebuilds the compacted state from storage (not memory), so it holds exactly what is stored. */
	private async compact(): Promise<void> {
		const { storage, log } = this.deps;
		try {
			const stored = await storage.docs.load(this.boardId);
			const doc = new Y.Doc();
			doc.transact(() => {
				if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
				for (const update of stored.updates) Y.applyUpdate(doc, update);
			});
			await storage.docs.saveSnapshot(this.boardId, stored.lastSeq, Y.encodeStateAsUpdate(doc), Date.now());
			doc.destroy();
			this.sinceCompaction = 0;
		} catch (error) {
			// Compaction only speeds up loading; the update log is complete without it.
			log.warn('Compacting a board failed', { board: this.boardId, error: (error as Error).message });
		}
	}

	private onAwarenessUpdate({ added, updated, removed }: AwarenessChange, origin: unknown): void {
		if (origin === REMOTE || this.closed) return;
		if (isConnection(origin)) {
			for (const id of added) origin.awarenessIds.add(id);
			for (const id of removed) origin.awarenessIds.delete(id);
		}
		const changed = [...added, ...updated, ...removed];
		const { bus, log } = this.deps;
		const payload = awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed);
		bus
			.publish({ boardId: this.boardId, kind: 'awareness', payload, instance: bus.instanceId, connection: isConnection(origin) ? origin.id : null })
			.catch((error) => log.warn('Relaying presence failed', { board: this.boardId, error: (error as Error).message }));
	}

	private onBusMessage(message: BusMessage): void {
		if (this.closed) return;
		const fromHere = message.instance === this.deps.bus.instanceId;
		if (!fromHere) {
			try {
				if (message.kind === 'update') Y.applyUpdate(this.doc, message.payload, REMOTE);
				else awarenessProtocol.applyAwarenessUpdate(this.awareness, message.payload, REMOTE);
			} catch (error) {
				this.deps.log.error('An update from another instance could not be applied', { board: this.boardId, error: (error as Error).message });
				return;
			}
		}
		const frame = message.kind === 'update' ? encodeUpdate(message.payload) : encodeAwareness(message.payload);
		for (const connection of this.connections) {
			if (fromHere && connection.id === message.connection) continue;
			connection.send(frame);
		}
	}
}

interface AwarenessChange {
	added: number[];
	updated: number[];
	removed: number[];
}
