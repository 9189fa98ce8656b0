/**
 * The scale-out bus: boards' updates (after they are stored) and presence travel on Redis
 * streams. A board's messages go to one of a few shard streams, picked by its id; every instance
 * reads the shards of the boards it has open with one blocking XREAD and keeps only its boards'
 * messages. A few shards, not a stream per board, because XREAD's cost in Redis (and in the
 * command) grows with the keys it names: with a stream per board, an instance with 250 boards
 * open named 250 keys on every read and kept Redis a third busy at 500 edits a second.
 * A stream, not pub/sub, because a reader that falls behind (a slow instance, a blip) reads on
 * from where it was instead of losing messages; each update carries its sequence number in
 * storage, so a reader that finds a gap (the stream trimmed past it, Redis restarted empty)
 * reads the missing updates from storage.
 * Messages reach this instance's own subscribers directly, without the round trip through Redis.
 */
import type { Logger } from '../log.js';
import { binary, onReconnect, type RedisClient } from '../cluster/redis.js';
import type { Bus, BusHandler, BusKind, BusMessage, MissedHandler } from './bus.js';

/** Shard streams; a board always uses the same one. */
export const SHARDS = 16;
/** Entries kept per shard: many seconds of a busy service for a lagging instance to read on from. */
const STREAM_LENGTH = 10_000;
/** A shard nobody has written to for a day leaves no stream behind. */
const STREAM_TTL_MS = 24 * 60 * 60 * 1000;
// Short, so that a shard opened while an XREAD is already waiting (its CLIENT UNBLOCK can arrive
// first) is read within a second at worst; a waiting XREAD costs Redis nothing.
const BLOCK_MS = 1_000;
const READ_COUNT = 512;

/** The shard stream a board's messages travel on (FNV-1a of its id). */
export function shardKey(boardId: string): string {
	let hash = 0x811c9dc5;
	for (let i = 0; i < boardId.length; i++) hash = Math.imul(hash ^ boardId.charCodeAt(i), 0x01000193);
	return `whatmatters:relay:${(hash >>> 0) % SHARDS}`;
}

const KIND_CODES: Record<BusKind, string> = { update: 'u', awareness: 'a', 'presence-query': 'q' };
const KINDS: Record<string, BusKind | undefined> = { u: 'update', a: 'awareness', q: 'presence-query' };

interface Subscriber {
	handler: BusHandler;
	missed?: MissedHandler;
}

export function createRedisBus(main: RedisClient, reader: RedisClient, log: Logger, instanceId: string): Bus {
	const subscribers = new Map<string, Set<Subscriber>>();
	/** The stream id each shard is read from, for the shards of the boards open here. */
	const positions = new Map<string, string>();
	/** How many boards open here use each shard. */
	const boardsOnShard = new Map<string, number>();
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

	function onEntry(fields: Record<string, Buffer>): void {
		const boardId = fields.b?.toString();
		const instance = fields.i?.toString();
		// Our own messages were delivered here when they were published; other boards are not open here.
		if (!boardId || !subscribers.has(boardId) || !instance || instance === instanceId || !fields.p) return;
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
				const streams = [...positions].map(([key, id]) => ({ key, id }));
				blocked = true;
				const reply = (await binaryReader.xRead(streams, { COUNT: READ_COUNT, BLOCK: BLOCK_MS })) as
					| { name: string | Buffer; messages: { id: Buffer | string; message: Record<string, Buffer> }[] }[]
					| null;
				blocked = false;
				for (const stream of reply ?? []) {
					const key = stream.name.toString();
					for (const entry of stream.messages) {
						if (!positions.has(key)) break;
						positions.set(key, entry.id.toString());
						try {
							onEntry(entry.message);
						} catch (error) {
							log.error('A relayed message could not be handled', { board: entry.message.b?.toString(), error: (error as Error).message });
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
			const key = shardKey(boardId);
			let set = subscribers.get(boardId);
			if (!set) {
				subscribers.set(boardId, (set = new Set()));
				boardsOnShard.set(key, (boardsOnShard.get(key) ?? 0) + 1);
			}
			const subscriber = { handler, missed };
			set.add(subscriber);
			const unsubscribe = async () => {
				set.delete(subscriber);
				if (set.size === 0 && subscribers.get(boardId) === set) {
					subscribers.delete(boardId);
					const left = (boardsOnShard.get(key) ?? 1) - 1;
					if (left > 0) boardsOnShard.set(key, left);
					else {
						boardsOnShard.delete(key);
						positions.delete(key);
					}
				}
			};
			if (!positions.has(key)) {
				try {
					// Read from the shard's end as it is now; what was stored before, the room loaded from storage.
					const last = (await main.xRevRange(key, '+', '-', { COUNT: 1 }))?.[0];
					if (!positions.has(key) && boardsOnShard.get(key)) positions.set(key, last ? String(last.id) : '0-0');
				} catch (error) {
					// The room fails to open: it must not stay subscribed, nor keep its shard read.
					await unsubscribe();
					throw error;
				}
				interrupt();
			}
			return unsubscribe;
		},
		async publish(message) {
			deliver(message);
			const key = shardKey(message.boardId);
			const fields: Record<string, string | Buffer> = {
				b: message.boardId,
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
			boardsOnShard.clear();
			await Promise.race([loop, new Promise((resolve) => setTimeout(resolve, 500))]);
		}
	};
}
