/**
 * The pure half of the textarea ↔ Y.Text binding: turning a textarea's new value into one
 * small splice, and carrying a selection through someone else's change. No DOM, no Yjs
 * types beyond the delta shape, so it is unit-tested on bare strings and Y.Docs.
 */
import { LIMITS } from '$lib/board';

/** One edit: at `index`, remove `remove` UTF-16 units, then insert `insert`. */
export interface Splice {
	readonly index: number;
	readonly remove: number;
	readonly insert: string;
}

/** A textarea selection, in UTF-16 units (what selectionStart/End count). */
export interface Selection {
	readonly start: number;
	readonly end: number;
	readonly direction?: 'forward' | 'backward' | 'none';
}

/** One op of a Y.Text delta (Y.YTextEvent.delta): keep, add or remove characters. */
export type DeltaOp = { retain?: number; insert?: unknown; delete?: number };

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/**
 * The smallest splice that turns `prev` into `next`: common prefix and suffix kept.
 * `caret` (the selection end after the input) limits the suffix, so typing "a" after the
 * first "a" of "aa" is an insert at 1, not at 2: it matters when someone else is editing
 * the same words at the same time. Never splits a surrogate pair (half an emoji).
 * @returns null if nothing changed.
 */
export function diffText(prev: string, next: string, caret?: number): Splice | null {
	if (prev === next) return null;
	const min = Math.min(prev.length, next.length);
	const sameAtEnd = (n: number) => prev.charCodeAt(prev.length - 1 - n) === next.charCodeAt(next.length - 1 - n);
	let prefix = 0;
	let suffix = 0;
	if (caret === undefined) {
		while (prefix < min && prev.charCodeAt(prefix) === next.charCodeAt(prefix)) prefix++;
		while (suffix < min - prefix && sameAtEnd(suffix)) suffix++;
	} else {
		// The change ends at the caret, so the kept tail can be no longer than what follows it.
		const maxSuffix = Math.max(0, Math.min(min, next.length - caret));
		while (suffix < maxSuffix && sameAtEnd(suffix)) suffix++;
		while (prefix < min - suffix && prev.charCodeAt(prefix) === next.charCodeAt(prefix)) prefix++;
	}
	if (prefix > 0 && isHigh(prev.charCodeAt(prefix - 1))) prefix--;
	if (suffix > 0 && isLow(prev.charCodeAt(prev.length - suffix))) suffix--;
	return { index: prefix, remove: prev.length - prefix - suffix, insert: next.slice(prefix, next.length - suffix) };
}

// Control characters the board model refuses (tab, newline and carriage return are fine).
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/**
 * Makes a splice safe to write straight into a Y.Text: drops control characters (pasted
 * from other programs) and trims an insert that would take the text past the length
 * limit. The server rejects an update with either, and a rejected update would be resent
 * forever, so they must never be written. Returns null if nothing is left to do.
 */
export function sanitizeSplice(splice: Splice, currentLength: number, maxLength: number = LIMITS.maxTextLength): Splice | null {
	let insert = splice.insert.replace(CONTROL, '');
	const room = Math.max(0, maxLength - (currentLength - splice.remove));
	if (insert.length > room) {
		insert = insert.slice(0, room);
		if (insert.length > 0 && isHigh(insert.charCodeAt(insert.length - 1))) insert = insert.slice(0, -1);
	}
	if (splice.remove === 0 && insert.length === 0) return null;
	return { index: splice.index, remove: splice.remove, insert };
}

/** Applies a splice to a string (what the Y.Text will read after it). */
export function applySplice(text: string, splice: Splice): string {
	return text.slice(0, splice.index) + splice.insert + text.slice(splice.index + splice.remove);
}

/**
 * Where a position ends up after a change described by a Y.Text delta.
 * `stickRight`: when text is inserted exactly at the position, move past it (true) or
 * stay before it (false). A caret stays before text someone else inserts at the same
 * spot, so two people typing at one place each keep their own words together.
 */
export function transformIndex(index: number, delta: readonly DeltaOp[], stickRight = false): number {
	let oldPos = 0;
	let newPos = 0;
	for (const op of delta) {
		if (op.retain !== undefined) {
			if (index < oldPos + op.retain) return newPos + (index - oldPos);
			oldPos += op.retain;
			newPos += op.retain;
		} else if (op.insert !== undefined) {
			const length = typeof op.insert === 'string' ? op.insert.length : 1;
			if (index === oldPos && !stickRight) return newPos;
			newPos += length;
		} else if (op.delete !== undefined) {
			// Inside a removed run: land where it was.
			if (index < oldPos + op.delete) return newPos;
			oldPos += op.delete;
		}
	}
	return newPos + (index - oldPos);
}

/**
 * Carries a selection through a remote change. A range keeps exactly the text it
 * selected (text inserted at either edge stays outside); a caret stays put relative to
 * the words around it.
 */
export function transformSelection(selection: Selection, delta: readonly DeltaOp[]): Selection {
	if (selection.start === selection.end) {
		const at = transformIndex(selection.start, delta, false);
		return { start: at, end: at, direction: selection.direction };
	}
	const start = transformIndex(selection.start, delta, true);
	const end = Math.max(start, transformIndex(selection.end, delta, false));
	return { start, end, direction: selection.direction };
}
