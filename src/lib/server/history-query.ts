/** The history page's address: which page of entries, whose, and of which section. */
import { isSectionKey, type SectionKey } from '../board/section-keys.js';

export interface HistoryFilter {
	who: string | null;
	section: SectionKey | null;
	before: number | null;
}

export type FilterResult = { ok: true; filter: HistoryFilter } | { ok: false; message: string };

const ENTRY_ID = /^[1-9][0-9]{0,14}$/;

/** Reads `who`, `section` and `before` from a query; an empty value means "any". */
export function readHistoryFilter(params: URLSearchParams): FilterResult {
	const who = params.get('who') || null;
	const section = params.get('section') || null;
	const before = params.get('before') || null;
	if (who !== null && (who.length > 128 || /\s/.test(who))) return { ok: false, message: 'That is not someone on this plan.' };
	if (section !== null && !isSectionKey(section)) return { ok: false, message: 'That is not a part of the plan. Choose one from the list.' };
	if (before !== null && !ENTRY_ID.test(before)) return { ok: false, message: 'That page of changes does not exist. Start again from the newest changes.' };
	return { ok: true, filter: { who, section: section as SectionKey | null, before: before === null ? null : Number(before) } };
}

/** The query string of a filter (empty values left out). */
export function historyQuery(filter: HistoryFilter): string {
	const params = new URLSearchParams();
	if (filter.who) params.set('who', filter.who);
	if (filter.section) params.set('section', filter.section);
	if (filter.before) params.set('before', String(filter.before));
	const query = params.toString();
	return query ? `?${query}` : '';
}
