/**
 * The scale-out bus: each board has a Redis stream. An instance publishes a board's updates
 * (after storing them) and presence with XADD; every instance with the board open reads the
 * stream with one blocking XREAD over all its boards. A stream, not pub/sub, because a reader
 * that falls behind (a slow instance, a blip) reads on from where it was instead of losing
 * messages; each update carries its sequence number in storage, so a reader that finds a gap
 * (the stream trimmed past it, Redis restarted empty) reads the missing updates from storage.
 * Messages reach this instance's own subscribers directly, without the round trip through Redis.
 */
import type { Logger } from '../log.js';
import { binary, onReconnect, type RedisClient } from '../cluster/redis.js';
import type { Bus, BusHandler, BusKind, BusMessage, MissedHandler } from './bus.js';

/** Entries kept per board's stream: minutes of typing for a lagging instance to read on from. */
const STREAM_LENGTH = 2_000;
/** A board nobody has written to for a day leaves no stream behind. */
const STREAM_TTL_MS = 24 * 60 * 60 * 1000;
// Short, so that a board opened while an XREAD is already waiting (its CLIENT UNBLOCK can arrive
// first) is read within a second at worst; a waiting XREAD costs Redis nothing.
const BLOCK_MS = 1_000;
const READ_COUNT = 512;

export const streamKey = (boardId: string) => `whatmatters:board:${boardId}`;

const KIND_CODES: Record<BusKind, string> = { update: 'u', awareness: 'a', 'presence-query': 'q' };
const KINDS: Record<string, BusKind | undefined> = { u: 'update', a: 'awareness', q: 'presence-query' };

interface Subscriber {
	handler: BusHandler;
	missed?: MissedHandler;
}

export function createRedisBus(main: RedisClient, reader: RedisClient, log: Logger, instanceId: string): Bus {
	const subscribers = new Map<string, Set<Subscriber>>();
	/** The stream id each board is read from. */
	const positions = new Map<string, string>();
	const expiresSet = new Map<string, number>();
	const binaryReader = binary(reader);
	let readerId: number | null = null;
	let blocked = false;
	let closed = false;
	let wake: (() => void) | null = null;
	/** Publishing failed because Redis is away (logged once until it is back). */
	let paused = false;

	const deliver = (message: BusMessage) => {
		for (const subscriber of subscribers.get(message.boardId) ?? []) subscriber.handler(message);
	};
	const tellMissed = () => {
		for (const set of subscribers.values()) for (const subscriber of set) subscriber.missed?.();
	};

	/** Stops the reader's blocking XREAD so that it reads again with the new list of boards. */
	const interrupt = () => {
		wake?.();
		if (blocked && readerId !== null) void main.sendCommand(['CLIENT', 'UNBLOCK', String(readerId)]).catch(() => undefined);
	};

	function onEntry(boardId: string, fields: Record<string, Buffer>): void {
		const instance = fields.i?.toString();
		// Our own messages were delivered here when they were published.
		if (!instance || instance === instanceId || !fields.p) return;
		const connection = fields.c?.length ? Number(fields.c.toString()) : null;
		const seq = fields.s?.length ? Number(fields.s.toString()) : undefined;
		const kind = KINDS[fields.k?.toString() ?? ''];
		if (!kind) return;
		deliver({ boardId, kind, payload: new Uint8Array(fields.p), instance, connection, seq });
	}

	async function readLoop(): Promise<void> {
		while (!closed) {
			if (positions.size === 0) {
				await new Promise<void>((resolve) => (wake = resolve));
				wake = null;
				continue;
			}
			try {
				readerId ??= Number(await reader.sendCommand(['CLIENT', 'ID']));
				const streams = [...positions].map(([boardId, id]) => ({ key: streamKey(boardId), id }));
				blocked = true;
				const reply = (await binaryReader.xRead(streams, { COUNT: READ_COUNT, BLOCK: BLOCK_MS })) as
					| { name: string | Buffer; messages: { id: Buffer | string; message: Record<string, Buffer> }[] }[]
					| null;
				blocked = false;
				for (const stream of reply ?? []) {
					const boardId = stream.name.toString().slice(streamKey('').length);
					for (const entry of stream.messages) {
						if (!positions.has(boardId)) break;
						positions.set(boardId, entry.id.toString());
						try {
							onEntry(boardId, entry.message);
						} catch (error) {
							log.error('A relayed message could not be handled', { board: boardId, error: (error as Error).message });
						}
					}
				}
			} catch (error) {
				blocked = false;
				readerId = null;
				if (closed) break;
				// The client reconnects by itself; once it has, subscribers catch up (below).
				log.debug('Reading the relay failed', { error: (error as Error).message });
				await new Promise((resolve) => setTimeout(resolve, 200));
			}
		}
	}

	// After a lost connection nobody knows what went by: every open board checks storage.
	const stopReconnect = [
		onReconnect(reader, tellMissed),
		onReconnect(main, () => {
			paused = false;
			tellMissed();
		})
	];
	const loop = readLoop();

	return {
		instanceId,
		shared: true,
		async subscribe(boardId, handler, missed) {
			let set = subscribers.get(boardId);
			if (!set) subscribers.set(boardId, (set = new Set()));
			const subscriber = { handler, missed };
			set.add(subscriber);
			if (!positions.has(boardId)) {
				// Read from the stream's end as it is now; what was stored before, the room loaded from storage.
				const last = (await main.xRevRange(streamKey(boardId), '+', '-', { COUNT: 1 }))?.[0];
				if (!positions.has(boardId) && subscribers.get(boardId)?.size) positions.set(boardId, last ? String(last.id) : '0-0');
				interrupt();
			}
			return async () => {
				set.delete(subscriber);
				if (set.size === 0 && subscribers.get(boardId) === set) {
					subscribers.delete(boardId);
					positions.delete(boardId);
				}
			};
		},
		async publish(message) {
			deliver(message);
			const key = streamKey(message.boardId);
			const fields: Record<string, string | Buffer> = {
				i: instanceId,
				k: KIND_CODES[message.kind],
				c: message.connection === null ? '' : String(message.connection),
				p: Buffer.from(message.payload.buffer, message.payload.byteOffset, message.payload.byteLength)
			};
			if (message.seq !== undefined) fields.s = String(message.seq);
			const added = main.xAdd(key, '*', fields, { TRIM: { strategy: 'MAXLEN', strategyModifier: '~', threshold: STREAM_LENGTH } });
			const now = Date.now();
			if ((expiresSet.get(key) ?? 0) < now - 60_000) {
				expiresSet.set(key, now);
				if (expiresSet.size > 10_000) expiresSet.clear();
				void main.pExpire(key, STREAM_TTL_MS).catch(() => undefined);
			}
			try {
				await added;
			} catch (error) {
				// Stored already: the other instances read it from storage once Redis is back.
				if (main.isReady) throw error;
				if (!paused) log.warn('Relaying is paused while Redis cannot be reached; other instances will catch up from storage', { error: (error as Error).message });
				paused = true;
			}
		},
		async close() {
			closed = true;
			for (const stop of stopReconnect) stop();
			interrupt();
			subscribers.clear();
			positions.clear();
			await Promise.race([loop, new Promise((resolve) => setTimeout(resolve, 500))]);
		}
	};
}
