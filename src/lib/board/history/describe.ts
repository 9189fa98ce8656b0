/**
 * History entries in plain words. Section titles and field labels come from the board's own
 * tables, so a renamed label reads the same on the board and in its history.
 */
import { fieldSpec, type FieldSpec } from '../fields.js';
import { getSection } from '../sections.js';
import type { SectionKey } from '../section-keys.js';
import type { FieldScalar, HistoryEntry } from './types.js';

/** A member's name from their id ("someone who has left the plan" when unknown). */
export type NameOf = (userId: string | null) => string;

export interface EntrySentence {
	/** "Dr Li Chen added a goal: 'Take the bus to my daughter's'". */
	sentence: string;
	/** "typed by Dr Li Chen as Pat's words" when the words are recorded as someone else's. */
	typedBy: string | null;
	/** For a text change: the words around the change, before and after. */
	before: string | null;
	after: string | null;
}

// How adding reads in each section; sections not listed read "added to <title>".
const ADDING: Partial<Record<SectionKey, string>> = {
	goals: 'added a goal',
	visits: 'started a conversation',
	steps: 'added a next step',
	notes: 'wrote a note',
	strengths: 'added a strength',
	people: 'added someone who helps',
	obstacles: 'added something that gets in the way'
};

const quoted = (text: string) => `'${text.trim() || '(no words yet)'}'`;
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
/** "Pat's words", and "your words" when the name is the reader's "you". */
const whose = (name: string) => (name === 'you' ? 'your' : `${name}'s`);

/** A field value as a person reads it: option labels, names, plain dates. */
export function describeValue(spec: FieldSpec | undefined, value: FieldScalar, nameOf: NameOf): string {
	if (value === null || value === '') return 'nothing';
	if (!spec) return String(value);
	switch (spec.type) {
		case 'enum':
			return spec.options.find((o) => o.value === value)?.label ?? String(value);
		case 'userId':
			return nameOf(String(value));
		case 'members': {
			const ids = String(value).split(',').filter(Boolean);
			return ids.length ? ids.map((id) => nameOf(id)).join(', ') : 'nobody';
		}
		case 'itemRef':
			return getSection(spec.section).oneItem;
		case 'date': {
			const date = new Date(`${value}T12:00:00Z`);
			return Number.isNaN(date.getTime())
				? String(value)
				: date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
		}
		default:
			return String(value);
	}
}

/** One entry as a sentence, naming the real sender and, if different, whose words they are. */
export function describeEntry(entry: HistoryEntry, nameOf: NameOf): EntrySentence {
	const who = nameOf(entry.senderId);
	const section = getSection(entry.section);
	const item = quoted(entry.detail.text);
	const typedBy = entry.wordsOfId ? `typed by ${who} as ${whose(nameOf(entry.wordsOfId))} words` : null;
	const plain = (sentence: string): EntrySentence => ({ sentence: capitalise(sentence), typedBy, before: null, after: null });
	const d = entry.detail;
	switch (entry.kind) {
		case 'added': {
			if (entry.section === 'visits') return plain(`${who} started a conversation`);
			const adding = ADDING[entry.section] ?? `added to "${section.title}"`;
			return plain(d.text.trim() ? `${who} ${adding}: ${item}` : `${who} ${adding}`);
		}
		case 'deleted':
			return plain(`${who} deleted '${section.title}: ${d.text.trim() || '(no words)'}'`);
		case 'restored':
			return plain(`${who} brought back '${section.title}: ${d.text.trim() || '(no words)'}'`);
		case 'text': {
			const label = d.field === 'text' || !d.field ? section.textLabel : (fieldSpec(entry.section, d.field)?.label ?? d.field);
			return { sentence: capitalise(`${who} changed the words of "${label}" in ${item}`), typedBy, before: d.before ?? '', after: d.after ?? '' };
		}
		case 'done':
			if (entry.section === 'visits') return plain(d.text.trim() ? `${who} ended the conversation. What we agreed: ${item}` : `${who} ended the conversation`);
			return plain(`${who} marked ${item} done`);
		case 'moved':
			return plain(`${who} moved ${item} in "${section.title}" from place ${d.from} to place ${d.to}`);
		case 'field': {
			const spec = d.field ? fieldSpec(entry.section, d.field) : undefined;
			const label = spec?.label ?? d.field ?? 'a detail';
			const from = describeValue(spec, d.from ?? null, nameOf);
			const to = describeValue(spec, d.to ?? null, nameOf);
			const change = d.from === null || d.from === undefined ? `set "${label}" to ${to}` : `changed "${label}" from ${from} to ${to}`;
			return plain(`${who} ${change} for ${item}`);
		}
	}
}
