/**
 * Stable keys of the board's sections, as stored in the document: never rename.
 * The ten shown on the board, in display order, then `visits`: the plan's conversations, which
 * are kept like any section's items (attributed, ordered, in the history) but shown by the guide.
 */
export const BOARD_SECTION_KEYS = [
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

/** Every section of the document: the ten of the board, then the conversations. */
export const SECTION_KEYS = [...BOARD_SECTION_KEYS, 'visits'] as const;

/** Key of one section of the document. */
export type SectionKey = (typeof SECTION_KEYS)[number];
/** Key of one of the ten sections shown on the board. */
export type BoardSectionKey = (typeof BOARD_SECTION_KEYS)[number];

const KEY_SET: ReadonlySet<string> = new Set(SECTION_KEYS);

/** True if `value` is the key of a section of the document (the ten, or `visits`). */
export function isSectionKey(value: unknown): value is SectionKey {
	return typeof value === 'string' && KEY_SET.has(value);
}
