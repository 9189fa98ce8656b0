/**
 * A lean client of the y-websocket protocol for load: a socket, a Y.Doc, sync and updates.
 * Thousands fit in one process. Each update it receives is timed against when it was made.
 */
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';

/** When each update was made, by its first struct's id; shared by every client of the process. */
export const madeAt = new Map<string, number>();
/** Which instance each update was sent to (with several instances). */
export const madeOn = new Map<string, number>();
export const latencies: number[] = [];
/** Receipts on another instance than the one the update was sent to. */
export const crossInstanceLatencies: number[] = [];
export let measuring = false;
export function setMeasuring(on: boolean): void {
	measuring = on;
}

/**
 * Keys of updates seen lately, by their bytes: every receiver of an update in this process gets
 * the same bytes, and decoding them once is enough (the load generator must not be the limit).
 */
const recentKeys = new Map<string, string | null>();

export function updateKey(update: Uint8Array): string | null {
	const bytes = Buffer.from(update.buffer, update.byteOffset, update.byteLength).toString('latin1');
	const known = recentKeys.get(bytes);
	if (known !== undefined) return known;
	const first = Y.decodeUpdate(update).structs[0];
	const key = first ? `${first.id.client}:${first.id.clock}` : null;
	if (recentKeys.size >= 10_000) recentKeys.clear();
	recentKeys.set(bytes, key);
	return key;
}

/** Records the time since an update was made, if it was made while measuring. */
export function recordReceipt(update: Uint8Array, ownClientId: number, instance = 0): void {
	if (!measuring) return;
	const key = updateKey(update);
	// The reference server echoes an update to its sender too; that is not propagation.
	if (!key || key.startsWith(`${ownClientId}:`)) return;
	const made = madeAt.get(key);
	if (made === undefined) return;
	const latency = performance.now() - made;
	latencies.push(latency);
	if (madeOn.get(key) !== instance) crossInstanceLatencies.push(latency);
}

export class ProtocolClient {
	readonly doc = new Y.Doc();
	private socket!: WebSocket;
	private presenceClock = 0;
	synced = false;
	closedWith: number | null = null;
	/**
	 * A client that only reads may stop applying updates once it has what it needs: receipts are
	 * still timed, and the load generator is spared applying every edit in every reader's copy.
	 */
	applyUpdates = true;

	constructor(
		private readonly url: string,
		private readonly cookie: string,
		/** The instance it is connected to (with several behind one plan). */
		private readonly instance = 0
	) {
		this.doc.on('update', (update: Uint8Array, origin: unknown) => {
			if (origin === this) return;
			const made = performance.now();
			const key = updateKey(update);
			if (key && measuring) {
				madeAt.set(key, made);
				madeOn.set(key, this.instance);
			}
			this.send((e) => syncProtocol.writeUpdate(e, update));
		});
	}

	connect(): Promise<void> {
		return new Promise((resolve, reject) => {
			this.socket = new WebSocket(this.url, { headers: { cookie: this.cookie }, perMessageDeflate: false });
			this.socket.binaryType = 'nodebuffer';
			this.socket.on('open', () => this.send((e) => syncProtocol.writeSyncStep1(e, this.doc)));
			this.socket.on('message', (data: Buffer) => {
				this.receive(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
				if (this.synced) resolve();
			});
			this.socket.on('close', (code) => {
				this.closedWith = code;
				reject(new Error(`closed with ${code}`));
			});
			this.socket.on('error', reject);
		});
	}

	/** Sends this window's presence, as y-protocols' awareness would: one entry, the next clock. */
	sendPresence(state: unknown): void {
		this.sendPresenceJson(JSON.stringify(state));
	}

	/** As sendPresence, with the state already as JSON. */
	sendPresenceJson(json: string): void {
		this.send((e) => {
			const update = encoding.createEncoder();
			encoding.writeVarUint(update, 1);
			encoding.writeVarUint(update, this.doc.clientID);
			encoding.writeVarUint(update, ++this.presenceClock);
			encoding.writeVarString(update, json);
			encoding.writeVarUint8Array(e, encoding.toUint8Array(update));
		}, 1);
	}

	private send(write: (encoder: encoding.Encoder) => void, messageType = 0): void {
		if (this.socket?.readyState !== WebSocket.OPEN) return;
		const encoder = encoding.createEncoder();
		encoding.writeVarUint(encoder, messageType);
		write(encoder);
		this.socket.send(encoding.toUint8Array(encoder));
	}

	private receive(frame: Uint8Array): void {
		const decoder = decoding.createDecoder(frame);
		if (decoding.readVarUint(decoder) !== 0) return; // presence: not measured
		const step = decoding.readVarUint(decoder);
		const payload = decoding.readVarUint8Array(decoder);
		if (step === syncProtocol.messageYjsSyncStep1) {
			this.send((e) => syncProtocol.writeSyncStep2(e, this.doc, payload));
			return;
		}
		if (step === syncProtocol.messageYjsUpdate) {
			recordReceipt(payload, this.doc.clientID, this.instance);
			if (!this.applyUpdates) return;
		}
		Y.applyUpdate(this.doc, payload, this);
		if (step === syncProtocol.messageYjsSyncStep2) this.synced = true;
	}

	close(): void {
		this.socket?.close(1000);
	}
}
