/**
 * Access to the document's top-level types, the schema version, and the guards every
 * write goes through. Internal: only the board module calls getSectionMap.
 */
import * as Y from 'yjs';
import { BoardInputError, BoardVersionError } from './errors.js';
import { isSectionKey, SECTION_KEYS, type SectionKey } from './section-keys.js';
import { BOARD_ORIGIN, META_ROOT, SCHEMA_VERSION, SECTION_ROOT_PREFIX } from './schema.js';
import { checkId } from './values.js';

/** Name of a section's top-level Y.Map. */
export function sectionRootName(section: SectionKey): string {
	return SECTION_ROOT_PREFIX + section;
}

/** The top-level map of one section: item id → item Y.Map. */
export function getSectionMap(doc: Y.Doc, section: SectionKey): Y.Map<unknown> {
	return doc.getMap<unknown>(sectionRootName(section));
}

/** The top-level `meta` map. */
export function getMetaMap(doc: Y.Doc): Y.Map<unknown> {
	return doc.getMap<unknown>(META_ROOT);
}

/**
 * Marks the document as a board of the current schema version and defines all
 * top-level types. Idempotent; two replicas doing it concurrently write the same value,
 * which merges cleanly. Call it on the server when a board is created or loaded; a
 * client need not (see docs/board-schema.md: a future client-side init before first
 * sync could race a server-side migration).
 * @returns the document's schema version after the call.
 */
export function initBoard(doc: Y.Doc): number {
	const meta = getMetaMap(doc);
	for (const key of SECTION_KEYS) getSectionMap(doc, key);
	const current = getSchemaVersion(doc);
	if (current !== null) return current;
	doc.transact(() => meta.set('schemaVersion', SCHEMA_VERSION), BOARD_ORIGIN);
	return SCHEMA_VERSION;
}

/** The document's schema version, or null if the board was never initialised. */
export function getSchemaVersion(doc: Y.Doc): number | null {
	const v = getMetaMap(doc).get('schemaVersion');
	return Number.isSafeInteger(v) ? (v as number) : null;
}

/** Throws BoardVersionError if the document was written by a newer schema. */
export function assertWritable(doc: Y.Doc): void {
	const v = getSchemaVersion(doc);
	if (v !== null && v > SCHEMA_VERSION) throw new BoardVersionError(v, SCHEMA_VERSION);
}

/** Validates a section key argument. */
export function assertSection(section: unknown): SectionKey {
	if (!isSectionKey(section)) throw new BoardInputError('section', 'Unknown section.');
	return section;
}

/** Validates an id argument (item id or user id); returns it. */
export function assertId(value: unknown, field: string, label = 'The id'): string {
	const problem = checkId(value, label);
	if (problem) throw new BoardInputError(field, problem);
	return value as string;
}

/** The item's Y.Map, or undefined if it does not exist (e.g. deleted by someone else). */
export function findItem(doc: Y.Doc, section: SectionKey, id: string): Y.Map<unknown> | undefined {
	const item = getSectionMap(doc, section).get(id);
	return item instanceof Y.Map ? item : undefined;
}
