/**
 * Restoring a deleted item (Undo after Delete) re-creates it under the same id with the author,
 * typist and last editor it had: someone else's words stay theirs. To check such a restore, the
 * server must still know who those were after the item was deleted, so its document keeps, for
 * every deleted item, the item map and its last attribution values (ids only, never the words):
 * `keepDeletedAttribution` is the server document's `gcFilter`.
 */
import * as Y from 'yjs';
import { getSectionMap } from '../doc.js';
import { SECTION_ROOT_PREFIX } from '../schema.js';
import type { SectionKey } from '../section-keys.js';

/** The fields a restore may write back as they were. */
export const ATTRIBUTION_FIELDS: ReadonlySet<string> = new Set(['author', 'recordedBy', 'updatedBy', 'updatedFor']);

function isSectionRoot(type: unknown): boolean {
	return type instanceof Y.AbstractType && type._item === null && Y.findRootTypeKey(type).startsWith(SECTION_ROOT_PREFIX);
}

/** Y.Doc `gcFilter`: false keeps a deleted item map and its last attribution values. */
export function keepDeletedAttribution(item: Y.Item): boolean {
	if (item.content instanceof Y.ContentType && item.content.type instanceof Y.Map && isSectionRoot(item.parent)) return false;
	const parent = item.parent as Y.AbstractType<unknown>;
	const owner = parent._item;
	const isLastAttribution = item.parentSub !== null && ATTRIBUTION_FIELDS.has(item.parentSub) && parent._map.get(item.parentSub) === item;
	return !(isLastAttribution && owner !== null && owner.deleted && isSectionRoot(owner.parent));
}

/** The value `field` had in the deleted item stored under `itemKey`, if known: what a restore may write back. */
export function formerValue(doc: Y.Doc, section: SectionKey, itemKey: string, field: string): unknown {
	const entry = getSectionMap(doc, section)._map.get(itemKey);
	if (!entry || !entry.deleted || !(entry.content instanceof Y.ContentType)) return undefined;
	const struct = (entry.content.type as Y.Map<unknown>)._map.get(field);
	return struct?.content instanceof Y.ContentAny ? struct.content.arr[0] : undefined;
}
