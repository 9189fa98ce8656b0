/**
 * An item's fields as plain words for reading on paper or in another service: dates as
 * "3 June 2026", rulers as "9 out of 10 important to me", people by name. Empty fields are
 * left out rather than shown blank.
 */
import { fieldEntries, type FieldSpec, type ItemView } from '../board/index.js';
import type { FactReading, NameOf } from './types.js';

const dayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "3 May 2025" for `2025-05-03`; the input as it is if it is not a date. */
export function isoDateWords(iso: string): string {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
	if (!m) return iso;
	return dayFormat.format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))));
}

/** The UTC day of a moment: what is shown before the reader's own zone is known. */
export function utcDayWords(at: number): string {
	return dayFormat.format(at);
}

/** What each ruler measures, said after its number ("9 out of 10 important to me"). */
const RULER_WORDS: Readonly<Record<string, string>> = {
	importance: 'important to me',
	confidence: 'sure I can do it'
};

/** "9 out of 10 important to me"; a ruler we have no words for reads "9 out of 10". */
export function rulerWords(name: string, value: number): string {
	const what = RULER_WORDS[name];
	return what ? `${value} out of 10 ${what}` : `${value} out of 10`;
}

/** A text cut to one line of about `max` characters. */
export function excerpt(text: string, max = 80): string {
	// Only the start is shown, so only the start is read: a text may be 10,000 characters long.
	const flat = text.slice(0, max * 4).replace(/\s+/g, ' ').trim();
	return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

/** How a goal is named where a step points at it: its words, or its number when it has none. */
export function goalName(goal: ItemView<'goals'>, index: number): string {
	return excerpt(goal.text) || `Goal ${index + 1} (no words yet)`;
}

function factWords(name: string, spec: FieldSpec, value: unknown, nameOf: NameOf, goals: readonly ItemView<'goals'>[]): Omit<FactReading, 'name' | 'label'> | null {
	// On paper "who does it" is said even when nobody has been chosen yet.
	if (spec.type === 'userId' && value === null) return { words: 'Not decided yet' };
	if (value === null || value === undefined || value === '') return null;
	switch (spec.type) {
		case 'enum':
			return { words: spec.options.find((o) => o.value === value)?.label ?? String(value) };
		case 'ruler':
			return typeof value === 'number' ? { words: rulerWords(name, value) } : null;
		case 'date':
			return { words: isoDateWords(String(value)) };
		case 'string':
		case 'text':
			return { words: String(value) };
		case 'userId':
			return { words: nameOf(String(value)) };
		case 'members':
			return Array.isArray(value) && value.length ? { words: value.map((id) => nameOf(String(id))).join(', ') } : null;
		case 'itemRef': {
			const index = goals.findIndex((g) => g.id === value);
			// A goal deleted a moment ago reads as "no goal", as the schema says.
			return index < 0 ? null : { words: goalName(goals[index]!, index) };
		}
		case 'stamp':
			return typeof value === 'number' ? { words: utcDayWords(value), at: value } : null;
	}
}

/** A fact's label as it stands before its value: "By when:", "How important is this to me?". */
export function factLabel(label: string): string {
	return /[?:]$/.test(label) ? label : `${label}:`;
}

/** A fact as one line: "By when: 3 June 2026", "How important is this to me? 9 out of 10 important to me". */
export function factLine(fact: Pick<FactReading, 'label' | 'words'>): string {
	return `${factLabel(fact.label)} ${fact.words}`;
}

/** The item's fields that have a value, in the section's order, as words. */
export function itemFacts(item: ItemView, nameOf: NameOf, goals: readonly ItemView<'goals'>[]): FactReading[] {
	const values = item as unknown as Record<string, unknown>;
	const facts: FactReading[] = [];
	for (const [name, spec] of fieldEntries(item.section)) {
		const words = factWords(name, spec, values[name], nameOf, goals);
		if (words) facts.push({ name, label: spec.label, ...words });
	}
	return facts;
}
