/**
 * "Since your last visit": what others changed, per person, in one short line each
 * ("Sam Okafor added 2 notes and changed a goal"), and which items to mark on the board.
 */
import type { SectionKey } from '../section-keys.js';
import type { NameOf } from './describe.js';
import type { HistoryEntry } from './types.js';

/** How one item of each section is called in a sentence, one and many. */
const NOUNS: Record<SectionKey, [string, string]> = {
	today: ['thing to talk about today', 'things to talk about today'],
	matters: ['thing that matters', 'things that matter'],
	goodDay: ['thing about good and hard days', 'things about good and hard days'],
	strengths: ['strength', 'strengths'],
	people: ['person who helps', 'people who help'],
	obstacles: ['thing that gets in the way', 'things that get in the way'],
	goals: ['goal', 'goals'],
	steps: ['next step', 'next steps'],
	notes: ['note', 'notes'],
	contingency: ['thing for when it gets difficult', 'things for when it gets difficult'],
	visits: ['conversation', 'conversations']
};

type Verb = 'added' | 'changed' | 'deleted' | 'brought back';
const VERBS: Verb[] = ['added', 'changed', 'deleted', 'brought back'];
const verbOf = (e: HistoryEntry): Verb =>
	e.kind === 'added' || e.kind === 'deleted' ? e.kind : e.kind === 'restored' ? 'brought back' : 'changed';

export interface ChangedItem {
	itemId: string;
	section: SectionKey;
	/** New to me, or changed since I last looked. */
	mark: 'new' | 'changed';
	text: string;
}

export interface ChangeSummary {
	/** One line per person who changed something, in the order they first did. */
	lines: { senderId: string; text: string }[];
	/** Items still on the board that others added or changed, newest change first. */
	items: ChangedItem[];
}

const counted = (n: number, [one, many]: [string, string]) => (n === 1 ? `a ${one}` : `${n} ${many}`);

function joinAnd(parts: string[]): string {
	return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/** Summarises entries (oldest first) made by others. An item added and then changed counts as added. */
export function summarizeChanges(entries: readonly HistoryEntry[], nameOf: NameOf): ChangeSummary {
	const perSender = new Map<string, Map<string, { verb: Verb; section: SectionKey }>>();
	const items = new Map<string, ChangedItem>();
	for (const e of entries) {
		if (e.senderId === null) continue;
		const mine = perSender.get(e.senderId) ?? new Map();
		perSender.set(e.senderId, mine);
		const verb = verbOf(e);
		const before = mine.get(e.itemId)?.verb;
		if (!(before === 'added' && verb === 'changed')) mine.set(e.itemId, { verb, section: e.section });
		if (e.kind === 'deleted') items.delete(e.itemId);
		else {
			const mark = items.get(e.itemId)?.mark === 'new' || e.kind === 'added' ? 'new' : 'changed';
			items.delete(e.itemId);
			items.set(e.itemId, { itemId: e.itemId, section: e.section, mark, text: e.detail.text });
		}
	}
	const lines = [...perSender].map(([senderId, byItem]) => {
		const parts: string[] = [];
		for (const verb of VERBS) {
			const perSection = new Map<SectionKey, number>();
			for (const { verb: v, section } of byItem.values()) if (v === verb) perSection.set(section, (perSection.get(section) ?? 0) + 1);
			if (perSection.size) parts.push(`${verb} ${joinAnd([...perSection].map(([s, n]) => counted(n, NOUNS[s])))}`);
		}
		return { senderId, text: `${nameOf(senderId)} ${joinAnd(parts)}` };
	});
	return { lines, items: [...items.values()].reverse() };
}
