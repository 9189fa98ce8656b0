/**
 * Names and limits of the board document. Changing any of these changes the stored
 * format: bump SCHEMA_VERSION and describe the migration in docs/board-schema.md.
 */

/** Version of the document layout written by this code. Stored in `meta.schemaVersion`. */
export const SCHEMA_VERSION = 1;

/** Top-level Y.Map holding document-wide facts (only `schemaVersion` today). */
export const META_ROOT = 'meta';

/**
 * Each section is its own top-level Y.Map (`section:<key>`). Top-level types are
 * identified by name, so two clients that first touch a section concurrently merge.
 * A nested map per section would not: two concurrently created nested maps under one
 * key conflict, and the loser's items would vanish.
 */
export const SECTION_ROOT_PREFIX = 'section:';

/**
 * An author, step owner or participant id that stands for the plan's person, whoever they are.
 * Before the person has an account, words recorded on a shared screen are kept under it, so they
 * are theirs from the start; it reads as the person once they join, with nothing rewritten. Real
 * user ids never contain "@", so it can never be mistaken for one.
 */
export const THE_PERSON = '@person';

/** Transaction origin of every write made by this module (track it in an UndoManager). */
export const BOARD_ORIGIN = 'whatmatters/board';

/**
 * Origin of a "last changed" stamp written on its own (after typing stops): not a change of its
 * own to undo, so Undo goes straight to the words.
 */
export const STAMP_ORIGIN = 'whatmatters/stamp';

/**
 * Limits checked on input (the browser and the model) and, a little higher, on every update the
 * server receives. Two people typing into one nearly full text, or adding to one nearly full
 * section, at the same moment each stay within the input limit, but their merged changes may
 * pass it; the server's limits leave room for that, so neither person's change is refused and
 * stuck on their device. Only a client that ignores the input limits reaches the server's.
 */
export const LIMITS = {
	/** Characters (UTF-16 code units, as Y.Text counts) a person can put in one text field. */
	maxTextLength: 10_000,
	/** What one text may reach once concurrent typing has merged; the server refuses more. */
	mergedTextLength: 12_000,
	/** Items a person can add to a section; a guard against runaway or hostile clients, not a UX limit. */
	maxItemsPerSection: 500,
	/** What a section may reach once concurrent additions have merged; the server refuses more. */
	mergedItemsPerSection: 550,
	/** User ids and item ids. */
	maxIdLength: 128,
	/** Short single-line fields such as `relationship`. */
	maxShortString: 200,
	/** Phone numbers. */
	maxPhoneLength: 40,
	/** People named in one list (who took part in a conversation). */
	maxMembersInList: 30
} as const;
