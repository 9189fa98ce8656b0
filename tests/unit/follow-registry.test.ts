/** Follow the presenter's bookkeeping: who presents, who was asked, who follows. */
import { expect, it } from 'vitest';
import { RealtimeError } from '../../src/lib/protocol/realtime-events.js';
import { FollowRegistry } from '../../server/realtime/follow.js';

const li = { socketId: 's-li', userId: 'u-li', name: 'Dr Li Chen' };
const liOtherTab = { socketId: 's-li-2', userId: 'u-li', name: 'Dr Li Chen' };
const pat = { socketId: 's-pat', userId: 'u-pat', name: 'Pat Morgan' };
const sam = { socketId: 's-sam', userId: 'u-sam', name: 'Sam Okafor' };

it('asks everyone but the presenter, each once; only one presenter per plan', () => {
	const follow = new FollowRegistry();
	const started = follow.start('b1', li, [li, liOtherTab, pat, sam]);
	if (!started.ok) throw new Error('should start');
	expect([...started.presentation.asked.keys()]).toEqual(['s-pat', 's-sam']);
	const { requestId } = started.presentation;
	expect(follow.answer('b1', 's-pat', requestId, false)).toMatchObject({ ok: true });
	expect(follow.answer('b1', 's-pat', requestId, true)).toEqual({ ok: false, error: RealtimeError.NotAsked });
	expect(follow.answer('b1', 's-sam', 'another', true)).toEqual({ ok: false, error: RealtimeError.NotAsked });
	expect(follow.answer('b1', 's-sam', requestId, true)).toMatchObject({ ok: true });
	expect([...follow.get('b1')!.followers.keys()]).toEqual(['s-sam']);
	expect(follow.start('b1', sam, [li, pat])).toEqual({ ok: false, error: RealtimeError.AlreadyPresenting });
});

it('asking again keeps followers and where the presenter is, and asks the rest anew', () => {
	const follow = new FollowRegistry();
	const first = follow.start('b1', li, [pat, sam]);
	if (!first.ok) throw new Error('should start');
	follow.answer('b1', 's-sam', first.presentation.requestId, true);
	first.presentation.position = { section: 'goals', itemId: null };
	const again = follow.start('b1', li, [pat, sam]);
	if (!again.ok) throw new Error('should start');
	expect([...again.presentation.asked.keys()]).toEqual(['s-pat']);
	expect([...again.presentation.followers.keys()]).toEqual(['s-sam']);
	expect(again.presentation.position).toEqual({ section: 'goals', itemId: null });
});

it('a presenter leaving ends it; a follower leaving is no longer followed or asked', () => {
	const follow = new FollowRegistry();
	const started = follow.start('b1', li, [pat, sam]);
	if (!started.ok) throw new Error('should start');
	follow.answer('b1', 's-sam', started.presentation.requestId, true);
	expect(follow.leave('b1', 's-sam').changed?.followers.size).toBe(0);
	expect(follow.leave('b1', 's-pat')).toEqual({ ended: null, changed: null });
	expect(follow.answer('b1', 's-pat', started.presentation.requestId, true)).toEqual({ ok: false, error: RealtimeError.NotAsked });
	expect(follow.leave('b1', 's-li').ended?.requestId).toBe(started.presentation.requestId);
	expect(follow.get('b1')).toBeUndefined();
	expect(follow.stopPresenting('b1', 's-li')).toBeNull();
});
