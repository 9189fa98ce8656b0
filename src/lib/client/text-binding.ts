/**
 * Binds a <textarea> to a Y.Text, so two people typing in the same item at the same time
 * both keep their words, merged by character. Local input becomes one small splice in
 * one transaction; a remote change rewrites the textarea and carries the caret and
 * selection through it. The textarea is never controlled by Svelte: this is its only writer.
 */
import type * as Y from 'yjs';
import { diffText, sanitizeSplice, transformSelection, type DeltaOp } from './text-diff';

export interface TextBindingOptions {
	/** Called inside the typing transaction (to stamp "last changed by"). */
	onLocalEdit?: () => void;
}

/**
 * Starts the binding. The textarea takes the text's current value.
 * @returns a function that stops it.
 */
export function bindTextarea(el: HTMLTextAreaElement, ytext: Y.Text, options: TextBindingOptions = {}): () => void {
	const doc = ytext.doc;
	// What the textarea showed after the last sync with the Y.Text: the base for the next diff.
	let known = ytext.toString();
	let applying = false;
	el.value = known;

	const onInput = () => {
		const next = el.value;
		const raw = diffText(known, next, el.selectionEnd);
		if (!raw) return;
		const splice = sanitizeSplice(raw, known.length);
		if (splice && doc) {
			applying = true;
			try {
				// Origin null: direct typing, which the board's undo manager tracks.
				doc.transact(() => {
					if (splice.remove > 0) ytext.delete(splice.index, splice.remove);
					if (splice.insert.length > 0) ytext.insert(splice.index, splice.insert);
					options.onLocalEdit?.();
				}, null);
			} finally {
				applying = false;
			}
		}
		known = ytext.toString();
		if (known !== next) {
			// Something was left out (a control character, or past the length limit): show what was kept.
			const caret = splice ? splice.index + splice.insert.length : (raw?.index ?? 0);
			el.value = known;
			el.setSelectionRange(caret, caret);
		}
	};

	const onRemote = (event: Y.YTextEvent) => {
		if (applying) return;
		const value = ytext.toString();
		if (value === el.value) {
			known = value;
			return;
		}
		const focused = el.ownerDocument.activeElement === el;
		const selection = {
			start: el.selectionStart,
			end: el.selectionEnd,
			direction: el.selectionDirection ?? undefined
		};
		const scroll = el.scrollTop;
		el.value = value;
		known = value;
		if (focused) {
			const moved = transformSelection(selection, event.delta as DeltaOp[]);
			el.setSelectionRange(moved.start, moved.end, moved.direction);
		}
		el.scrollTop = scroll;
	};

	el.addEventListener('input', onInput);
	ytext.observe(onRemote);
	return () => {
		el.removeEventListener('input', onInput);
		ytext.unobserve(onRemote);
	};
}
