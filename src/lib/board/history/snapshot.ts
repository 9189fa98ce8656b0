/** Plain snapshots of items and the differences between two of them. */
import * as Y from 'yjs';
import { fieldEntries } from '../fields.js';
import type { SectionKey } from '../section-keys.js';
import type { FieldScalar, ItemSnapshot } from './types.js';

// A list of people is kept as its ids joined by commas (ids have none), so entries stay scalars.
const scalar = (v: unknown): FieldScalar =>
	typeof v === 'string' || typeof v === 'number' ? v : Array.isArray(v) ? v.filter((id) => typeof id === 'string').join(',') : null;

/** The item's words and fields now. */
export function snapshotItem(section: SectionKey, item: Y.Map<unknown>): ItemSnapshot {
	const text = item.get('text');
	const texts: Record<string, string> = { text: text instanceof Y.Text ? text.toString() : '' };
	const fields: Record<string, FieldScalar> = {};
	for (const [name, spec] of fieldEntries(section)) {
		if (spec.type === 'stamp') continue;
		const value = item.get(name);
		if (spec.type === 'text') texts[name] = value instanceof Y.Text ? value.toString() : '';
		else fields[name] = scalar(value);
	}
	const author = item.get('author');
	const order = item.get('order');
	const updatedBy = item.get('updatedBy');
	const updatedFor = item.get('updatedFor');
	return {
		section,
		author: typeof author === 'string' ? author : '',
		updatedBy: typeof updatedBy === 'string' ? updatedBy : '',
		updatedFor: typeof updatedFor === 'string' ? updatedFor : null,
		order: typeof order === 'string' ? order : '',
		texts,
		fields
	};
}

/** Text fields whose words differ, in the field table's order (`text` first). */
export function changedTexts(before: ItemSnapshot, after: ItemSnapshot): string[] {
	return Object.keys(after.texts).filter((name) => (before.texts[name] ?? '') !== after.texts[name]);
}

/** Scalar fields whose value differs, in the field table's order. */
export function changedFields(before: ItemSnapshot, after: ItemSnapshot): string[] {
	return Object.keys(after.fields).filter((name) => (before.fields[name] ?? null) !== after.fields[name]);
}
