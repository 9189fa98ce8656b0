/**
 * Deletions the plan cannot take: the server's version stamp, or a field every item needs
 * taken from an item that stays. Replacing a field's value deletes the old one too; a key the
 * update writes again is judged by the value it ends with (check-update.ts).
 */
import * as Y from 'yjs';
import type { DeleteSet } from './yjs-types.js';
import { META_ROOT } from '../schema.js';
import { liveItemsDeletedBy } from './doc-ranges.js';
import { REQUIRED_FIELDS } from './field-rules.js';
import type { ItemWriteLog } from './item-writes.js';


/** @returns a refusal, or null if every deletion is one the plan can take. */
export function findProtectedDeletion(
	ds: DeleteSet,
	doc: Y.Doc,
	items: ItemWriteLog
): { kind: 'refused'; message: string } | null {
	for (const { item } of liveItemsDeletedBy(ds, doc)) {
		const parent = item.parent as Y.AbstractType<unknown>;
		if (parent._item === null) {
			if (Y.findRootTypeKey(parent) === META_ROOT) return { kind: 'refused', message: "only the server sets the plan's version" };
			continue;
		}
		const owner = parent._item;
		const isItemField = parent instanceof Y.Map && owner.parent instanceof Y.AbstractType && owner.parent._item === null;
		if (!isItemField || item.parentSub === null || !REQUIRED_FIELDS.has(item.parentSub)) continue;
		if (owner.deleted || Y.isDeleted(ds, owner.id)) continue;
		// A key the update writes again is judged by what it ends with (checkRequiredFields).
		if (items.get(`${owner.id.client}:${owner.id.clock}`)?.keys.has(item.parentSub)) continue;
		return { kind: 'refused', message: `"${item.parentSub}" cannot be removed from an item that stays` };
	}
	return null;
}
