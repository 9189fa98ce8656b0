/** News about the plan is not cut short by a remark about who is here. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Announcer } from '../../src/lib/client/announcer.svelte.js';

describe('the board announcer', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => vi.useRealTimers());

	it('keeps news about the plan in the region before saying who is here', () => {
		const announcer = new Announcer();
		announcer.say('Step done: Walk to the corner. Well done!');
		vi.advanceTimersByTime(100);
		announcer.sayAside('Sam is writing in this item too.');
		vi.advanceTimersByTime(1_000);
		expect(announcer.message).toBe('Step done: Walk to the corner. Well done!');
		vi.advanceTimersByTime(3_000);
		expect(announcer.message).toBe('Sam is writing in this item too.');
		announcer.destroy();
	});

	it('says who is here at once when no news is being read, and keeps only the latest remark', () => {
		const announcer = new Announcer();
		announcer.sayAside('Sam joined.');
		vi.advanceTimersByTime(100);
		expect(announcer.message).toBe('Sam joined.');
		announcer.say('Added to My goals.');
		announcer.sayAside('Li joined.');
		announcer.sayAside('Li left.');
		vi.advanceTimersByTime(3_200);
		expect(announcer.message).toBe('Li left.');
		announcer.destroy();
	});
});
