/** The socket.io protocol's validator and the per-socket allowance, without a server. */
import { describe, expect, it } from 'vitest';
import { parseClientEvent, RealtimeError } from '../../src/lib/protocol/realtime-events.js';
import { EventAllowance } from '../../server/realtime/rate-limit.js';

const board = 'abcdefghijklmnopqrst';

describe('parseClientEvent', () => {
	it('reads each well-formed event', () => {
		expect(parseClientEvent('plans:watch', undefined)).toEqual({ ok: true, event: { type: 'plans:watch' } });
		expect(parseClientEvent('plan:open', { boardId: board })).toEqual({ ok: true, event: { type: 'plan:open', boardId: board } });
		expect(parseClientEvent('present:at', { boardId: board, section: 'goals', itemId: 'f1e2-aa' })).toEqual({
			ok: true,
			event: { type: 'present:at', boardId: board, section: 'goals', itemId: 'f1e2-aa' }
		});
		expect(parseClientEvent('follow:answer', { boardId: board, requestId: 'r_1', follow: false })).toMatchObject({ ok: true });
	});

	it('names what is wrong', () => {
		expect(parseClientEvent('plan:remove', { boardId: board })).toEqual({ ok: false, error: RealtimeError.UnknownEvent });
		expect(parseClientEvent(42, {})).toEqual({ ok: false, error: RealtimeError.UnknownEvent });
		expect(parseClientEvent('plan:open', { boardId: board.toUpperCase() })).toEqual({ ok: false, error: RealtimeError.Malformed });
		expect(parseClientEvent('plan:open', { boardId: board, more: 1 })).toEqual({ ok: false, error: RealtimeError.Malformed });
		expect(parseClientEvent('present:at', { boardId: board, section: 'toString', itemId: null })).toEqual({ ok: false, error: RealtimeError.Malformed });
		expect(parseClientEvent('present:at', { boardId: board, section: 'goals', itemId: 'x'.repeat(65) })).toEqual({ ok: false, error: RealtimeError.Malformed });
	});
});

describe('EventAllowance', () => {
	it('allows a burst, warns once, refuses, then says close; time refills it', () => {
		let now = 0;
		const allowance = new EventAllowance(10, 3, 4, () => now);
		expect([allowance.take(), allowance.take(), allowance.take()]).toEqual(['allow', 'allow', 'allow']);
		expect([allowance.take(), allowance.take(), allowance.take(), allowance.take()]).toEqual(['warn', 'refuse', 'refuse', 'close']);
		now += 1000;
		expect(allowance.take()).toBe('allow');
	});

	it('counts a flood that trickles through between refusals as one: warned once, then closed', () => {
		let now = 0;
		const allowance = new EventAllowance(10, 3, 4, () => now);
		const verdicts: string[] = [];
		for (let i = 0; i < 20; i++) {
			verdicts.push(allowance.take());
			now += 50; // 20 a second against 10 allowed
		}
		expect(verdicts.filter((v) => v === 'warn')).toHaveLength(1);
		expect(verdicts).toContain('close');
	});
});
