/**
 * Reordering. A move only rewrites the moved item's `order` (and, rarely, the keys of
 * neighbours that tie), so concurrent moves of one item resolve last-writer-wins on
 * that one key: the item can never appear twice or vanish.
 */
import * as Y from 'yjs';
import { BoardInputError } from './errors.js';
import { assertId, assertSection, assertWritable, findItem, getSectionMap } from './doc.js';
import { sortedEntries } from './item-read.js';
import { placeAt, type Placement } from './order.js';
import { BOARD_ORIGIN } from './schema.js';
import type { SectionKey } from './section-keys.js';

/** Writes a placement: the item's new key and any re-keyed neighbours. Call inside a transaction. */
export function applyPlacement(map: Y.Map<unknown>, item: Y.Map<unknown>, placement: Placement): void {
	item.set('order', placement.key);
	for (const e of placement.rekeyed) {
		const other = map.get(e.id);
		if (other instanceof Y.Map) other.set('order', e.order);
	}
}

/**
 * Moves an item to position `index` of its section (0 = first; clamped to the end).
 * @returns true if the item moved; false if it does not exist (e.g. deleted by someone
 *   else) or is already there.
 */
export function moveItemTo(doc: Y.Doc, section: SectionKey, id: string, index: number): boolean {
	assertSection(section);
	assertId(id, 'id');
	if (!Number.isSafeInteger(index) || index < 0)
		throw new BoardInputError('index', 'The position must be a whole number, 0 or more.');
	assertWritable(doc);
	const item = findItem(doc, section, id);
	if (!item) return false;
	const map = getSectionMap(doc, section);
	const sorted = sortedEntries(map);
	const from = sorted.findIndex((e) => e.id === id);
	const others = sorted.filter((e) => e.id !== id);
	const to = Math.min(index, others.length);
	if (to === from) return false;
	const placement = placeAt(others, to);
	doc.transact(() => applyPlacement(map, item, placement), BOARD_ORIGIN);
	return true;
}

/**
 * Moves an item one place up or down: past its neighbour in the section, or, with `among`, past
 * its neighbour among those items only (the agenda of one conversation, of a section that holds
 * several), so a move always changes what the person sees.
 * @returns true if it moved; false if it does not exist or is already first/last.
 */
export function moveItem(doc: Y.Doc, section: SectionKey, id: string, direction: 'up' | 'down', among?: ReadonlySet<string>): boolean {
	assertSection(section);
	assertId(id, 'id');
	if (direction !== 'up' && direction !== 'down') throw new BoardInputError('direction', 'Move up or down.');
	const sorted = sortedEntries(getSectionMap(doc, section));
	const shown = among ? sorted.filter((e) => e.id === id || among.has(e.id)) : sorted;
	const at = shown.findIndex((e) => e.id === id);
	if (at < 0) return false;
	const neighbour = shown[direction === 'up' ? at - 1 : at + 1];
	if (!neighbour) return false;
	const others = sorted.filter((e) => e.id !== id);
	const past = others.findIndex((e) => e.id === neighbour.id);
	return moveItemTo(doc, section, id, direction === 'up' ? past : past + 1);
}
