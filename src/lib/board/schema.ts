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

/** Transaction origin of every write made by this module (track it in an UndoManager). */
export const BOARD_ORIGIN = 'whatmatters/board';

/** Hard limits checked on input and by validateBoardShape. */
export const LIMITS = {
	/** Characters (UTF-16 code units, as Y.Text counts) per text field of one item. */
	maxTextLength: 10_000,
	/** Items per section; a guard against runaway or hostile clients, not a UX limit. */
	maxItemsPerSection: 500,
	/** User ids and item ids. */
	maxIdLength: 128,
	/** Short single-line fields such as `relationship`. */
	maxShortString: 200,
	/** Phone numbers. */
	maxPhoneLength: 40
} as const;
