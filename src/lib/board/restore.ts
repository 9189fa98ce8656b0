/**
 * Putting an item, or the whole plan, back as it was in a past version: a forward change
 * written through the model like any edit, never a rewind of history. The item's words keep
 * their author (and who typed them); "last changed by" is whoever restored. One call is one
 * transaction, so one Yjs update, which the server checks like any other.
 */
import * as Y from 'yjs';
import { BoardInputError } from './errors.js';
import { assertId, assertWritable, getSectionMap } from './doc.js';
import { fieldEntries } from './fields.js';
import { listItems } from './item-read.js';
import { BOARD_ORIGIN, LIMITS, THE_PERSON } from './schema.js';
import { SECTION_KEYS } from './section-keys.js';
import { replaceText } from './text.js';
import type { ItemView } from './types.js';
import { sameValue, type StoredValue } from './values.js';

export interface RestoreOptions {
	/** Is this user still on the plan? A field naming someone who has left is cleared instead. */
	readonly isMember?: (userId: string) => boolean;
}

type Scalar = StoredValue;

/** May a restored field still name this id? THE_PERSON always stands for the plan's person. */
const stillNamed = (id: string, options: RestoreOptions) => id === THE_PERSON || !options.isMember || options.isMember(id);

/** Writes the version's values into an item that exists now. @returns true if anything changed. */
function rewriteItem(item: Y.Map<unknown>, from: ItemView, options: RestoreOptions): boolean {
	let changed = false;
	const fields = from as unknown as Record<string, unknown>;
	const texts: string[] = ['text'];
	for (const [name, spec] of fieldEntries(from.section)) {
		if (spec.type === 'text') {
			texts.push(name);
			continue;
		}
		let value = fields[name] as Scalar;
		if (spec.type === 'userId' && typeof value === 'string' && !stillNamed(value, options)) value = null;
		if (spec.type === 'members' && Array.isArray(value)) value = value.filter((id) => stillNamed(id, options));
		if (!sameValue(item.get(name), value)) {
			item.set(name, Array.isArray(value) ? [...value] : value);
			changed = true;
		}
	}
	for (const name of texts) {
		const current = item.get(name);
		const words = fields[name] as string;
		if (current instanceof Y.Text) changed = replaceText(current, words) || changed;
		else {
			item.set(name, new Y.Text(words));
			changed = true;
		}
	}
	if (item.get('order') !== from.order) {
		item.set('order', from.order);
		changed = true;
	}
	return changed;
}

/** Re-creates a deleted item under its own id, with its author and who typed it. */
function recreateItem(map: Y.Map<unknown>, from: ItemView, by: string, options: RestoreOptions): void {
	if (map.size >= LIMITS.maxItemsPerSection) {
		throw new BoardInputError('section', 'This section is full. Remove an item before bringing one back.');
	}
	const item = new Y.Map<unknown>();
	map.set(from.id, item);
	item.set('id', from.id);
	item.set('author', from.author);
	if (from.recordedBy !== null) item.set('recordedBy', from.recordedBy);
	item.set('createdAt', from.createdAt);
	rewriteItem(item, from, options);
	stamp(item, by);
}

// Whoever restores makes the change in their own name: no one else's words are claimed for it.
function stamp(item: Y.Map<unknown>, by: string): void {
	item.set('updatedAt', Date.now());
	item.set('updatedBy', by);
	if (item.has('updatedFor')) item.delete('updatedFor');
}

/** Writes one item back; call inside a transaction. @returns true if anything changed. */
function putBack(doc: Y.Doc, from: ItemView, by: string, options: RestoreOptions): boolean {
	const map = getSectionMap(doc, from.section);
	const current = map.get(from.id);
	if (current instanceof Y.Map) {
		const changed = rewriteItem(current, from, options);
		if (changed) stamp(current, by);
		return changed;
	}
	recreateItem(map, from, by, options);
	return true;
}

/** An item of a version, whichever section it is in. */
export function findVersionItem(version: Y.Doc, id: string): ItemView | undefined {
	for (const section of SECTION_KEYS) {
		const found = listItems(version, section).find((item) => item.id === id);
		if (found) return found;
	}
	return undefined;
}

/**
 * Puts one item back as it was in `version` (re-creating it if it is deleted now).
 * @returns false if the version has no such item, or the item already reads as it did.
 * @throws BoardInputError if the section is full.
 */
export function restoreItem(doc: Y.Doc, version: Y.Doc, id: string, by: string, options: RestoreOptions = {}): boolean {
	assertId(id, 'id');
	const who = assertId(by, 'by', 'Who restored it');
	assertWritable(doc);
	const from = findVersionItem(version, id);
	if (!from) return false;
	let changed = false;
	doc.transact(() => (changed = putBack(doc, from, who, options)), BOARD_ORIGIN);
	return changed;
}

/**
 * Puts the whole plan back as it was in `version`: items added since are deleted, items deleted
 * since come back, changed ones read as they did. @returns false if nothing needed changing.
 */
export function restorePlan(doc: Y.Doc, version: Y.Doc, by: string, options: RestoreOptions = {}): boolean {
	const who = assertId(by, 'by', 'Who restored it');
	assertWritable(doc);
	let changed = false;
	doc.transact(() => {
		for (const section of SECTION_KEYS) {
			const wanted = listItems(version, section);
			const keep = new Set(wanted.map((item) => item.id));
			const map = getSectionMap(doc, section);
			for (const id of [...map.keys()]) {
				if (keep.has(id)) continue;
				map.delete(id);
				changed = true;
			}
			for (const item of wanted) changed = putBack(doc, item, who, options) || changed;
		}
	}, BOARD_ORIGIN);
	return changed;
}
