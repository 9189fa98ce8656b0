import { describe, expect, it } from 'vitest';
import { CloseCode } from '../../src/lib/protocol/close-codes.js';
import { MalformedMessage } from '../../server/sync/messages.js';
import { closeFor, UpdateRefused } from '../../server/sync/update-refusal.js';
import { hasUnconfirmed, ConfirmationQueue, mergeVectors } from '../../src/lib/client/unsynced-changes.js';

describe('closeFor', () => {
	it('names the client’s faults, retries missing changes, and calls the server’s own failures internal errors', () => {
		expect(closeFor(new MalformedMessage('bad')).code).toBe(CloseCode.Malformed);
		expect(closeFor(UpdateRefused.from({ kind: 'missing', message: 'builds on changes' })).code).toBe(CloseCode.MissingChanges);
		expect(closeFor(UpdateRefused.from({ kind: 'refused', message: 'author must be you' })).code).toBe(CloseCode.Refused);
		expect(closeFor(UpdateRefused.from({ kind: 'too-large', message: 'too big' })).code).toBe(CloseCode.TooLarge);
		expect(closeFor(new Error('database is locked'))).toMatchObject({ code: CloseCode.InternalError, internal: true });
	});
});

describe('unsynced changes', () => {
	it('counts a change as shared only once the server has confirmed what this device had', () => {
		const local = new Map([
			[1, 5],
			[2, 3]
		]);
		expect(hasUnconfirmed(local, new Map([[1, 5]]))).toBe(true);
		expect(hasUnconfirmed(local, mergeVectors(new Map([[1, 5]]), new Map([[2, 3]])))).toBe(false);

		const queue = new ConfirmationQueue();
		queue.connected();
		queue.ask(local);
		expect(queue.answered()).toBeNull(); // the provider's own question, answered first
		expect(queue.answered()).toBe(local);
		expect(queue.waiting).toBe(false);
	});
});
