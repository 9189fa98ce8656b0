/**
 * History entries: meaningful changes read from a board's update log, in plain data.
 * Entries are derived, never written by clients; see docs/history.md.
 */
import type { SectionKey } from '../section-keys.js';

export const ENTRY_KINDS = ['added', 'deleted', 'restored', 'text', 'field', 'moved', 'done'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

/** A scalar field value as stored (enum value, ruler number, date, user id, item id). */
export type FieldScalar = string | number | null;

/**
 * What an entry needs beyond its kind, kept small (texts are cut to EXCERPT_LENGTH).
 * `text`: the item's main words (for `added`, as they were at the end of the group; for
 * `deleted`, the last words it had). `field` names what changed (a field of the field table,
 * or `order` for a move); `before`/`after` are a text field's words around the change;
 * `from`/`to` a scalar field's values, or a move's positions (1 = first).
 */
export interface EntryDetail {
	text: string;
	field?: string;
	before?: string;
	after?: string;
	from?: FieldScalar;
	to?: FieldScalar;
}

export interface HistoryEntry {
	/** 1, 2, 3 … per board, in the order entries were first seen. */
	id: number;
	firstSeq: number;
	lastSeq: number;
	firstAt: number;
	lastAt: number;
	/** Who really sent the change; null for the server's own writes. */
	senderId: string | null;
	/** Whose words these are, when that is not the sender (whoever was talking on a shared screen); else null. */
	wordsOfId: string | null;
	section: SectionKey;
	itemId: string;
	kind: EntryKind;
	detail: EntryDetail;
}

/** One stored update of the log, as the derivation reads it. */
export interface LoggedUpdate {
	seq: number;
	data: Uint8Array;
	userId: string | null;
	at: number;
}

/** The last known words and fields of an item: Yjs forgets a deleted item's content. */
export interface ItemSnapshot {
	section: SectionKey;
	author: string;
	/** Who made the last change, and whose words it was when not theirs (absent in older states). */
	updatedBy?: string;
	updatedFor?: string | null;
	order: string;
	/** Text fields by name (`text`, `okLooksLike`, …), in full. */
	texts: Record<string, string>;
	/** Scalar fields by name (stamps left out). */
	fields: Record<string, FieldScalar>;
}

/** Everything the derivation needs to carry on where it stopped. */
export interface DerivationState {
	lastSeq: number;
	nextEntryId: number;
	/** The document after `lastSeq`, as a Yjs update. */
	doc: Uint8Array;
	items: Record<string, ItemSnapshot>;
	/** Each item's newest entry, while later typing may still join it. */
	tails: Record<string, HistoryEntry>;
	/** The full words of a text field when an item's open text group began. */
	groupStarts: Record<string, string>;
	/** Ids of deleted items: one that appears again was brought back, not added. */
	deleted: string[];
}

/** Consecutive typing by one sender in one item within this time is one entry. */
export const GROUP_WINDOW_MS = 5 * 60 * 1000;
/** Entries keep at most this many characters of any text. */
export const EXCERPT_LENGTH = 300;
