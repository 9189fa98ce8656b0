import type * as Y from 'yjs';

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/**
 * Makes `ytext` read `next` with the smallest single delete + insert (common prefix and
 * suffix kept), so a concurrent edit elsewhere in the text survives a whole-text
 * replace. Never splits a surrogate pair (Yjs would turn half an emoji into U+FFFD).
 * Call inside a transaction.
 * @returns false if the text already read `next` (nothing written).
 */
export function replaceText(ytext: Y.Text, next: string): boolean {
	const prev = ytext.toString();
	if (prev === next) return false;
	const min = Math.min(prev.length, next.length);
	let start = 0;
	while (start < min && prev.charCodeAt(start) === next.charCodeAt(start)) start++;
	if (start > 0 && isHigh(prev.charCodeAt(start - 1))) start--;
	let endPrev = prev.length;
	let endNext = next.length;
	while (endPrev > start && endNext > start && prev.charCodeAt(endPrev - 1) === next.charCodeAt(endNext - 1)) {
		endPrev--;
		endNext--;
	}
	if (endPrev < prev.length && isLow(prev.charCodeAt(endPrev))) {
		endPrev++;
		endNext++;
	}
	if (endPrev > start) ytext.delete(start, endPrev - start);
	if (endNext > start) ytext.insert(start, next.slice(start, endNext));
	return true;
}
