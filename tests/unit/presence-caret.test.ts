import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addItem, getItemText } from '../../src/lib/board/index.js';
import { caretOffset, caretToken, caretTokens } from '../../src/lib/board/caret.js';

/** Two copies of one plan kept in step, as two browsers are. */
function twoCopies() {
	const a = new Y.Doc();
	const b = new Y.Doc();
	a.on('update', (u: Uint8Array) => Y.applyUpdate(b, u, 'a'));
	b.on('update', (u: Uint8Array, origin: unknown) => origin !== 'a' && Y.applyUpdate(a, u));
	const id = addItem(a, 'goals', { author: 'u1', text: 'Take the bus' });
	return { a: getItemText(a, 'goals', id)!, b: getItemText(b, 'goals', id)!, id, docB: b };
}

describe('carets as relative positions', () => {
	it('maps to the same offset in another copy', () => {
		const { a, b } = twoCopies();
		expect(caretOffset(b, caretToken(a, 5))).toBe(5);
		expect(caretOffset(b, caretToken(a, a.length))).toBe(a.length);
	});

	it('moves with the text when words are put in before it, and stays when put in after', () => {
		const { a, b } = twoCopies();
		const token = caretToken(a, 5); // before "the"
		b.insert(0, 'I want to ');
		expect(caretOffset(b, token)).toBe(15);
		expect(b.toString().slice(15)).toBe('the bus');
		b.insert(b.length, ' to town');
		expect(caretOffset(b, token)).toBe(15);
		b.delete(0, 2);
		expect(caretOffset(a, token)).toBe(13);
	});

	it('a caret at the end stays at the end as text is added there by its owner', () => {
		const { a, b } = twoCopies();
		const token = caretToken(a, a.length);
		b.insert(0, 'Soon: ');
		expect(caretOffset(b, token)).toBe(b.length);
	});

	it('a selection keeps both ends', () => {
		const { a, b } = twoCopies();
		const { anchor, head } = caretTokens(a, 9, 5);
		b.insert(0, '>> ');
		expect([caretOffset(b, anchor), caretOffset(b, head)]).toEqual([12, 8]);
	});

	it('a position in another text is not placed in this one', () => {
		const { a, docB } = twoCopies();
		const other = addItem(docB, 'goals', { author: 'u1', text: 'Cook dinner' });
		const otherText = getItemText(docB, 'goals', other)!;
		expect(caretOffset(otherText, caretToken(a, 3))).toBeNull();
		expect(caretOffset(otherText, 'garbage')).toBeNull();
	});
});
