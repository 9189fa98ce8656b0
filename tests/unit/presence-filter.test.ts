import { describe, expect, it } from 'vitest';
import { filterPresence, MAX_PRESENCE_IDS_PER_CONNECTION } from '../../server/sync/presence-filter.js';
import type { AwarenessEntry } from '../../server/sync/messages.js';

const me = { id: 'u1', name: 'Cleo Clinician', role: 'clinician' as const };

// The filter takes an update's entries, as the connection decoded them.
const awarenessUpdate = (entries: AwarenessEntry[]) => entries;

describe('filterPresence', () => {
	it('rebuilds a state from the member list and keeps only what a client may say about itself', () => {
		const update = awarenessUpdate([{ clientId: 7, clock: 1, state: { user: { id: 'u2', name: 'Pat', role: 'person' }, editing: { section: 'goals', itemId: 'g1' }, extra: 'x' } }]);
		const kept = filterPresence(update, { awarenessIds: new Set(), idsUsed: new Set(), user: me }, () => false);
		expect(kept).toEqual([{ clientId: 7, clock: 1, state: { user: me, viewing: null, editing: { section: 'goals', itemId: 'g1', field: null, caret: null }, drafting: null } }]);
	});

	it('never touches a window another connection or instance speaks for', () => {
		const update = awarenessUpdate([
			{ clientId: 8, clock: 9, state: null },
			{ clientId: 9, clock: 9, state: { editing: null } }
		]);
		expect(filterPresence(update, { awarenessIds: new Set(), idsUsed: new Set(), user: me }, (id) => id === 8 || id === 9)).toBeNull();
	});

	it('lets one connection use only a few window ids over its whole life', () => {
		const used = new Set<number>();
		const ids = new Set<number>();
		for (let id = 1; id <= MAX_PRESENCE_IDS_PER_CONNECTION; id++) {
			expect(filterPresence(awarenessUpdate([{ clientId: id, clock: 1, state: {} }]), { awarenessIds: ids, idsUsed: used, user: me }, () => false)).not.toBeNull();
			used.add(id); // the room records each id it accepted
		}
		// Cleared again, the old ids may come back; a new one may not.
		expect(filterPresence(awarenessUpdate([{ clientId: 1, clock: 3, state: {} }]), { awarenessIds: ids, idsUsed: used, user: me }, () => false)).not.toBeNull();
		expect(filterPresence(awarenessUpdate([{ clientId: 99, clock: 1, state: {} }]), { awarenessIds: ids, idsUsed: used, user: me }, () => false)).toBeNull();
	});
});
