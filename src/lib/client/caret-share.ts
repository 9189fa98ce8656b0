/**
 * Tells the others where my caret (and selection) is in a text field I am writing in, as
 * positions relative to the field's Y.Text, so their copy places it beside the same
 * characters however the text changes meanwhile.
 */
import type * as Y from 'yjs';
import { caretTokens, type CaretTokens } from '$lib/board/caret';

/**
 * Reports the caret of `el` (bound to `ytext`) whenever it may have moved while it has focus.
 * @returns a function that stops it.
 */
export function shareCaret(el: HTMLTextAreaElement | HTMLInputElement, ytext: Y.Text, report: (caret: CaretTokens) => void): () => void {
	const doc = el.ownerDocument;
	let queued = false;
	const read = () => {
		queued = false;
		if (doc.activeElement !== el || el.selectionStart === null || el.selectionEnd === null) return;
		const backward = el.selectionDirection === 'backward';
		const anchor = backward ? el.selectionEnd : el.selectionStart;
		const head = backward ? el.selectionStart : el.selectionEnd;
		report(caretTokens(ytext, anchor, head));
	};
	// After the event's own handlers (the item says "I am writing here" on focusin first).
	const soon = () => {
		if (queued) return;
		queued = true;
		setTimeout(read, 0);
	};
	const events = ['focus', 'select', 'input', 'keyup', 'pointerup'] as const;
	for (const name of events) el.addEventListener(name, soon);
	doc.addEventListener('selectionchange', soon);
	return () => {
		for (const name of events) el.removeEventListener(name, soon);
		doc.removeEventListener('selectionchange', soon);
	};
}
