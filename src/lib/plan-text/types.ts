/**
 * A plan read as text: every section in order, each item's words and its fields as plain
 * words, and who wrote it and when. Plain data, so the server can build it once and a page,
 * a printout or another format can show it.
 */
import type { SectionKey } from '../board/index.js';

/** One field of an item, as words: "By when: 3 June 2026". */
export interface FactReading {
	name: string;
	label: string;
	/** The value in words; for a moment (`at`), the day in UTC until the reader's zone is known. */
	words: string;
	/** Epoch ms, for a value that is a moment (a step's "Done on"): shown as a day in the reader's zone. */
	at?: number;
}

export interface ItemReading {
	id: string;
	section: SectionKey;
	/** The item's words exactly as written ('' when there are none yet). */
	text: string;
	/** What the words are, e.g. "My goal, in my words" (for screen readers and other formats). */
	textLabel: string;
	facts: FactReading[];
	/** "Written by Pat Okafor (Person)", "Words of Pat Okafor (Person), typed by Li Chen (Clinician)". */
	wrote: string;
	writtenAt: number;
	/** Who changed it last and when, if someone did after it was written. */
	changed: { by: string; at: number } | null;
}

/** Items of one kind within a section ("Warning signs"), or all of them (`title` null). */
export interface ItemGroup {
	key: string;
	title: string | null;
	items: ItemReading[];
}

export interface SectionReading {
	key: SectionKey;
	title: string;
	/** The section's main question, e.g. "What matters to you?". */
	prompt: string;
	count: number;
	groups: ItemGroup[];
}

/** How the people named on a plan are called in text: "Pat Okafor (Person)". */
export type NameOf = (userId: string) => string;
