/**
 * A rough summary of what some stored updates did to a plan, for a notice between visits
 * ("Sam Okafor added a note to Pat Morgan's plan"): which section gained an item, or just
 * "changed". Read from the updates themselves, without the document.
 */
import * as Y from 'yjs';
import { SECTION_ROOT_PREFIX } from './schema.js';
import { isSectionKey, type SectionKey } from './section-keys.js';

export type ChangeSummary = { readonly kind: 'added'; readonly section: SectionKey } | { readonly kind: 'changed' };

/** Words for an item added to a section, after "added". */
const ADDED: Record<SectionKey, string> = {
	today: 'something to talk about today',
	matters: 'something that matters',
	goodDay: 'something about a good day',
	strengths: 'a strength',
	people: 'someone who helps',
	obstacles: 'something that gets in the way',
	goals: 'a goal',
	steps: 'a next step',
	notes: 'a note',
	contingency: 'something for when things get difficult'
};

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

/** Two summaries of one plan, coalesced: the same addition stays; anything else is "changed". */
export function mergeSummaries(a: ChangeSummary, b: ChangeSummary): ChangeSummary {
	return a.kind === 'added' && b.kind === 'added' && a.section === b.section ? a : { kind: 'changed' };
}

export interface NoticeWords {
	/** Who changed it, by name; empty when my role may not see who. */
	who: readonly string[];
	/** The person whose plan it is. */
	personName: string;
	/** Is it my own plan (I am its person)? */
	isMine: boolean;
	change: ChangeSummary;
}

function names(who: readonly string[]): string {
	if (who.length === 0) return 'Someone';
	if (who.length === 1) return who[0]!;
	return `${who.slice(0, -1).join(', ')} and ${who[who.length - 1]}`;
}

/** The notice's sentence, e.g. "Sam Okafor added a note to Pat Morgan's plan". */
export function noticeText({ who, personName, isMine, change }: NoticeWords): string {
	const plan = isMine ? 'your plan' : `${personName}'s plan`;
	if (change.kind === 'added') return `${names(who)} added ${ADDED[change.section]} to ${plan}`;
	return `${names(who)} changed ${plan}`;
}
