/**
 * Reading items. Reads never throw on odd stored data: a missing or malformed field
 * reads as its default, so a UI keeps working while the server rejects the junk.
 */
import * as Y from 'yjs';
import { fieldEntries, type TextFieldName } from './fields.js';
import { assertId, assertSection, findItem, getSectionMap } from './doc.js';
import { compareOrder, type OrderEntry } from './order.js';
import type { SectionKey } from './section-keys.js';
import type { ItemView } from './types.js';
import { checkFieldValue, defaultFieldValue } from './values.js';

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number => (Number.isSafeInteger(v) ? (v as number) : 0);
const textOf = (v: unknown): string => (v instanceof Y.Text ? v.toString() : '');

/** Snapshot of one item map. */
export function readItem<S extends SectionKey>(section: S, id: string, item: Y.Map<unknown>): ItemView<S> {
	const createdAt = num(item.get('createdAt'));
	const view: Record<string, unknown> = {
		section,
		id,
		order: str(item.get('order')),
		author: str(item.get('author')),
		recordedBy: typeof item.get('recordedBy') === 'string' ? (item.get('recordedBy') as string) : null,
		createdAt,
		updatedAt: num(item.get('updatedAt')),
		updatedBy: str(item.get('updatedBy')),
		updatedFor: typeof item.get('updatedFor') === 'string' ? (item.get('updatedFor') as string) : null,
		text: textOf(item.get('text'))
	};
	for (const [name, spec] of fieldEntries(section)) {
		const raw = item.get(name);
		if (spec.type === 'text') view[name] = textOf(raw);
		else if (raw !== undefined && checkFieldValue(spec, raw) === null) view[name] = Array.isArray(raw) ? Object.freeze([...raw]) : raw;
		else view[name] = defaultFieldValue(spec, new Date(createdAt));
	}
	return view as ItemView<S>;
}

/** Ids and order keys of a section's items, sorted. Cheaper than listItems. */
export function sortedEntries(map: Y.Map<unknown>): OrderEntry[] {
	const entries: OrderEntry[] = [];
	for (const [id, item] of map.entries()) {
		if (item instanceof Y.Map) entries.push({ id, order: str(item.get('order')) });
	}
	return entries.sort(compareOrder);
}

/**
 * All items of a section as plain snapshots, in display order.
 * @throws BoardInputError for an unknown section.
 */
export function listItems<S extends SectionKey>(doc: Y.Doc, section: S): ItemView<S>[] {
	assertSection(section);
	const views: ItemView<S>[] = [];
	for (const [id, item] of getSectionMap(doc, section).entries()) {
		if (item instanceof Y.Map) views.push(readItem(section, id, item));
	}
	return views.sort(compareOrder);
}

/** One item as a snapshot, or undefined if it does not exist. */
export function getItem<S extends SectionKey>(doc: Y.Doc, section: S, id: string): ItemView<S> | undefined {
	assertSection(section);
	assertId(id, 'id');
	const item = findItem(doc, section, id);
	return item ? readItem(section, id, item) : undefined;
}

/**
 * The live Y.Text of an item's text field, for binding an editor to it (two people
 * typing merge by character). Undefined if the item or field does not exist.
 * After editing it directly, call touchItem so updatedAt/updatedBy stay true.
 */
export function getItemText<S extends SectionKey>(
	doc: Y.Doc,
	section: S,
	id: string,
	field: TextFieldName<S> = 'text'
): Y.Text | undefined {
	assertSection(section);
	assertId(id, 'id');
	const value = findItem(doc, section, id)?.get(field as string);
	return value instanceof Y.Text ? value : undefined;
}
