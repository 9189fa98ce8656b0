/**
 * Knows whether this device holds changes the server has not confirmed storing, using only
 * the standard protocol: after local changes it asks the server's state (sync step 1); the
 * answer comes once everything sent before is stored (see docs/sync-protocol.md).
 * The rules are in unsynced-changes.ts; this is the wiring to a Y.Doc and a WebsocketProvider.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { ConfirmationQueue, hasUnconfirmed, mergeVectors, type StateVector } from './unsynced-changes';

const MESSAGE_SYNC = 0;
/** Local changes come in bursts while typing: ask once the burst settles. */
const ASK_AFTER_MS = 300;

type SyncHandler = (encoder: encoding.Encoder, decoder: decoding.Decoder, ...rest: unknown[]) => void;

export class ConfirmationTracker {
	#confirmed: StateVector = new Map();
	#queue = new ConfirmationQueue();
	#timer: ReturnType<typeof setTimeout> | undefined;
	#cleanups: (() => void)[] = [];

	constructor(
		private readonly doc: Y.Doc,
		private readonly provider: WebsocketProvider,
		private readonly onChange: (unsynced: boolean) => void
	) {
		const handlers = provider.messageHandlers as unknown as SyncHandler[];
		const original = handlers[MESSAGE_SYNC];
		handlers[MESSAGE_SYNC] = (encoder, decoder, ...rest) => {
			this.#heard(decoding.clone(decoder));
			original(encoder, decoder, ...rest);
			this.#report();
		};
		const onUpdate = (update: Uint8Array, origin: unknown) => {
			// What the server sent, it has stored.
			if (origin === provider) this.#confirm(Y.decodeStateVector(Y.encodeStateVectorFromUpdate(update)));
			else this.#askSoon();
			this.#report();
		};
		const onStatus = ({ status }: { status: string }) => {
			if (status === 'connected') this.#queue.connected();
		};
		const onSync = (synced: boolean) => synced && this.#askSoon();
		doc.on('update', onUpdate);
		provider.on('status', onStatus);
		provider.on('sync', onSync);
		this.#cleanups.push(
			() => doc.off('update', onUpdate),
			() => provider.off('status', onStatus),
			() => provider.off('sync', onSync),
			() => clearTimeout(this.#timer)
		);
	}

	/** True if this device has changes the server has not confirmed storing. */
	get unsynced(): boolean {
		return hasUnconfirmed(Y.decodeStateVector(Y.encodeStateVector(this.doc)), this.#confirmed);
	}

	#heard(decoder: decoding.Decoder) {
		const type = decoding.readVarUint(decoder);
		if (type === syncProtocol.messageYjsSyncStep1) this.#confirm(Y.decodeStateVector(decoding.readVarUint8Array(decoder)));
		else if (type === syncProtocol.messageYjsSyncStep2) {
			const confirmed = this.#queue.answered();
			if (confirmed) this.#confirm(confirmed);
		}
	}

	#confirm(vector: StateVector) {
		this.#confirmed = mergeVectors(this.#confirmed, vector);
	}

	#askSoon() {
		clearTimeout(this.#timer);
		this.#timer = setTimeout(() => this.#ask(), ASK_AFTER_MS);
	}

	#ask() {
		const ws = this.provider.ws;
		if (!this.provider.synced || !ws || ws.readyState !== WebSocket.OPEN || !this.unsynced) return;
		this.#queue.ask(Y.decodeStateVector(Y.encodeStateVector(this.doc)));
		const encoder = encoding.createEncoder();
		encoding.writeVarUint(encoder, MESSAGE_SYNC);
		syncProtocol.writeSyncStep1(encoder, this.doc);
		ws.send(encoding.toUint8Array(encoder));
	}

	#report() {
		this.onChange(this.unsynced);
	}

	destroy(): void {
		for (const cleanup of this.#cleanups.splice(0)) cleanup();
	}
}
