/**
 * What the UI needs to render the ten sections generically: titles, prompts, the label
 * of each item's main text and its extra fields. Words are first person and plain.
 */
import { FIELDS, type FieldSpec } from './fields.js';
import type { SectionKey } from './section-keys.js';

/** Display information for one section. */
export interface SectionInfo<S extends SectionKey = SectionKey> {
	readonly key: S;
	/** Heading, e.g. "What matters to me". */
	readonly title: string;
	/** Questions that start the conversation; the first is the main one. */
	readonly prompts: readonly string[];
	/** Label of each item's main text field. */
	readonly textLabel: string;
	/** Extra fields of this section's items (may be empty). */
	readonly fields: Readonly<Record<string, FieldSpec>>;
}

function section<S extends SectionKey>(
	key: S,
	title: string,
	prompts: readonly string[],
	textLabel: string
): SectionInfo<S> {
	return Object.freeze({ key, title, prompts: Object.freeze([...prompts]), textLabel, fields: FIELDS[key] });
}

/** The ten sections in display order. */
export const SECTIONS: readonly SectionInfo[] = Object.freeze([
	section('today', 'Our time today', ['What would you like to get out of our time together today?'], 'What I want from today'),
	section('matters', 'What matters to me', ['What matters to you?'], 'What matters to me'),
	section(
		'goodDay',
		'A good day / a hard day',
		['What does a good day look like to you?', 'What could help you have more good days?'],
		'In my words'
	),
	section('strengths', 'My strengths', ['What do you already do that helps? What are you good at?'], 'My strength'),
	section('people', 'People who help me', ['Who helps you? Family, friends, peer support, services.'], 'Who helps me'),
	section(
		'obstacles',
		'Things that get in the way',
		['What gets in the way? Things like housing, money, feeling lonely or stress.'],
		'What gets in the way'
	),
	section('goals', 'My goals', ['What would you like to change or keep doing?'], 'My goal, in my words'),
	section('steps', 'Next steps', ['What is one small step you could take first?'], 'The step'),
	section('notes', 'Notes between visits', ['How have things been since we last met?'], 'Note'),
	section(
		'contingency',
		'If things get difficult',
		['What are the warning signs? What helps? Who can you call?'],
		'In my words'
	)
]);

const BY_KEY = new Map<SectionKey, SectionInfo>(SECTIONS.map((s) => [s.key, s]));

/** Display information for one section. */
export function getSection<S extends SectionKey>(key: S): SectionInfo<S> {
	return BY_KEY.get(key) as SectionInfo<S>;
}
