/**
 * Presence is the server's word: a connection may set and clear only its own awareness entries,
 * and each state it sets is rebuilt here from the member list (name, role) plus the few fields
 * a client may claim about itself. Whatever else it sent is dropped.
 */
import { readPresenceClaims, type PresenceState, type PresenceUser } from '../../src/lib/protocol/presence.js';
import type { AwarenessEntry } from './messages.js';

/** Windows (awareness client ids) one connection may ever speak for: a tab has one. */
export const MAX_PRESENCE_IDS_PER_CONNECTION = 4;

export interface PresenceSender {
	/** The connection's own awareness ids now. */
	readonly awarenessIds: ReadonlySet<number>;
	/** Every awareness id it has used, gone ones included. */
	readonly idsUsed: ReadonlySet<number>;
	/** Who it is, from the member list; null if no longer on the plan. */
	readonly user: PresenceUser | null;
}

/**
 * The entries of an awareness update the sender may make, with states rebuilt; null if none.
 * @param isOwnedByOther is this awareness id another connection's?
 */
export function filterPresence(entries: readonly AwarenessEntry[], sender: PresenceSender, isOwnedByOther: (clientId: number) => boolean): AwarenessEntry[] | null {
	const kept: { clientId: number; clock: number; state: PresenceState | null }[] = [];
	const ids = new Set(sender.awarenessIds);
	const used = new Set(sender.idsUsed);
	for (const { clientId, clock, state } of entries) {
		if (isOwnedByOther(clientId)) continue;
		if (state === null) {
			if (ids.has(clientId)) kept.push({ clientId, clock, state: null });
			continue;
		}
		if (!sender.user) continue;
		if (!ids.has(clientId)) {
			if (!used.has(clientId) && used.size >= MAX_PRESENCE_IDS_PER_CONNECTION) continue;
			ids.add(clientId);
			used.add(clientId);
		}
		kept.push({ clientId, clock, state: { user: sender.user, ...readPresenceClaims(state) } });
	}
	return kept.length ? kept : null;
}
