/**
 * What differs between two versions of a plan, item by item: added since, removed since, and
 * changed (which fields). Pure reads; the words' own differences are shown by the page.
 */
import type * as Y from 'yjs';
import { fieldEntries } from './fields.js';
import { listItems } from './item-read.js';
import { SECTION_KEYS } from './section-keys.js';
import type { ItemView } from './types.js';
import { sameValue } from './values.js';

export interface ItemChange {
	readonly before: ItemView;
	readonly after: ItemView;
	/** Names of the fields that differ: 'text', a section field, or 'order' (its place). */
	readonly fields: readonly string[];
}

export interface VersionComparison {
	/** On the plan now, not in the version. */
	readonly added: readonly ItemView[];
	/** In the version, not on the plan now. */
	readonly removed: readonly ItemView[];
	readonly changed: readonly ItemChange[];
}

/** The fields of two readings of one item that differ (who changed it and when are not counted). */
export function changedFields(before: ItemView, after: ItemView): string[] {
	const a = before as unknown as Record<string, unknown>;
	const b = after as unknown as Record<string, unknown>;
	const names = ['text', ...fieldEntries(before.section).map(([name]) => name), 'order'];
	return names.filter((name) => !sameValue(a[name], b[name]));
}

/** Compares a past version with another (usually the plan now). */
export function compareVersions(version: Y.Doc, now: Y.Doc): VersionComparison {
	const added: ItemView[] = [];
	const removed: ItemView[] = [];
	const changed: ItemChange[] = [];
	for (const section of SECTION_KEYS) {
		const then = new Map(listItems(version, section).map((item) => [item.id, item]));
		const current = listItems(now, section);
		for (const after of current) {
			const before = then.get(after.id);
			if (!before) {
				added.push(after);
				continue;
			}
			const fields = changedFields(before, after);
			if (fields.length) changed.push({ before, after, fields });
		}
		const nowIds = new Set(current.map((item) => item.id));
		for (const before of then.values()) if (!nowIds.has(before.id)) removed.push(before);
	}
	return { added, removed, changed };
}
