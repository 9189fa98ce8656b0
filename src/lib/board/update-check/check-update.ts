/**
 * Judges a whole incoming update before it is applied: the server runs it on every update a
 * writer sends, so a stock Yjs client gets the same answers as ours. It decodes the update once,
 * places every struct (places.ts), checks each write against the board's schema and the
 * attribution rules (field-rules.ts), then what the update does as a whole: new items complete,
 * texts and sections within their limits, nothing the plan needs deleted. Nothing is applied.
 */
import * as Y from 'yjs';
import type { Content, DeleteSet } from './yjs-types.js';
import { LIMITS } from '../schema.js';
import { getSectionMap } from '../doc.js';
import type { SectionKey } from '../section-keys.js';
import { checkId, hasUnsavableCharacters } from '../values.js';
import { checkFieldWrite, REQUIRED_FIELDS, type UpdateWriter } from './field-rules.js';
import { UpdatePlaces } from './places.js';
import { textLengthAfter } from './text-length.js';
import { findProtectedDeletion } from './deletions.js';
import { findNonCanonical } from './canonical.js';
import { finalValue, ItemWriteLog, parseId } from './item-writes.js';
import { ATTRIBUTION_FIELDS, formerValue } from './former-attribution.js';

export type { UpdateWriter } from './field-rules.js';

/**
 * Why an update is refused:
 * - `refused`: it breaks the plan's rules; sending it again will not help;
 * - `not-a-member`: it names someone the caller's member list does not have (re-read it once);
 * - `missing`: it builds on changes the board does not have (a reconnect resends them);
 * - `too-large`: over the byte budget for one update.
 */
export interface UpdateRefusal {
	readonly kind: 'refused' | 'not-a-member' | 'missing' | 'too-large';
	readonly message: string;
}

export interface UpdateCheckContext {
	/** The board the update would be applied to. */
	readonly doc: Y.Doc;
	/** Who sends it. Unset: attribution is not checked (the shape still is). */
	readonly writer?: UpdateWriter;
	/** The byte budget of one update. Unset: no budget. */
	readonly maxUpdateBytes?: number;
}

const refuse = (message: string, kind: UpdateRefusal['kind'] = 'refused'): UpdateRefusal => ({ kind, message });

/** An item map the update creates, by the id of the struct that creates it. */
interface ItemCreated {
	readonly section: SectionKey;
	readonly id: string;
}

/** @returns null if the update may be applied, else why not. Never throws. */
export function checkUpdate(update: Uint8Array, context: UpdateCheckContext): UpdateRefusal | null {
	const { doc, writer, maxUpdateBytes } = context;
	if (maxUpdateBytes !== undefined && update.length > maxUpdateBytes) {
		return refuse(`this change is ${update.length} bytes; one change may be at most ${maxUpdateBytes}`, 'too-large');
	}
	let decoded: ReturnType<typeof Y.decodeUpdate>;
	try {
		decoded = Y.decodeUpdate(update);
	} catch (error) {
		return refuse(`not a Yjs update (${(error as Error).message})`);
	}
	try {
		return findNonCanonical(decoded.structs, decoded.ds, doc) ?? judge(decoded, doc, writer);
	} catch (error) {
		// A struct shaped in a way Yjs itself would choke on.
		return refuse(`an update that cannot be read (${(error as Error).message})`);
	}
}

function judge({ structs, ds }: ReturnType<typeof Y.decodeUpdate>, doc: Y.Doc, writer: UpdateWriter | undefined): UpdateRefusal | null {
	const places = new UpdatePlaces(structs, doc);
	const items = new ItemWriteLog();
	const newItems = new Map<SectionKey, Set<string>>();
	const createdItems: ItemCreated[] = [];
	const insertedText = new Map<string, number>();

	for (const struct of structs) {
		if (!(struct instanceof Y.Item) || places.isKnown(struct)) continue;
		const { content } = struct;
		if (content instanceof Y.ContentDoc || content instanceof Y.ContentBinary) return refuse('sub-documents and binary content are not part of a plan');
		if (content instanceof Y.ContentJSON || content instanceof Y.ContentEmbed || content instanceof Y.ContentFormat) {
			return refuse('an encoding or formatting a plan does not use');
		}
		const { node, key } = places.placeOf(struct);
		// Y.Map#set appends after a key's value and never names a right neighbour: a write that does
		// could be placed before the value and deleted at once, while it reads as the new value.
		if (key !== null && struct.rightOrigin !== null) return refuse('a map value placed where Yjs never puts one');
		switch (node.kind) {
			case 'missing':
				return refuse('builds on changes this plan does not have', 'missing');
			case 'bad':
				return refuse(node.why);
			case 'gone':
				continue;
			case 'meta':
				return refuse("only the server sets the plan's version");
			case 'section': {
				if (key === null || checkId(key, 'key')) return refuse(`${node.section} holds only items under an id`);
				const isMap = content instanceof Y.ContentType && content.type.constructor === Y.Map;
				if (!isMap && !(content instanceof Y.ContentDeleted)) return refuse(`${node.section} holds only items`);
				if (isMap) createdItems.push({ section: node.section, id: `${struct.id.client}:${struct.id.clock}` });
				if (isMap && !getSectionMap(doc, node.section).has(key)) {
					const keys = newItems.get(node.section) ?? new Set<string>();
					keys.add(key);
					newItems.set(node.section, keys);
				}
				continue;
			}
			case 'item': {
				if (key === null) return refuse('an item holds only named fields');
				items.add(node, key, struct);
				// "Last changed by" is judged by the value the update leaves (an undo puts the old
				// editor back, then names its sender, in one update): see checkLastEditor.
				if (key === 'updatedBy') continue;
				const former = ATTRIBUTION_FIELDS.has(key) ? formerValue(doc, node.section, node.itemKey, key) : undefined;
				const found = checkFieldWrite(node.section, node.itemKey, key, content, writer, former);
				if (found) return refuse(`${node.section} item: ${found.message}`, found.notMember ? 'not-a-member' : 'refused');
				continue;
			}
			case 'text': {
				if (key !== null) return refuse('text has no attributes');
				if (content instanceof Y.ContentDeleted) continue;
				if (!(content instanceof Y.ContentString)) return refuse(`"${node.field}" holds only plain text`);
				if (hasUnsavableCharacters(content.str)) return refuse(`"${node.field}" has characters that cannot be saved`);
				insertedText.set(node.id, (insertedText.get(node.id) ?? 0) + content.str.length);
				continue;
			}
		}
	}
	return (
		checkNewItems(newItems, doc) ??
		checkRequiredFields(createdItems, items, places, ds) ??
		checkLastEditor(items, writer, ds, doc) ??
		checkAttribution(items, writer, ds, doc) ??
		checkTextLengths(insertedText, places, ds, doc) ??
		findProtectedDeletion(ds, doc, items)
	);
}

function checkNewItems(newItems: Map<SectionKey, Set<string>>, doc: Y.Doc): UpdateRefusal | null {
	for (const [section, keys] of newItems) {
		if (getSectionMap(doc, section).size + keys.size > LIMITS.mergedItemsPerSection) {
			return refuse(`${section} may have at most ${LIMITS.maxItemsPerSection} items`);
		}
	}
	return null;
}

/** Every item that stays keeps its required fields: a new one arrives with them, a live one keeps them. */
function checkRequiredFields(created: ItemCreated[], items: ItemWriteLog, places: UpdatePlaces, ds: DeleteSet): UpdateRefusal | null {
	const createdIds = new Set(created.map((c) => c.id));
	for (const { section, id } of created) {
		if (!items.get(id) && !Y.isDeleted(ds, parseId(id))) return refuse(`a new ${section} item needs "id"`);
	}
	for (const { node, keys } of items.values()) {
		const isNew = createdIds.has(node.id);
		const creator = isNew ? null : places.findInDoc(parseId(node.id));
		if (Y.isDeleted(ds, parseId(node.id)) || creator?.deleted) continue;
		for (const field of REQUIRED_FIELDS) {
			const writes = keys.get(field);
			if (!writes) {
				if (isNew) return refuse(`a new ${node.section} item needs "${field}"`);
				continue; // a live item's current value: deletions.ts guards it
			}
			const value = finalValue(writes, ds);
			if (value === 'ambiguous') return refuse(`two values for "${field}" in one change`);
			if (value === null) return refuse(isNew ? `a new ${node.section} item needs "${field}"` : `"${field}" cannot be removed from an item that stays`);
		}
	}
	return null;
}

/**
 * Every "last changed by" an update writes is checked, except one the same update replaces
 * again: only the value an item is left with says who changed it last.
 */
function checkLastEditor(items: ItemWriteLog, writer: UpdateWriter | undefined, ds: DeleteSet, doc: Y.Doc): UpdateRefusal | null {
	for (const { node, keys } of items.values()) {
		const writes = keys.get('updatedBy');
		if (!writes) continue;
		const final = finalValue(writes, ds);
		if (final === 'ambiguous') return refuse('two values for "updatedBy" in one change');
		for (const struct of writes) {
			if (final !== null && struct.content !== final) continue;
			const former = formerValue(doc, node.section, node.itemKey, 'updatedBy');
			const found = checkFieldWrite(node.section, node.itemKey, 'updatedBy', struct.content, writer, former);
			if (found) return refuse(`${node.section} item: ${found.message}`, found.notMember ? 'not-a-member' : 'refused');
		}
	}
	return null;
}

/**
 * Words recorded as someone else's must say who typed them (unless a deleted item is put back as
 * it was): a new item's `author` with `recordedBy`, a change's `updatedFor` with `updatedBy`, which
 * checkLastEditor has already held to the sender.
 */
function checkAttribution(items: ItemWriteLog, writer: UpdateWriter | undefined, ds: DeleteSet, doc: Y.Doc): UpdateRefusal | null {
	if (!writer) return null;
	const PAIRS = [
		['author', 'recordedBy'],
		['updatedFor', 'updatedBy']
	] as const;
	for (const { node, keys } of items.values()) {
		for (const [whose, typist] of PAIRS) {
			const written = finalValue(keys.get(whose) ?? [], ds);
			const value = written instanceof Y.ContentAny ? written.arr[0] : undefined;
			if (value === undefined || value === writer.id) continue;
			if (value === formerValue(doc, node.section, node.itemKey, whose)) continue;
			if (!(finalValue(keys.get(typist) ?? [], ds) instanceof Y.ContentAny)) {
				return refuse(`${node.section} item: words recorded as someone else's must say who typed them ("${typist}")`);
			}
		}
	}
	return null;
}

function checkTextLengths(inserted: Map<string, number>, places: UpdatePlaces, ds: DeleteSet, doc: Y.Doc): UpdateRefusal | null {
	for (const [textId, added] of inserted) {
		const length = textLengthAfter(textId, added, places, ds, doc);
		if (length > LIMITS.mergedTextLength) return refuse(`a text may be at most ${LIMITS.maxTextLength} characters (this change makes it ${length})`);
	}
	return null;
}
