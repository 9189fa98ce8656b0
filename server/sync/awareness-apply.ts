/**
 * y-protocols' `applyAwarenessUpdate`, for entries the server has already decoded and rebuilt:
 * the same rules (a newer clock wins; a window's leaving is kept as its clock), the same
 * `change` and `update` events, without encoding the states to JSON only to parse them again
 * (presence is ten updates a second per window, so this is most of its cost).
 * Kept beside the library's version: y-protocols/awareness.js `applyAwarenessUpdate`.
 */
import type { Awareness } from 'y-protocols/awareness';
import { equalityDeep } from 'lib0/function';
import type { AwarenessEntry } from './messages.js';

export function applyAwarenessEntries(awareness: Awareness, entries: readonly AwarenessEntry[], origin: unknown): void {
	const timestamp = Date.now();
	const added: number[] = [];
	const updated: number[] = [];
	const filteredUpdated: number[] = [];
	const removed: number[] = [];
	for (const entry of entries) {
		const { clientId, state } = entry;
		let { clock } = entry;
		const meta = awareness.meta.get(clientId);
		const previous = awareness.states.get(clientId);
		const currentClock = meta === undefined ? 0 : meta.clock;
		if (!(currentClock < clock || (currentClock === clock && state === null && awareness.states.has(clientId)))) continue;
		if (state === null) {
			// Never let a remote window remove this instance's own state (it has none; kept as the library does).
			if (clientId === awareness.clientID && awareness.getLocalState() != null) clock++;
			else awareness.states.delete(clientId);
		} else {
			awareness.states.set(clientId, state as Record<string, unknown>);
		}
		awareness.meta.set(clientId, { clock, lastUpdated: timestamp });
		if (meta === undefined && state !== null) added.push(clientId);
		else if (meta !== undefined && state === null) removed.push(clientId);
		else if (state !== null) {
			if (!equalityDeep(state, previous)) filteredUpdated.push(clientId);
			updated.push(clientId);
		}
	}
	if (added.length || filteredUpdated.length || removed.length) awareness.emit('change', [{ added, updated: filteredUpdated, removed }, origin]);
	if (added.length || updated.length || removed.length) awareness.emit('update', [{ added, updated, removed }, origin]);
}
