import type { ItemPatch, SectionFieldValues } from './fields.js';
import type { SectionKey } from './section-keys.js';

/** Fields every item has, whatever its section. */
export interface ItemBase<S extends SectionKey = SectionKey> {
	readonly section: S;
	/** Stable random id; also the item's key in its section map. */
	readonly id: string;
	/** Fractional index; sort by (order, id). */
	readonly order: string;
	/** User id whose words these are (whoever was talking, on a shared screen). */
	readonly author: string;
	/** User id of who typed the words, when they were recorded as the author's; else null. */
	readonly recordedBy: string | null;
	/** Epoch ms. */
	readonly createdAt: number;
	/** Epoch ms of the last edit made through this module. */
	readonly updatedAt: number;
	/** User id of the last editor: who made the last change. */
	readonly updatedBy: string;
	/** Whose words the last change was, when that is not `updatedBy` (a shared screen); else null. */
	readonly updatedFor: string | null;
	/** The item's words (snapshot of its Y.Text). */
	readonly text: string;
}

/**
 * A plain snapshot of one item: base fields plus its section's fields. With the default
 * type argument it is a union discriminated by `section`.
 */
export type ItemView<S extends SectionKey = SectionKey> = S extends SectionKey
	? ItemBase<S> & Readonly<SectionFieldValues<S>>
	: never;

/** Input of addItem: who wrote it, optional text and fields, optional position. */
export type AddItemInput<S extends SectionKey> = ItemPatch<S> & {
	/** User id credited as the author (whoever is talking, on a shared screen). */
	author: string;
	/** User id of who is typing, when that is not the author (the server checks it is the sender). */
	recordedBy?: string;
	/** Position in the sorted section (0 = first); default: at the end. Clamped. */
	index?: number;
};
