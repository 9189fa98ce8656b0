/** Change notifications and undo for the UI, without exposing the document layout. */
import * as Y from 'yjs';
import { getMetaMap, getSectionMap } from './doc.js';
import { BOARD_ORIGIN } from './schema.js';
import { SECTION_KEYS, type SectionKey } from './section-keys.js';

/** What one transaction changed. */
export interface BoardChange {
	/** Sections whose items (or anything inside them) changed, in board order. */
	readonly sections: readonly SectionKey[];
	/** True if `meta` (the schema version) changed. */
	readonly meta: boolean;
	/** True if the change was made on this replica, false if it arrived from elsewhere. */
	readonly local: boolean;
	/** The transaction origin (BOARD_ORIGIN for this module's writes, the provider for remote ones). */
	readonly origin: unknown;
}

/**
 * Calls `cb` once per transaction that changed the board (local or remote), naming the
 * sections to re-read with listItems.
 * @returns a function that stops observing.
 */
export function observeBoard(doc: Y.Doc, cb: (change: BoardChange) => void): () => void {
	const roots = SECTION_KEYS.map((key) => [key, getSectionMap(doc, key)] as const);
	const meta = getMetaMap(doc);
	const handler = (tr: Y.Transaction) => {
		// changedParentTypes holds every type with a change in it or below it.
		const changed = tr.changedParentTypes as Map<unknown, unknown>;
		const sections = roots.filter(([, map]) => changed.has(map)).map(([key]) => key);
		const metaChanged = changed.has(meta);
		if (sections.length > 0 || metaChanged) cb({ sections, meta: metaChanged, local: tr.local, origin: tr.origin });
	};
	doc.on('afterTransaction', handler);
	return () => doc.off('afterTransaction', handler);
}

/**
 * An UndoManager over all sections that undoes this replica's own changes only: writes
 * made through this module and direct Y.Text edits (origin null). Remote changes are
 * never undone.
 */
export function createUndoManager(doc: Y.Doc, captureTimeout = 500): Y.UndoManager {
	return new Y.UndoManager(
		SECTION_KEYS.map((key) => getSectionMap(doc, key)),
		{ trackedOrigins: new Set<unknown>([BOARD_ORIGIN, null]), captureTimeout }
	);
}
