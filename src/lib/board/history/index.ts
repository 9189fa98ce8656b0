/** History entries derived from a board's update log. See docs/history.md. */
export { HistoryDeriver } from './derive.js';
export { deriveEntries } from './derive-all.js';
export { stateFromDocument } from './resume.js';
export {
	ENTRY_KINDS,
	GROUP_WINDOW_MS,
	EXCERPT_LENGTH,
	type EntryKind,
	type EntryDetail,
	type FieldScalar,
	type HistoryEntry,
	type LoggedUpdate,
	type ItemSnapshot,
	type DerivationState
} from './types.js';
export { describeEntry, type EntrySentence, type NameOf } from './describe.js';
export { summarizeChanges, type ChangeSummary, type ChangedItem } from './summary.js';
