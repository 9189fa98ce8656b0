/**
 * Carets shared as presence: a position in an item's Y.Text as a Yjs relative position, so it
 * stays beside the same character while others type before it. On the wire it is a short
 * base64 token; the server checks its shape (caretTokenOk), each client maps it back to an
 * offset in its own copy of the text (caretOffset).
 */
import * as Y from 'yjs';
import { fromBase64, toBase64 } from 'lib0/buffer';

/**
 * Longest token accepted. A position names a character (two varints: client id and clock, at
 * most 8 + 8 bytes) or the text itself, plus one association byte: 24 bytes is room to spare.
 */
export const MAX_CARET_TOKEN_LENGTH = 44;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** A caret and its selection: anchor and head are equal when nothing is selected. */
export interface CaretTokens {
	readonly anchor: string;
	readonly head: string;
}

/** The token for offset `index` in `ytext` (clamped to the text). */
export function caretToken(ytext: Y.Text, index: number): string {
	const at = Math.max(0, Math.min(index, ytext.length));
	return toBase64(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(ytext, at)));
}

/** Tokens for a selection from `anchor` to `head`. */
export function caretTokens(ytext: Y.Text, anchor: number, head: number): CaretTokens {
	const a = caretToken(ytext, anchor);
	return { anchor: a, head: head === anchor ? a : caretToken(ytext, head) };
}

function decodeToken(token: string): Y.RelativePosition | null {
	if (token.length > MAX_CARET_TOKEN_LENGTH || token.length % 4 !== 0 || !BASE64.test(token)) return null;
	try {
		const bytes = fromBase64(token);
		const position = Y.decodeRelativePosition(bytes);
		// Only positions inside a nested text (a character or the text's own id), never a named
		// root type (which could carry a name of any length), and nothing trailing.
		if (position.tname !== null || (position.item === null && position.type === null)) return null;
		if (toBase64(Y.encodeRelativePosition(position)) !== token) return null;
		return position;
	} catch {
		return null;
	}
}

/** Is `token` the shape of a caret token? (Says nothing of which text it points into.) */
export function caretTokenOk(token: unknown): token is string {
	return typeof token === 'string' && decodeToken(token) !== null;
}

/**
 * The offset `token` stands for in `ytext` now, or null if it is malformed, points into
 * another text, or into a part of the text this copy has not received yet.
 */
export function caretOffset(ytext: Y.Text, token: string): number | null {
	const doc = ytext.doc;
	const position = decodeToken(token);
	if (!doc || !position) return null;
	const absolute = Y.createAbsolutePositionFromRelativePosition(position, doc);
	if (!absolute || absolute.type !== ytext) return null;
	return Math.min(absolute.index, ytext.length);
}
