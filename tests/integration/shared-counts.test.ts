/**
 * Socket caps shared by instances, on a real Redis (server/cluster/counts.ts): places taken on
 * two instances add up, even when taken at the same moment; an instance whose lease ran out
 * (killed) gives its places back; and after Redis restarts empty each instance writes its
 * count again, so the cap still holds.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createLogger } from '../../server/log.js';
import { sharedCounter } from '../../server/cluster/counts.js';
import { holdLease, LEASE_PREFIX } from '../../server/cluster/lease.js';
import { connectRedis, type RedisClient } from '../../server/cluster/redis.js';
import { startRedis, type TestRedis } from '../helpers/redis.js';
import { eventually } from '../helpers/sync-client.js';

const log = createLogger('error');
let redis: TestRedis;
let client: RedisClient;
beforeAll(async () => {
	redis = await startRedis();
	client = await connectRedis(redis.url, log, 'test');
});
afterAll(async () => {
	await client?.close();
	await redis?.kill();
});

it('adds up both instances’ places, even all taken at once, and frees them for either', async () => {
	const leases = [holdLease(client, 'one', log), holdLease(client, 'two', log)];
	const one = sharedCounter(client, 'test-a', 5, 'one', log);
	const two = sharedCounter(client, 'test-a', 5, 'two', log);
	const taken = await Promise.all(Array.from({ length: 12 }, (_, i) => (i % 2 ? one : two).take('sam')));
	expect(taken.filter(Boolean)).toHaveLength(5);
	taken.find(Boolean)!();
	expect(await two.take('sam')).not.toBeNull();
	expect(await one.take('sam')).toBeNull();
	for (const lease of leases) await lease.stop();
});

it('gives back the places of an instance whose lease ran out', async () => {
	const lease = holdLease(client, 'alive', log);
	await client.set(LEASE_PREFIX + 'killed', '1', { PX: 60_000 });
	const killed = sharedCounter(client, 'test-b', 2, 'killed', log);
	const alive = sharedCounter(client, 'test-b', 2, 'alive', log);
	expect(await killed.take('sam')).not.toBeNull();
	expect(await killed.take('sam')).not.toBeNull();
	expect(await alive.take('sam')).toBeNull();
	await client.del(LEASE_PREFIX + 'killed');
	expect(await alive.take('sam')).not.toBeNull();
	await lease.stop();
});

it('writes its counts again after Redis restarts empty', async () => {
	const lease = holdLease(client, 'one', log);
	const one = sharedCounter(client, 'test-c', 2, 'one', log);
	const other = sharedCounter(client, 'test-c', 2, 'other', log);
	await client.set(LEASE_PREFIX + 'other', '1', { PX: 60_000 });
	expect(await one.take('sam')).not.toBeNull();
	expect(await one.take('sam')).not.toBeNull();
	await redis.restart();
	await eventually(() => client.isReady, 'reconnected', 10_000);
	await client.set(LEASE_PREFIX + 'other', '1', { PX: 60_000 });
	// The lease and the mirror are written again on reconnecting.
	for (let tries = 0; tries < 50 && !(await client.hGet('whatmatters:count:test-c:sam', 'one')); tries++) await new Promise((r) => setTimeout(r, 50));
	expect(await other.take('sam')).toBeNull();
	await lease.stop();
});
