/**
 * Checks an incoming update before it is applied: it must decode, and whatever it writes at
 * the top of the document must fit the schema — a known root, section entries that are item
 * maps, only `schemaVersion` in meta, no sub-documents or binary blobs anywhere. Cheap: it
 * reads the update's structs without touching the document.
 */
import * as Y from 'yjs';
import { META_ROOT, SECTION_ROOT_PREFIX } from './schema.js';
import { isSectionKey } from './section-keys.js';

/** A plain reason the update is refused, or null if it may be applied. Throws nothing. */
export function findUpdateProblem(update: Uint8Array): string | null {
	let structs: ReturnType<typeof Y.decodeUpdate>['structs'];
	try {
		structs = Y.decodeUpdate(update).structs;
	} catch (error) {
		return `not a Yjs update (${(error as Error).message})`;
	}
	for (const struct of structs) {
		if (!(struct instanceof Y.Item)) continue;
		if (struct.content instanceof Y.ContentDoc || struct.content instanceof Y.ContentBinary) {
			return 'sub-documents and binary content are not part of a board';
		}
		// In a decoded update a top-level parent is its name; Yjs's types do not say so.
		const parent: unknown = struct.parent;
		if (typeof parent !== 'string') continue;
		if (parent === META_ROOT) {
			if (struct.parentSub !== 'schemaVersion') return `unknown meta key ${String(struct.parentSub)}`;
		} else if (parent.startsWith(SECTION_ROOT_PREFIX) && isSectionKey(parent.slice(SECTION_ROOT_PREFIX.length))) {
			const isItemMap = struct.content instanceof Y.ContentType && struct.content.type instanceof Y.Map;
			// An item deleted since is sent as deleted content: it belongs to the history, not junk.
			const isDeletedEntry = struct.content instanceof Y.ContentDeleted;
			if (struct.parentSub === null || !(isItemMap || isDeletedEntry)) return `${parent} holds only item maps`;
		} else {
			return `unknown top-level type ${parent.slice(0, 40)}`;
		}
	}
	return null;
}
