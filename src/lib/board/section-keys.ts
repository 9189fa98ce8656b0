/** Stable keys of the ten board sections, in display order. Stored in the document: never rename. */
export const SECTION_KEYS = [
	'today',
	'matters',
	'goodDay',
	'strengths',
	'people',
	'obstacles',
	'goals',
	'steps',
	'notes',
	'contingency'
] as const;

/** Key of one board section. */
export type SectionKey = (typeof SECTION_KEYS)[number];

const KEY_SET: ReadonlySet<string> = new Set(SECTION_KEYS);

/** True if `value` is one of the ten section keys. */
export function isSectionKey(value: unknown): value is SectionKey {
	return typeof value === 'string' && KEY_SET.has(value);
}
