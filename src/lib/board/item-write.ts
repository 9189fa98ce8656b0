/**
 * Adding, editing and deleting items. Each call validates all input first, then writes
 * in one transaction, so one user action is one Yjs update. Edits to an item that no
 * longer exists (deleted by someone else a moment ago) return false instead of throwing,
 * and never re-create it.
 */
import * as Y from 'yjs';
import { BoardInputError } from './errors.js';
import { assertId, assertSection, assertWritable, findItem, getSectionMap } from './doc.js';
import { fieldEntries, fieldSpec, type FieldSpec, type ItemPatch } from './fields.js';
import { sortedEntries } from './item-read.js';
import { applyPlacement } from './item-move.js';
import { newId } from './ids.js';
import { placeAt } from './order.js';
import { BOARD_ORIGIN, LIMITS, STAMP_ORIGIN } from './schema.js';
import { SECTION_KEYS, type SectionKey } from './section-keys.js';
import { replaceText } from './text.js';
import type { AddItemInput } from './types.js';
import { checkFieldValue, checkText, defaultFieldValue, sameValue, type StoredValue } from './values.js';

type Scalar = StoredValue;

interface Prepared {
	readonly texts: Map<string, string>;
	readonly scalars: Map<string, Scalar>;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

// Validates every field of a patch before anything is written. An empty string means
// "not set" for fields that allow null (what an emptied form control sends).
function preparePatch(doc: Y.Doc, section: SectionKey, patch: Record<string, unknown>): Prepared {
	const texts = new Map<string, string>();
	const scalars = new Map<string, Scalar>();
	for (const [name, raw] of Object.entries(patch)) {
		if (raw === undefined) continue;
		if (name === 'text') {
			const problem = checkText(raw, 'The text');
			if (problem) throw new BoardInputError(name, problem);
			texts.set(name, raw as string);
			continue;
		}
		const spec = fieldSpec(section, name);
		if (!spec || spec.type === 'stamp') throw new BoardInputError(name, `"${name}" cannot be set on this item.`);
		const value = raw === '' && spec.type !== 'text' && checkFieldValue(spec, null) === null ? null : raw;
		const problem = checkFieldValue(spec, value);
		if (problem) throw new BoardInputError(name, problem);
		if (spec.type === 'itemRef' && value !== null && !findItem(doc, spec.section, value as string))
			throw new BoardInputError(name, `The linked item no longer exists.`);
		if (spec.type === 'text') texts.set(name, value as string);
		else scalars.set(name, value as Scalar);
	}
	return { texts, scalars };
}

const stampsOf = (section: SectionKey) =>
	fieldEntries(section).filter((e): e is readonly [string, Extract<FieldSpec, { type: 'stamp' }>] => e[1].type === 'stamp');

/**
 * Adds an item to a section (at the end unless `input.index` is given).
 * @returns the new item's id.
 * @throws BoardInputError for invalid input or a full section; BoardVersionError for a newer document.
 */
export function addItem<S extends SectionKey>(doc: Y.Doc, section: S, input: AddItemInput<S>): string {
	assertSection(section);
	if (!isRecord(input)) throw new BoardInputError('input', 'The item is missing.');
	const { author, recordedBy, index, ...rest } = input as Record<string, unknown>;
	const by = assertId(author, 'author', 'The author');
	const typist = recordedBy === undefined ? by : assertId(recordedBy, 'recordedBy', 'Who typed it');
	if (index !== undefined && !(Number.isSafeInteger(index) && (index as number) >= 0))
		throw new BoardInputError('index', 'The position must be a whole number, 0 or more.');
	const patch = preparePatch(doc, section, rest);
	assertWritable(doc);
	const map = getSectionMap(doc, section);
	if (map.size >= LIMITS.maxItemsPerSection)
		throw new BoardInputError('section', 'This section is full. Remove an item before adding another.');

	const now = Date.now();
	const id = newId();
	const values = new Map<string, Scalar>();
	for (const [name, spec] of fieldEntries(section)) {
		if (spec.type === 'text' || spec.type === 'stamp') continue;
		values.set(name, patch.scalars.has(name) ? patch.scalars.get(name)! : (defaultFieldValue(spec, new Date(now)) as Scalar));
	}
	for (const [name, spec] of stampsOf(section)) values.set(name, values.get(spec.when.field) === spec.when.value ? now : null);
	const sorted = sortedEntries(map);
	const placement = placeAt(sorted, (index as number | undefined) ?? sorted.length);

	doc.transact(() => {
		const item = new Y.Map<unknown>();
		map.set(id, item);
		item.set('id', id);
		item.set('author', by);
		// Words recorded as someone else's keep who typed them; the server checks both.
		if (typist !== by) item.set('recordedBy', typist);
		item.set('createdAt', now);
		item.set('updatedAt', now);
		item.set('updatedBy', typist);
		item.set('text', new Y.Text(patch.texts.get('text') ?? ''));
		for (const [name, spec] of fieldEntries(section)) {
			if (spec.type === 'text') item.set(name, new Y.Text(patch.texts.get(name) ?? ''));
		}
		for (const [name, value] of values) item.set(name, Array.isArray(value) ? [...value] : value);
		applyPlacement(map, item, placement);
	}, BOARD_ORIGIN);
	return id;
}

/**
 * Stamps who made a change and, on a shared screen, whose words it was: `updatedFor` is kept only
 * while it is not the editor, so an edit made in one's own name clears the last one's.
 */
function stampEdit(item: Y.Map<unknown>, now: number, who: string, wordsOf: string): void {
	item.set('updatedAt', now);
	item.set('updatedBy', who);
	if (wordsOf !== who) {
		if (item.get('updatedFor') !== wordsOf) item.set('updatedFor', wordsOf);
	} else if (item.has('updatedFor')) item.delete('updatedFor');
}

/**
 * Updates some fields (and/or `text`, `okLooksLike`) of an item and stamps
 * updatedAt/updatedBy (and updatedFor) if anything changed. Setting a step's status to `done`
 * sets `doneAt`; moving it away from `done` clears it.
 * @param by user id of the member making the change (the sender).
 * @param wordsOf whose words the change is, on a shared screen (anyone on the plan, or THE_PERSON); default `by`.
 * @returns false if the item does not exist (e.g. deleted concurrently), else true.
 * @throws BoardInputError for invalid input.
 */
export function updateFields<S extends SectionKey>(
	doc: Y.Doc,
	section: S,
	id: string,
	patch: ItemPatch<S>,
	by: string,
	wordsOf: string = by
): boolean {
	assertSection(section);
	assertId(id, 'id');
	const who = assertId(by, 'by', 'Who made the change');
	const whose = assertId(wordsOf, 'wordsOf', 'Whose words they are');
	if (!isRecord(patch)) throw new BoardInputError('patch', 'The change is missing.');
	const prepared = preparePatch(doc, section, patch);
	assertWritable(doc);
	const item = findItem(doc, section, id);
	if (!item) return false;
	doc.transact(() => {
		let changed = false;
		for (const [name, value] of prepared.texts) {
			const current = item.get(name);
			if (current instanceof Y.Text) changed = replaceText(current, value) || changed;
			else {
				item.set(name, new Y.Text(value));
				changed = true;
			}
		}
		const now = Date.now();
		for (const [name, value] of prepared.scalars) {
			const old = item.get(name);
			if (sameValue(old, value)) continue;
			item.set(name, Array.isArray(value) ? [...value] : value);
			changed = true;
			for (const [stamp, spec] of stampsOf(section)) {
				if (spec.when.field !== name) continue;
				if (value === spec.when.value) item.set(stamp, now);
				else if (old === spec.when.value) item.set(stamp, null);
			}
		}
		if (changed) stampEdit(item, now, who, whose);
	}, BOARD_ORIGIN);
	return true;
}

/**
 * Replaces an item's main text (a minimal diff, so concurrent typing elsewhere in it survives).
 * @returns false if the item does not exist.
 */
export function setText(doc: Y.Doc, section: SectionKey, id: string, text: string, by: string, wordsOf: string = by): boolean {
	return updateFields(doc, section, id, { text }, by, wordsOf);
}

/**
 * Records that `by` just edited the item (after typing into its Y.Text directly), and whose
 * words the typing was (`wordsOf`, on a shared screen).
 * @returns false if the item does not exist.
 */
export function touchItem(doc: Y.Doc, section: SectionKey, id: string, by: string, wordsOf: string = by): boolean {
	assertSection(section);
	assertId(id, 'id');
	const who = assertId(by, 'by', 'Who made the change');
	const whose = assertId(wordsOf, 'wordsOf', 'Whose words they are');
	assertWritable(doc);
	const item = findItem(doc, section, id);
	if (!item) return false;
	// Inside a typing transaction this joins it (and its undo); on its own it is not undone.
	doc.transact(() => stampEdit(item, Date.now(), who, whose), STAMP_ORIGIN);
	return true;
}

/**
 * Deletes an item. Deleting a goal also unlinks the steps that pointed at it, in the
 * same transaction (so undo restores both).
 * @returns false if there was no such item.
 */
export function deleteItem(doc: Y.Doc, section: SectionKey, id: string): boolean {
	assertSection(section);
	assertId(id, 'id');
	assertWritable(doc);
	const map = getSectionMap(doc, section);
	if (!map.has(id)) return false;
	doc.transact(() => {
		map.delete(id);
		unlinkReferences(doc, section, id);
	}, BOARD_ORIGIN);
	return true;
}

function unlinkReferences(doc: Y.Doc, section: SectionKey, id: string): void {
	for (const other of SECTION_KEYS) {
		for (const [name, spec] of fieldEntries(other)) {
			if (spec.type !== 'itemRef' || spec.section !== section) continue;
			for (const item of getSectionMap(doc, other).values()) {
				if (item instanceof Y.Map && item.get(name) === id) item.set(name, null);
			}
		}
	}
}
