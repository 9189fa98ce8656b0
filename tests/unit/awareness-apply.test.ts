/** The server's awareness apply matches y-protocols' own, entry for entry and event for event. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate } from 'y-protocols/awareness';
import { applyAwarenessEntries } from '../../server/sync/awareness-apply.js';
import { encodeAwarenessEntries, type AwarenessEntry } from '../../server/sync/messages.js';

function recorded(apply: (a: Awareness, entries: AwarenessEntry[]) => void, batches: AwarenessEntry[][]) {
	const doc = new Y.Doc();
	doc.clientID = 99; // the same in both runs
	const awareness = new Awareness(doc);
	awareness.setLocalState(null);
	const events: unknown[] = [];
	awareness.on('change', (change: unknown) => events.push(['change', change]));
	awareness.on('update', (change: unknown) => events.push(['update', change]));
	for (const batch of batches) apply(awareness, batch);
	const meta = [...awareness.meta].map(([id, m]) => [id, m.clock]);
	awareness.destroy();
	return { states: [...awareness.getStates()], meta, events };
}

describe('applyAwarenessEntries', () => {
	it('does what applyAwarenessUpdate does', () => {
		const batches: AwarenessEntry[][] = [
			[{ clientId: 1, clock: 1, state: { a: 1 } }, { clientId: 2, clock: 1, state: { b: 1 } }],
			[{ clientId: 1, clock: 2, state: { a: 1 } }], // same state, newer clock: update, no change
			[{ clientId: 1, clock: 1, state: { a: 9 } }], // older clock: ignored
			[{ clientId: 2, clock: 2, state: { b: 2 } }, { clientId: 1, clock: 3, state: null }], // changed, and a leave
			[{ clientId: 1, clock: 3, state: null }], // the same leave again: nothing
			[{ clientId: 1, clock: 4, state: { a: 2 } }] // back
		];
		const library = recorded((a, entries) => applyAwarenessUpdate(a, encodeAwarenessEntries(entries), 'x'), batches);
		const ours = recorded((a, entries) => applyAwarenessEntries(a, entries, 'x'), batches);
		expect(ours).toEqual(library);
		expect(library.events.length).toBeGreaterThan(5);
	});
});
