import { HistoryDeriver } from './derive.js';
import type { DerivationState, HistoryEntry, LoggedUpdate } from './types.js';

/**
 * Derives entries from updates in one go (or carrying on from `state`): the entries made or
 * changed, and the state to carry on from next time.
 */
export function deriveEntries(
	updates: Iterable<LoggedUpdate>,
	state?: DerivationState
): { entries: HistoryEntry[]; state: DerivationState } {
	const deriver = new HistoryDeriver(state);
	for (const update of updates) deriver.apply(update);
	return { entries: deriver.takeChanged(), state: deriver.state() };
}
