/**
 * The browser's socket.io channel (one per tab, shared by every page): it connects when someone
 * is signed in, reconnects by itself with backoff, and says how it is (`status`). Pages
 * subscribe to server events and send client events through it; the plan itself never goes
 * this way (that is /yjs), so editing carries on whatever happens here.
 */
import { io, type Socket } from 'socket.io-client';
import {
	REALTIME_PATH,
	RealtimeError,
	type AckFor,
	type ClientEventMap,
	type ClientEventType,
	type ServerEventMap,
	type ServerEventType
} from '$lib/protocol/realtime-events';

/** connecting: first attempt; live; reconnecting: lost, trying again; stopped: the server ended it (signed out). */
export type RealtimeStatus = 'connecting' | 'live' | 'reconnecting' | 'stopped';

type Handler<K extends ServerEventType> = (payload: ServerEventMap[K]) => void;

export class RealtimeChannel {
	status = $state<RealtimeStatus>('connecting');
	readonly #socket: Socket;
	readonly #handlers = new Map<ServerEventType, Set<Handler<ServerEventType>>>();
	readonly #onConnect = new Set<() => void>();

	constructor() {
		this.#socket = io({ path: REALTIME_PATH, reconnectionDelayMax: 10_000, timeout: 10_000 });
		this.#socket.on('connect', () => {
			this.status = 'live';
			for (const run of this.#onConnect) run();
		});
		this.#socket.on('disconnect', (reason) => {
			this.status = reason === 'io server disconnect' || reason === 'io client disconnect' ? 'stopped' : 'reconnecting';
		});
		// A refusal by the server (signed out, wrong origin) is final; a network failure is retried.
		this.#socket.on('connect_error', () => (this.status = this.#socket.active ? 'reconnecting' : 'stopped'));
		this.#socket.onAny((type: ServerEventType, payload: unknown) => {
			for (const handler of this.#handlers.get(type) ?? []) handler(payload as never);
		});
		// Leaving the page closes the channel at once (see #leave).
		addEventListener('pagehide', () => this.#leave());
		// Back from the browser's back/forward cache: connect again.
		addEventListener('pageshow', (event) => event.persisted && this.restart());
	}

	/**
	 * Says goodbye to the server as the page goes. A WebSocket's closing reaches it anyway, but a
	 * connection still on long-polling (as it is while it moves to a WebSocket) has no request
	 * open then, and the browser cancels any it starts now: the server would count it "on" its
	 * plan until the ping times out (most of a minute), naming it in plan lists and holding back
	 * that person's notices. A beacon outlives the page: it posts engine.io's close packet ("1";
	 * protocol 4, socket.io 4's) for this connection's id.
	 */
	#leave(): void {
		const engine = this.#socket.io.engine;
		if (engine?.id && engine.transport?.name === 'polling') {
			navigator.sendBeacon(`${REALTIME_PATH}/?EIO=4&transport=polling&sid=${encodeURIComponent(engine.id)}`, '1');
		}
		this.#socket.disconnect();
	}

	/** Connects again after the server ended the channel (signed in again). */
	restart(): void {
		if (this.status !== 'stopped') return;
		this.status = 'connecting';
		this.#socket.connect();
	}

	stop(): void {
		this.#socket.disconnect();
	}

	/** Sends an event; resolves with the server's acknowledgement, or an error if it cannot be sent now. */
	async send<K extends ClientEventType>(type: K, payload: ClientEventMap[K]): Promise<AckFor<K>> {
		if (!this.#socket.connected) return { ok: false, error: RealtimeError.Internal };
		try {
			return await this.#socket.timeout(10_000).emitWithAck(type, payload);
		} catch {
			return { ok: false, error: RealtimeError.Internal };
		}
	}

	/** Sends without waiting for the answer (the presenter's moves): dropped while disconnected. */
	fire<K extends ClientEventType>(type: K, payload: ClientEventMap[K]): void {
		if (this.#socket.connected) this.#socket.emit(type, payload);
	}

	/** Calls `handler` for each server event of this type; returns a function that stops it. */
	on<K extends ServerEventType>(type: K, handler: Handler<K>): () => void {
		let set = this.#handlers.get(type);
		if (!set) this.#handlers.set(type, (set = new Set()));
		set.add(handler as Handler<ServerEventType>);
		return () => set.delete(handler as Handler<ServerEventType>);
	}

	/** Runs `run` now if connected and again on every reconnect (the server forgets rooms when a socket goes). */
	whileConnected(run: () => void): () => void {
		this.#onConnect.add(run);
		if (this.#socket.connected) run();
		return () => this.#onConnect.delete(run);
	}
}

let channel: RealtimeChannel | null = null;

/** The tab's channel, connecting on first use. Browser only. */
export function realtime(): RealtimeChannel {
	channel ??= new RealtimeChannel();
	return channel;
}

/** The channel if it was started, without starting it. */
export function realtimeIfStarted(): RealtimeChannel | null {
	return channel;
}
