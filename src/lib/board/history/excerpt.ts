/** Short pieces of text for entries: a whole text cut to length, or the part around a change. */
import { EXCERPT_LENGTH } from './types.js';

const CONTEXT = 40;

/** The text, cut to `max` characters with "…" if longer. */
export function cut(text: string, max = EXCERPT_LENGTH): string {
	return text.length <= max ? text : text.slice(0, max - 1).trimEnd() + '…';
}

/**
 * The changed part of two texts with a little context either side, so a change deep inside a
 * long text is still visible in a short entry.
 */
export function aroundChange(before: string, after: string): { before: string; after: string } {
	if (before.length <= EXCERPT_LENGTH && after.length <= EXCERPT_LENGTH) return { before, after };
	let start = 0;
	while (start < before.length && start < after.length && before[start] === after[start]) start++;
	let end = 0;
	while (
		end < before.length - start &&
		end < after.length - start &&
		before[before.length - 1 - end] === after[after.length - 1 - end]
	)
		end++;
	const from = Math.max(0, start - CONTEXT);
	const piece = (text: string) => {
		const to = Math.min(text.length, text.length - end + CONTEXT);
		const body = cut(text.slice(from, to), EXCERPT_LENGTH - 2);
		return (from > 0 ? '…' : '') + body + (to < text.length && !body.endsWith('…') ? '…' : '');
	};
	return { before: piece(before), after: piece(after) };
}
