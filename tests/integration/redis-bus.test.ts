/**
 * The Redis bus on a real redis-server: boards share a few shard streams, so an instance must
 * hand each message to that board's subscribers only, keep reading a shard while any of its
 * boards is open, and never deliver its own messages twice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Logger } from '../../server/log.js';
import type { BusMessage } from '../../server/bus/bus.js';
import { createRedisBus, shardKey, SHARDS } from '../../server/bus/redis-bus.js';
import { connectRedis, type RedisClient } from '../../server/cluster/redis.js';
import { startRedis, type TestRedis } from '../helpers/redis.js';

const quiet: Logger = { error() {}, warn() {}, info() {}, debug() {} };

let redis: TestRedis;
const clients: RedisClient[] = [];
beforeAll(async () => {
	redis = await startRedis();
});
afterAll(async () => {
	for (const client of clients) client.destroy();
	await redis?.kill();
});

async function bus(instanceId: string) {
	const [main, reader] = [await connectRedis(redis.url, quiet, 'main'), await connectRedis(redis.url, quiet, 'reader')];
	clients.push(main, reader);
	return createRedisBus(main, reader, quiet, instanceId);
}

/** Board ids: two that share a shard and one on another shard. */
function boardIds(): { sameA: string; sameB: string; other: string } {
	const byShard = new Map<string, string[]>();
	for (let i = 0; ; i++) {
		const id = `board-${i}`;
		const key = shardKey(id);
		const list = byShard.get(key) ?? [];
		list.push(id);
		byShard.set(key, list);
		if (list.length === 2) {
			const other = [...byShard.entries()].find(([k]) => k !== key)?.[1][0];
			if (other) return { sameA: list[0]!, sameB: list[1]!, other };
		}
	}
}

const message = (boardId: string, instance: string, text: string, seq?: number): BusMessage => ({
	boardId,
	kind: 'update',
	payload: new TextEncoder().encode(text),
	instance,
	connection: 7,
	seq
});

/** What arrives at a subscriber, as text. */
function collector() {
	const got: { boardId: string; text: string; seq?: number; instance: string }[] = [];
	return {
		got,
		handler: (m: BusMessage) => got.push({ boardId: m.boardId, text: new TextDecoder().decode(m.payload), seq: m.seq, instance: m.instance })
	};
}

const until = async (check: () => boolean, what: string) => {
	const deadline = Date.now() + 5_000;
	while (!check()) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 10));
	}
};

describe('the Redis bus on shard streams', () => {
	it('spreads boards over its shards', () => {
		const keys = new Set(Array.from({ length: 1_000 }, (_, i) => shardKey(`b${i}`)));
		expect(keys.size).toBe(SHARDS);
		expect(shardKey('b1')).toBe(shardKey('b1'));
	});

	it("delivers each board's messages to that board's subscribers only, and its own once", async () => {
		const { sameA, sameB, other } = boardIds();
		const a = await bus('instance-a');
		const b = await bus('instance-b');
		try {
			const [onB1, onB2, onB3, onA1] = [collector(), collector(), collector(), collector()];
			const stop1 = await b.subscribe(sameA, onB1.handler);
			await b.subscribe(other, onB3.handler);
			await a.subscribe(sameA, onA1.handler);

			await a.publish(message(sameA, 'instance-a', 'one', 1));
			await a.publish(message(sameB, 'instance-a', 'not open on b', 1));
			await a.publish(message(other, 'instance-a', 'three', 1));
			await until(() => onB1.got.length === 1 && onB3.got.length === 1, 'both boards on b');
			expect(onB1.got).toEqual([{ boardId: sameA, text: 'one', seq: 1, instance: 'instance-a' }]);
			expect(onB3.got).toEqual([{ boardId: other, text: 'three', seq: 1, instance: 'instance-a' }]);
			// Delivered at once on the publishing instance, and not again from the stream.
			expect(onA1.got.map((m) => m.text)).toEqual(['one']);

			// Closing one board keeps its shard read for the other board that uses it.
			await b.subscribe(sameB, onB2.handler);
			await stop1();
			await a.publish(message(sameA, 'instance-a', 'after b closed it', 2));
			await a.publish(message(sameB, 'instance-a', 'two', 2));
			await until(() => onB2.got.length === 1, 'the other board of the shard');
			await a.publish(message(other, 'instance-a', 'marker', 2));
			await until(() => onB3.got.length === 2, 'a later message on another shard');
			expect(onB2.got.map((m) => m.text)).toEqual(['two']);
			expect(onB1.got.map((m) => m.text)).toEqual(['one']);
			expect(onA1.got.map((m) => m.text)).toEqual(['one', 'after b closed it']);
		} finally {
			await a.close();
			await b.close();
		}
	});
});
