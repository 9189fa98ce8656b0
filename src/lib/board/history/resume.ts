/**
 * A derivation that starts from a stored document (a checkpoint or a compacted state) instead
 * of the start of the log, so the newest changes of a long log can be read without replaying
 * it all. What happened before the document is unknown, so entries read this way are
 * provisional: an item deleted before it and brought back afterwards reads as added, and typing
 * that began before it starts a new entry. The stored history is always derived from the start.
 */
import * as Y from 'yjs';
import { getSectionMap } from '../doc.js';
import { SECTION_KEYS } from '../section-keys.js';
import { snapshotItem } from './snapshot.js';
import type { DerivationState, ItemSnapshot } from './types.js';

/** The state to carry on from, given the document just after update `seq`. */
export function stateFromDocument(data: Uint8Array, seq: number): DerivationState {
	const doc = new Y.Doc();
	Y.applyUpdate(doc, data);
	const items: Record<string, ItemSnapshot> = {};
	for (const section of SECTION_KEYS) {
		for (const [id, item] of getSectionMap(doc, section)) if (item instanceof Y.Map) items[id] = snapshotItem(section, item);
	}
	const state: DerivationState = {
		lastSeq: seq,
		nextEntryId: 1,
		doc: Y.encodeStateAsUpdate(doc),
		items,
		tails: {},
		groupStarts: {},
		deleted: []
	};
	doc.destroy();
	return state;
}
