/**
 * One loaded board: its Y.Doc and presence, the connections editing it, and the durability
 * rule — an update is appended to storage before it is relayed to anyone. The writes of one
 * event-loop turn go to storage as one transaction; saving is never debounced.
 */
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { checkUpdate, getSchemaVersion, initBoard, keepDeletedAttribution, type UpdateRefusal } from '../../src/lib/board/index.js';
import { CloseCode } from '../../src/lib/protocol/close-codes.js';
import type { MembershipEvents } from '../../src/lib/server/membership-events.js';
import type { Bus, BusMessage } from '../bus/bus.js';
import type { Logger } from '../log.js';
import type { Storage } from '../../src/lib/server/storage.js';
import { BoardCatchUp } from './catch-up.js';
import { compactBoard } from './compaction.js';
import { catchUpInBackground } from '../../src/lib/server/history.js';
import { encodeAwareness, encodeAwarenessStates, encodeSyncStep1, encodeSyncStep2, encodeUpdate, type AwarenessEntry } from './messages.js';
import { PlanBudget } from './plan-budget.js';
import { filterPresence } from './presence-filter.js';
import type { SyncActivity } from './activity.js';
import { PresenceRelay } from './presence-relay.js';
import { applyAwarenessEntries } from './awareness-apply.js';
import { RoomMembers } from './room-members.js';
import { UpdateRefused } from './update-refusal.js';

/** A client connection as a room sees it. */
export interface RoomConnection {
	readonly id: number;
	readonly userId: string;
	canWrite: boolean;
	/** May this connection see who else is here? (Supporters may not see the member list.) */
	canSeePeople: boolean;
	/** Awareness client ids this connection has set, removed when it closes. */
	readonly awarenessIds: Set<number>;
	send(frame: Uint8Array): void;
	close(code: number, reason: string): void;
}

/** The limits a room enforces (see docs/sync-protocol.md). */
export interface RoomLimits {
	/** Stored updates between two compactions. */
	compactEvery: number;
	/** The byte budget of one update. */
	maxUpdateBytes: number;
	/** The byte budget of a plan's document. */
	maxPlanBytes: number;
}

export interface RoomDeps {
	storage: Storage;
	bus: Bus;
	log: Logger;
	membership: MembershipEvents;
	limits: RoomLimits;
	/** Told who comes and goes and what was stored, for the app's live events. */
	activity?: SyncActivity;
	/** Called once when the room stops (empty, failed or shut down), to forget it. */
	onClosed(room: BoardRoom): void;
}

// Transaction origins the room must not store or publish again.
const LOADED = Symbol('loaded from storage');
const REMOTE = Symbol('from another instance');
/** With several instances, how often an open board compares its last update with storage's (see catch-up.ts). */
const RECONCILE_MS = 10_000;

function isConnection(origin: unknown): origin is RoomConnection {
	return typeof origin === 'object' && origin !== null && 'userId' in origin && 'awarenessIds' in origin;
}

interface PendingUpdate {
	data: Uint8Array;
	from: RoomConnection | null;
}

export class BoardRoom {
	// Deleted items keep their attribution (ids only), so putting one back can be checked.
	readonly doc = new Y.Doc({ gcFilter: keepDeletedAttribution });
	readonly awareness = new awarenessProtocol.Awareness(this.doc);
	readonly connections = new Set<RoomConnection>();
	private pending: PendingUpdate[] = [];
	private flushing: Promise<void> | null = null;
	private sinceCompaction = 0;
	/** The compaction running now, if any: one at a time per room. */
	private compacting: Promise<void> | null = null;
	private unsubscribe: (() => Promise<void>) | null = null;
	private stopMembership: (() => void) | null = null;
	private readonly members: RoomMembers;
	private budget!: PlanBudget;
	/** Which stored updates the document holds; reads storage when some went missing on the bus. */
	private catchUp!: BoardCatchUp;
	/** Which connection (or another instance) speaks for each awareness id: nobody may change another's presence. */
	private readonly presenceOwners = new Map<number, RoomConnection | typeof REMOTE>();
	/** Every awareness id each connection has ever used, capped, so presence cannot grow without end. */
	private readonly presenceIdsUsed = new WeakMap<RoomConnection, Set<number>>();
	private closed = false;
	private readonly presenceRelay = new PresenceRelay(
		(ids, from) => this.publishPresence(ids, from),
		(id) => this.awareness.states.has(id)
	);
	private markFinished!: () => void;
	/** Resolves once a closing room has stored everything and let go of the document. */
	readonly finished = new Promise<void>((resolve) => (this.markFinished = resolve));

	private constructor(
		readonly boardId: string,
		private readonly deps: RoomDeps
	) {
		this.members = new RoomMembers(boardId, deps.storage);
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
		room.catchUp = new BoardCatchUp(boardId, stored.lastSeq, {
			storage: deps.storage,
			apply: (updates) => room.applyStored(updates),
			fail: (error) => room.failCatchUp(error)
		});
		const storedBytes = (stored.snapshot?.length ?? 0) + stored.updates.reduce((sum, update) => sum + update.length, 0);
		room.budget = new PlanBudget(room.doc, deps.limits.maxPlanBytes, storedBytes);
		// Listen before reading, so a change made during the read is not missed.
		room.stopMembership = deps.membership.listen((changedBoard) => {
			if (changedBoard === boardId && !room.closed) void room.members.refresh().catch((error) => room.logMembersFailure(error));
		});
		try {
			await room.members.refresh();
			// A new board gets its schema version from the server, never from a client.
			if (getSchemaVersion(room.doc) === null) initBoard(room.doc);
			room.unsubscribe = await deps.bus.subscribe(
				boardId,
				(message) => room.onBusMessage(message),
				() => void room.catchUp.now()
			);
			if (deps.bus.shared) {
				// Other instances may have stored updates between our read and our subscription,
				room.catchUp.watch(RECONCILE_MS, (error) => deps.log.warn('Comparing a board with storage failed', { board: boardId, error: error.message }));
				// and their people's presence went by before we listened.
				room.askForPresence();
			}
		} catch (error) {
			room.stopMembership();
			throw error;
		}
		return room;
	}

	get isClosed(): boolean {
		return this.closed;
	}

	/**
	 * Adds a connection to an open room. Only the registry calls it, in the same turn in which it
	 * saw the room open, so a connection can never join a room that is closing (see rooms.ts).
	 */
	add(connection: RoomConnection): void {
		if (this.closed) throw new Error('a closed room cannot take connections');
		this.connections.add(connection);
		this.deps.activity?.connected(this.boardId, connection.userId);
		connection.send(encodeSyncStep1(this.doc));
		if (connection.canSeePeople) this.sendAllAwareness(connection);
	}

	remove(connection: RoomConnection): void {
		if (!this.connections.delete(connection)) return;
		this.deps.activity?.disconnected(this.boardId, connection.userId);
		const ids = [...connection.awarenessIds];
		for (const id of ids) this.presenceOwners.delete(id);
		if (ids.length) awarenessProtocol.removeAwarenessStates(this.awareness, ids, null);
		// Forget the clocks of windows that have gone, or they would pile up for as long as the room lives.
		for (const id of this.presenceIdsUsed.get(connection) ?? []) this.awareness.meta.delete(id);
		if (this.connections.size === 0) void this.close();
	}

	/** Answers a client's state vector with what it lacks, once everything received is stored. */
	async answerSyncStep1(connection: RoomConnection, stateVector: Uint8Array): Promise<void> {
		await this.whenFlushed();
		connection.send(encodeSyncStep2(this.doc, stateVector));
	}

	/** Reads the member list again (a change made where no event reaches this process). */
	refreshMembers(): Promise<void> {
		return this.members.refresh();
	}

	private logMembersFailure(error: unknown): void {
		this.deps.log.warn('Reading who is on a board failed', { board: this.boardId, error: (error as Error).message });
	}

	/** The full check (src/lib/board/update-check), with one fresh read of the member list before refusing a name. */
	private async check(connection: RoomConnection, update: Uint8Array): Promise<UpdateRefusal | null> {
		const context = () => ({ doc: this.doc, writer: this.members.writer(connection.userId), maxUpdateBytes: this.deps.limits.maxUpdateBytes });
		const refusal = checkUpdate(update, context());
		if (refusal?.kind !== 'not-a-member') return refusal;
		// Someone may have joined since the list was read: read it again before refusing.
		if (!(await this.members.refreshIfStale())) return refusal;
		return checkUpdate(update, context());
	}

	/**
	 * Applies a writer's update if it passes the full check and fits the plan's budget.
	 * @throws UpdateRefused with the close code the sender gets.
	 */
	async applyClientUpdate(connection: RoomConnection, update: Uint8Array): Promise<void> {
		if (!this.members.has(connection.userId)) await this.members.refreshIfStale();
		if (!this.members.has(connection.userId)) throw new UpdateRefused(CloseCode.Forbidden, 'no longer on this plan');
		const refusal = await this.check(connection, update);
		if (this.closed) return;
		if (refusal) throw UpdateRefused.from(refusal);
		if (!this.budget.allows(update.length)) {
			throw new UpdateRefused(CloseCode.PlanFull, `this plan has reached its size limit (${this.budget.maxBytes} bytes)`);
		}
		const { store } = this.doc;
		const pendingBefore = store.pendingStructs !== null || store.pendingDs !== null;
		try {
			Y.applyUpdate(this.doc, update, connection);
		} catch (error) {
			throw new UpdateRefused(CloseCode.Malformed, `an update Yjs cannot apply: ${(error as Error).message}`);
		}
		// The check finds most of these first. Anything left would wait in memory for changes that
		// may never come: drop it (it was not applied, nor stored); the client resends on reconnect.
		if (!pendingBefore && (store.pendingStructs !== null || store.pendingDs !== null)) {
			store.pendingStructs = null;
			store.pendingDs = null;
			throw UpdateRefused.from({ kind: 'missing', message: 'builds on changes this plan does not have' });
		}
		this.budget.add(update.length);
	}

	/** Applies the part of a presence update (its entries) the connection may make, rebuilt from the member list. */
	applyClientAwareness(connection: RoomConnection, entries: readonly AwarenessEntry[]): void {
		if (this.closed || !this.connections.has(connection)) return;
		let used = this.presenceIdsUsed.get(connection);
		if (!used) this.presenceIdsUsed.set(connection, (used = new Set()));
		const sender = { awarenessIds: connection.awarenessIds, idsUsed: used, user: this.members.presenceUser(connection.userId) };
		const owner = (id: number) => this.presenceOwners.get(id);
		const allowed = filterPresence(entries, sender, (id) => owner(id) !== undefined && owner(id) !== connection);
		if (allowed) applyAwarenessEntries(this.awareness, allowed, connection);
	}

	sendAllAwareness(connection: RoomConnection): void {
		const present = [...this.awareness.getStates().keys()];
		if (present.length) connection.send(encodeAwarenessStates(this.awareness, present));
	}

	async whenFlushed(): Promise<void> {
		while (this.flushing) await this.flushing;
	}

	/** Stops the room: stores what is pending, then forgets the document. */
	async close(code: number = CloseCode.GoingAway, reason = 'closing'): Promise<void> {
		if (this.closed) return;
		this.closed = true;
		this.presenceRelay.stop();
		this.catchUp.stop();
		for (const connection of this.connections) {
			connection.close(code, reason);
			this.deps.activity?.disconnected(this.boardId, connection.userId);
		}
		this.connections.clear();
		this.stopMembership?.();
		await this.whenFlushed();
		await this.compacting;
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
		let seqs: number[];
		try {
			seqs = await storage.docs.append(batch.map((entry) => ({ boardId: this.boardId, data: entry.data, userId: entry.from?.userId ?? null, at })));
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
		this.deps.activity?.stored(this.boardId, batch.map((entry) => ({ userId: entry.from?.userId ?? null, data: entry.data })));
		for (const seq of seqs) this.catchUp.mark(seq);
		for (const [i, entry] of batch.entries()) {
			bus
				.publish({ boardId: this.boardId, kind: 'update', payload: entry.data, instance: bus.instanceId, connection: entry.from?.id ?? null, seq: seqs[i] })
				.catch((error) => log.error('Relaying an update failed', { board: this.boardId, error: (error as Error).message }));
		}
		this.sinceCompaction += batch.length;
		// Not awaited: the next batch is stored and relayed while the compacted state is built.
		if (this.sinceCompaction >= this.deps.limits.compactEvery && !this.compacting) {
			this.compacting = this.compact().finally(() => (this.compacting = null));
		}
	}

	private async compact(): Promise<void> {
		const counted = this.sinceCompaction;
		if ((await compactBoard(this.boardId, this.deps.storage, this.deps.log)) === null) return;
		this.sinceCompaction -= counted;
		// History entries are derived here, after the updates are stored and relayed and never
		// awaited, so nobody opening the history waits on a long log (docs/history.md).
		catchUpInBackground(this.deps.log)(this.deps.storage, this.boardId);
	}

	private onAwarenessUpdate({ added, updated, removed }: AwarenessChange, origin: unknown): void {
		if (this.closed) return;
		if (origin === REMOTE) {
			// Windows on other instances belong to their connections there: no one here may change them.
			for (const id of added) this.presenceOwners.set(id, REMOTE);
			for (const id of removed) this.presenceOwners.delete(id);
			return;
		}
		if (isConnection(origin)) {
			for (const id of added) {
				origin.awarenessIds.add(id);
				this.presenceIdsUsed.get(origin)?.add(id);
				this.presenceOwners.set(id, origin);
			}
			for (const id of removed) {
				origin.awarenessIds.delete(id);
				this.presenceOwners.delete(id);
			}
		}
		this.presenceRelay.leftNow(removed, isConnection(origin) ? origin.id : null);
		this.presenceRelay.changedNow([...added, ...updated]);
	}

	private publishPresence(ids: number[], connection: number | null): void {
		const { bus, log } = this.deps;
		const payload = awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids);
		bus
			.publish({ boardId: this.boardId, kind: 'awareness', payload, instance: bus.instanceId, connection })
			.catch((error) => log.warn('Relaying presence failed', { board: this.boardId, error: (error as Error).message }));
	}

	private askForPresence(): void {
		const { bus, log } = this.deps;
		bus
			.publish({ boardId: this.boardId, kind: 'presence-query', payload: new Uint8Array(0), instance: bus.instanceId, connection: null })
			.catch((error) => log.warn('Asking for presence failed', { board: this.boardId, error: (error as Error).message }));
	}

	/** Another instance opened the board: tells it where our connections' people are. */
	private answerPresenceQuery(): void {
		const ours = [...this.presenceOwners].filter(([id, owner]) => owner !== REMOTE && this.awareness.states.has(id)).map(([id]) => id);
		if (ours.length) this.publishPresence(ours, null);
	}

	/** Updates stored by other instances that the bus did not bring: applied and relayed like any. */
	private applyStored(updates: { seq: number; data: Uint8Array }[]): void {
		if (this.closed) return;
		this.deps.log.info('Caught up a board from storage', { board: this.boardId, updates: updates.length, from: updates[0]?.seq });
		for (const { data } of updates) {
			try {
				Y.applyUpdate(this.doc, data, REMOTE);
			} catch (error) {
				this.deps.log.error('A stored update could not be applied', { board: this.boardId, error: (error as Error).message });
				continue;
			}
			this.budget.add(data.length);
			const frame = encodeUpdate(data);
			for (const connection of this.connections) connection.send(frame);
		}
	}

	/** Updates are missing and storage cannot be read: close rather than serve a board that has fallen behind. */
	private failCatchUp(error: Error): void {
		this.deps.log.error('Catching up a board from storage failed; closing it so it is not served out of date', {
			board: this.boardId,
			error: error.message
		});
		void this.close(CloseCode.StorageFailed, 'could not read changes made elsewhere; reconnecting');
	}

	private onBusMessage(message: BusMessage): void {
		if (this.closed) return;
		const fromHere = message.instance === this.deps.bus.instanceId;
		if (message.kind === 'presence-query') {
			if (!fromHere) this.answerPresenceQuery();
			return;
		}
		if (!fromHere && message.seq !== undefined) {
			// Already read from storage (a catch-up), or a message sent twice.
			if (this.catchUp.has(message.seq)) return;
			this.catchUp.mark(message.seq);
		}
		if (!fromHere) {
			try {
				if (message.kind === 'update') {
					Y.applyUpdate(this.doc, message.payload, REMOTE);
					// Other instances' writes count against the plan's budget here too.
					this.budget.add(message.payload.length);
				} else awarenessProtocol.applyAwarenessUpdate(this.awareness, message.payload, REMOTE);
			} catch (error) {
				this.deps.log.error('An update from another instance could not be applied', { board: this.boardId, error: (error as Error).message });
				return;
			}
		}
		const isPresence = message.kind === 'awareness';
		const frame = isPresence ? encodeAwareness(message.payload) : encodeUpdate(message.payload);
		for (const connection of this.connections) {
			if (fromHere && connection.id === message.connection) continue;
			if (isPresence && !connection.canSeePeople) continue;
			connection.send(frame);
		}
	}
}

interface AwarenessChange {
	added: number[];
	updated: number[];
	removed: number[];
}
