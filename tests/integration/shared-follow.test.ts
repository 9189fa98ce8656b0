/**
 * Follow the presenter's bookkeeping in a real Redis (server/cluster/shared-follow.ts): the
 * rules of FollowRegistry, held whichever instance asks, and a presenter on an instance whose
 * lease ran out (killed) no longer blocks anyone from presenting.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createLogger } from '../../server/log.js';
import { holdLease, LEASE_PREFIX } from '../../server/cluster/lease.js';
import { connectRedis, type RedisClient } from '../../server/cluster/redis.js';
import { sharedFollowStore } from '../../server/cluster/shared-follow.js';
import { startRedis, type TestRedis } from '../helpers/redis.js';

let redis: TestRedis;
let client: RedisClient;
beforeAll(async () => {
	redis = await startRedis();
	client = await connectRedis(redis.url, createLogger('error'), 'test');
});
afterAll(async () => {
	await client?.close();
	await redis?.kill();
});

const li = { socketId: 's-li', userId: 'u-li', name: 'Dr Li Chen', instance: 'one' };
const pat = { socketId: 's-pat', userId: 'u-pat', name: 'Pat Morgan', instance: 'two' };
const sam = { socketId: 's-sam', userId: 'u-sam', name: 'Sam Okafor', instance: 'two' };

it('keeps one presenter per plan, lets each asked socket answer once, and tells who follows', async () => {
	const leases = [holdLease(client, 'one', createLogger('error')), holdLease(client, 'two', createLogger('error'))];
	const follow = sharedFollowStore(client);
	const started = await follow.start('b1', li, [li, pat, sam]);
	if (!started.ok) throw new Error('should start');
	expect([...started.presentation.asked.keys()].sort()).toEqual(['s-pat', 's-sam']);
	const { requestId } = started.presentation;
	expect(await follow.start('b1', sam, [li])).toEqual({ ok: false, error: 'already_presenting' });
	expect((await follow.answer('b1', 's-sam', requestId, true)).ok).toBe(true);
	expect(await follow.answer('b1', 's-sam', requestId, true)).toEqual({ ok: false, error: 'not_asked' });
	expect(await follow.answer('b1', 's-pat', 'another', true)).toEqual({ ok: false, error: 'not_asked' });
	expect(await follow.moveTo('b1', 's-sam', { section: 'goals', itemId: null })).toBeNull();
	const moved = await follow.moveTo('b1', 's-li', { section: 'goals', itemId: null });
	expect([...moved!.followers.keys()]).toEqual(['s-sam']);
	// Asking again keeps the follower and where the presenter is.
	const again = await follow.start('b1', li, [pat, sam]);
	expect(again.ok && [...again.presentation.asked.keys()]).toEqual(['s-pat']);
	expect(again.ok && again.presentation.position).toEqual({ section: 'goals', itemId: null });
	const left = await follow.leave('b1', 's-sam');
	expect([...left.changed!.followers.keys()]).toEqual([]);
	expect((await follow.stopPresenting('b1', 's-li'))?.requestId).toBe(again.ok && again.presentation.requestId);
	expect(await follow.get('b1')).toBeUndefined();
	for (const lease of leases) await lease.stop();
});

it('a presenter whose instance is gone (no lease) no longer blocks another', async () => {
	const lease = holdLease(client, 'two', createLogger('error'));
	const follow = sharedFollowStore(client);
	const gone = { ...li, instance: 'killed' };
	await client.set(LEASE_PREFIX + 'killed', '1', { PX: 60_000 });
	expect((await follow.start('b2', gone, [pat])).ok).toBe(true);
	expect(await follow.start('b2', sam, [pat])).toEqual({ ok: false, error: 'already_presenting' });
	await client.del(LEASE_PREFIX + 'killed');
	const taken = await follow.start('b2', sam, [pat]);
	expect(taken.ok && taken.presentation.presenter.socketId).toBe('s-sam');
	await lease.stop();
});
