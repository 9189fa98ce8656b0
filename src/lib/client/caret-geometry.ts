/**
 * Where a remote caret and selection are drawn over a text field, in pixels from the field's
 * border box: measured with `textarea-caret` (a mirror element that wraps the text as the
 * field does), less the field's own scrolling.
 */
import getCaretCoordinates from 'textarea-caret';

export interface Box {
	readonly top: number;
	readonly left: number;
	readonly width: number;
	readonly height: number;
}

export interface CaretDrawing {
	/** The caret itself, at the selection's head. */
	readonly caret: Box;
	/** The selected text, one box per line. */
	readonly selection: Box[];
}

function at(el: HTMLTextAreaElement | HTMLInputElement, offset: number) {
	const point = getCaretCoordinates(el, offset);
	return { top: point.top - el.scrollTop, left: point.left - el.scrollLeft, height: point.height };
}

/** The boxes to draw for a caret at `head` with a selection from `anchor`. */
export function caretDrawing(el: HTMLTextAreaElement | HTMLInputElement, anchor: number, head: number): CaretDrawing {
	const h = at(el, head);
	const caret = { top: h.top, left: h.left, width: 2, height: h.height };
	if (anchor === head) return { caret, selection: [] };
	const start = at(el, Math.min(anchor, head));
	const end = at(el, Math.max(anchor, head));
	if (start.top === end.top) return { caret, selection: [{ top: start.top, left: start.left, width: end.left - start.left, height: start.height }] };
	const style = getComputedStyle(el);
	const inner = { left: parseFloat(style.paddingLeft) + parseFloat(style.borderLeftWidth), right: el.clientWidth + parseFloat(style.borderLeftWidth) - parseFloat(style.paddingRight) };
	const selection = [{ top: start.top, left: start.left, width: Math.max(0, inner.right - start.left), height: start.height }];
	if (end.top - (start.top + start.height) > 0) selection.push({ top: start.top + start.height, left: inner.left, width: inner.right - inner.left, height: end.top - start.top - start.height });
	selection.push({ top: end.top, left: inner.left, width: Math.max(0, end.left - inner.left), height: end.height });
	return { caret, selection };
}

/**
 * Only what shows inside the field's box: the overlay does not clip (a name above the first
 * line must stay readable), so carets on lines scrolled out of view are left out and selection
 * boxes cut to the field's height. Null when the caret is out of view.
 */
export function visiblePart(drawing: CaretDrawing, fieldHeight: number): CaretDrawing | null {
	const { caret } = drawing;
	if (caret.top + caret.height <= 0 || caret.top >= fieldHeight) return null;
	const selection = drawing.selection.flatMap((box) => {
		const top = Math.max(0, box.top);
		const bottom = Math.min(fieldHeight, box.top + box.height);
		return bottom > top ? [{ ...box, top, height: bottom - top }] : [];
	});
	return { caret, selection };
}
