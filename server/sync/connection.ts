/**
 * One client's WebSocket on a board: rate limit, decoding, role checks, then the room.
 * Messages are handled one at a time, in order. A misbehaving connection is closed alone.
 */
import WebSocket from 'ws';
import { CloseCode } from '../../src/lib/protocol/close-codes.js';
import type { SyncLimits } from '../config.js';
import type { Logger } from '../log.js';
import { decodeClientMessage, MalformedMessage, readAwarenessEntries, type ClientMessage } from './messages.js';
import { PresenceThrottle } from './presence-throttle.js';
import type { BoardRoom, RoomConnection } from './room.js';
import { closeFor } from './update-refusal.js';
import * as Y from 'yjs';

/** A client this far behind on reading is not keeping up; it resyncs when it reconnects. */
const MAX_BUFFERED_BYTES = 16 * 1024 * 1024;
let nextId = 1;

export interface ConnectionDeps {
	log: Logger;
	limits: SyncLimits;
}

export class SyncConnection implements RoomConnection {
	readonly id = nextId++;
	readonly awarenessIds = new Set<number>();
	alive = true;
	private tokens: number;
	private lastRefill = Date.now();
	private queue: Promise<void> = Promise.resolve();
	private closing = false;
	/** Presence waits here when it comes faster than the others are told (about 10 a second). */
	private readonly presence = new PresenceThrottle((entries) => this.room.applyClientAwareness(this, entries));

	constructor(
		private readonly ws: WebSocket,
		readonly userId: string,
		readonly room: BoardRoom,
		public canWrite: boolean,
		public canSeePeople: boolean,
		private readonly deps: ConnectionDeps
	) {
		this.tokens = deps.limits.messageBurst;
	}

	send(frame: Uint8Array): void {
		if (this.ws.readyState !== WebSocket.OPEN) return;
		if (this.ws.bufferedAmount > MAX_BUFFERED_BYTES) {
			this.close(CloseCode.GoingAway, 'not keeping up; reconnect to catch up');
			return;
		}
		this.ws.send(frame);
	}

	ping(): void {
		if (this.ws.readyState === WebSocket.OPEN) this.ws.ping();
	}

	close(code: number, reason: string): void {
		if (this.closing) return;
		this.closing = true;
		this.presence.stop();
		// Going away (shutdown, unload, a client not reading) is routine; anything else is a client
		// breaking a rule, worth a warning.
		const fields = { board: this.room.boardId, user: this.userId, connection: this.id, code, reason };
		if (code === CloseCode.GoingAway) this.deps.log.debug('Closed a sync connection', fields);
		else this.deps.log.warn('Closed a sync connection', fields);
		if (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING) this.ws.close(code, fitCloseReason(reason));
	}

	/** Takes one frame off the wire: counted against the rate limit, then queued in order. */
	receive(frame: Uint8Array): void {
		if (this.closing) return;
		if (!this.takeToken()) {
			this.close(CloseCode.RateLimited, 'too many messages');
			return;
		}
		this.queue = this.queue.then(() => this.handle(frame)).catch((error) => this.fail(error));
	}

	private takeToken(): boolean {
		const { messagesPerSecond, messageBurst } = this.deps.limits;
		const now = Date.now();
		this.tokens = Math.min(messageBurst, this.tokens + ((now - this.lastRefill) / 1000) * messagesPerSecond);
		this.lastRefill = now;
		if (this.tokens < 1) return false;
		this.tokens -= 1;
		return true;
	}

	private async handle(frame: Uint8Array): Promise<void> {
		// The session is watched by the endpoint (sign-out events, a timer at its expiry), not here.
		if (this.closing) return;
		await this.dispatch(decodeClientMessage(frame));
	}

	private dispatch(message: ClientMessage): Promise<void> | void {
		switch (message.type) {
			case 'sync-step-1':
				return this.room.answerSyncStep1(this, message.stateVector).catch(() => {
					throw new MalformedMessage('not a state vector');
				});
			case 'sync-step-2':
			case 'update':
				return this.applyUpdate(message.update);
			case 'awareness':
				return this.applyAwareness(message.update);
			case 'query-awareness':
				return this.room.sendAllAwareness(this);
			case 'auth':
				return;
		}
	}

	private async applyUpdate(update: Uint8Array): Promise<void> {
		if (!this.canWrite) {
			// Read-only roles: not applied, not stored, not relayed. An empty reply to sync is normal.
			if (!isEmptyUpdate(update)) {
				this.deps.log.warn('Refused an update from a read-only member', { board: this.room.boardId, user: this.userId });
			}
			return;
		}
		await this.room.applyClientUpdate(this, update);
	}

	private applyAwareness(update: Uint8Array): void {
		// Decoded now, so a malformed update closes the connection at once; relayed when its turn comes.
		this.presence.offer(readAwarenessEntries(update));
	}

	private fail(error: unknown): void {
		const { code, reason, internal } = closeFor(error);
		if (internal) this.deps.log.error('A sync message failed', { board: this.room.boardId, error: (error as Error).message });
		this.close(code, reason);
	}
}

/** A close reason may be at most 123 bytes of UTF-8; cut it on a character boundary. */
function fitCloseReason(reason: string): string {
	let fitted = reason;
	while (Buffer.byteLength(fitted) > 123) fitted = [...fitted].slice(0, -1).join('');
	return fitted;
}

function isEmptyUpdate(update: Uint8Array): boolean {
	try {
		const { structs, ds } = Y.decodeUpdate(update);
		return structs.length === 0 && ds.clients.size === 0;
	} catch {
		return false;
	}
}
