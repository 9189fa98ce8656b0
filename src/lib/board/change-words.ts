/**
 * The words of a notice between visits, from a rough summary of the change. Pure and free of
 * Yjs, so the browser's notices need not load it.
 */
import type { SectionKey } from './section-keys.js';

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
	contingency: 'something for when things get difficult',
	visits: 'a conversation'
};

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
	const theirOwn = who.length === 1 && who[0] === personName;
	const plan = isMine ? 'your plan' : theirOwn ? 'their plan' : `${personName}'s plan`;
	if (change.kind === 'added' && change.section === 'visits') return `${names(who)} started a conversation on ${plan}`;
	if (change.kind === 'added') return `${names(who)} added ${ADDED[change.section]} to ${plan}`;
	return `${names(who)} changed ${plan}`;
}
