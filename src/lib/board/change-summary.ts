/**
 * A rough summary of what some stored updates did to a plan, for a notice between visits
 * ("Sam Okafor added a note to Pat Morgan's plan"): which section gained an item, or just
 * "changed". Read from the updates themselves, without the document.
 */
import * as Y from 'yjs';
import { SECTION_ROOT_PREFIX } from './schema.js';
import { isSectionKey, type SectionKey } from './section-keys.js';
import type { ChangeSummary } from './change-words.js';

export { mergeSummaries, noticeText, type ChangeSummary, type NoticeWords } from './change-words.js';

/** The sections that gained an item in one update (a new key in a section's map). */
function sectionsGained(update: Uint8Array): SectionKey[] {
	let structs: ReturnType<typeof Y.decodeUpdate>['structs'];
	try {
		structs = Y.decodeUpdate(update).structs;
	} catch {
		return [];
	}
	const found: SectionKey[] = [];
	for (const struct of structs) {
		// Decoded, a struct's parent is its root type's name (a string) or the id of its parent item.
		const parent = (struct as { parent?: unknown }).parent;
		if (!(struct instanceof Y.Item) || typeof parent !== 'string' || struct.parentSub === null) continue;
		if (!parent.startsWith(SECTION_ROOT_PREFIX)) continue;
		const key = parent.slice(SECTION_ROOT_PREFIX.length);
		if (isSectionKey(key) && struct.content instanceof Y.ContentType) found.push(key);
	}
	return found;
}

/**
 * What the updates did: "added" if every new item went into one section, else "changed"
 * (edits, moves, deletes, or items added to several sections at once).
 */
export function summarizeChanges(updates: readonly Uint8Array[]): ChangeSummary {
	const sections = new Set(updates.flatMap(sectionsGained));
	if (sections.size !== 1) return { kind: 'changed' };
	const [section] = sections;
	return { kind: 'added', section: section! };
}
