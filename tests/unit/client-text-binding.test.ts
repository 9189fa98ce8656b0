import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addItem, getItem, getItemText, initBoard, LIMITS } from '../../src/lib/board/index.js';
import { applySplice, diffText, sanitizeSplice, transformIndex, transformSelection, type DeltaOp } from '../../src/lib/client/text-diff.js';
import { bindTextarea } from '../../src/lib/client/text-binding.js';

const ME = 'user-person';

/** Exchanges missing updates both ways, as the providers do. */
function sync(a: Y.Doc, b: Y.Doc): void {
	const toB = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
	const toA = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
	Y.applyUpdate(b, toB, 'remote');
	Y.applyUpdate(a, toA, 'remote');
}

/** Two replicas of one board holding one goal, with fixed client ids (they decide tie-breaks). */
function twoReplicas(text: string, ids: readonly [number, number] = [1, 2]) {
	const a = new Y.Doc();
	const b = new Y.Doc();
	a.clientID = ids[0];
	b.clientID = ids[1];
	initBoard(a);
	const id = addItem(a, 'goals', { author: ME, text });
	sync(a, b);
	return { a, b, id, ta: getItemText(a, 'goals', id)!, tb: getItemText(b, 'goals', id)! };
}

/**
 * Just enough of an HTMLTextAreaElement for the binding: value, selection, focus and the
 * input event. `type` mimics the browser: edit the value, move the caret, fire "input".
 */
class FakeTextarea {
	value = '';
	selectionStart = 0;
	selectionEnd = 0;
	selectionDirection: 'forward' | 'backward' | 'none' = 'none';
	scrollTop = 0;
	focused = true;
	#listeners = new Set<() => void>();
	/** The binding asks the document whether the textarea has focus. */
	readonly ownerDocument: { readonly activeElement: unknown };

	constructor() {
		const area = this;
		this.ownerDocument = {
			get activeElement() {
				return area.focused ? area : null;
			}
		};
	}
	addEventListener(_: 'input', fn: () => void) {
		this.#listeners.add(fn);
	}
	removeEventListener(_: 'input', fn: () => void) {
		this.#listeners.delete(fn);
	}
	setSelectionRange(start: number, end: number, direction?: 'forward' | 'backward' | 'none') {
		this.selectionStart = start;
		this.selectionEnd = end;
		if (direction) this.selectionDirection = direction;
	}
	/** Replaces the selection with `text`, as typing or pasting does. */
	type(text: string) {
		const { selectionStart: s, selectionEnd: e } = this;
		this.value = this.value.slice(0, s) + text + this.value.slice(e);
		this.setSelectionRange(s + text.length, s + text.length);
		for (const fn of this.#listeners) fn();
	}
	/** Backspace: deletes the selection, or the character before the caret. */
	backspace() {
		const { selectionStart: s, selectionEnd: e } = this;
		const from = s === e ? Math.max(0, s - 1) : s;
		this.value = this.value.slice(0, from) + this.value.slice(e);
		this.setSelectionRange(from, from);
		for (const fn of this.#listeners) fn();
	}
}

const bind = (area: FakeTextarea, ytext: Y.Text, onLocalEdit?: () => void) =>
	bindTextarea(area as unknown as HTMLTextAreaElement, ytext, { onLocalEdit });

describe('diffText', () => {
	it('finds the one splice between two strings', () => {
		expect(diffText('hello', 'hello')).toBeNull();
		expect(diffText('hello', 'hello world')).toEqual({ index: 5, remove: 0, insert: ' world' });
		expect(diffText('hello world', 'hello')).toEqual({ index: 5, remove: 6, insert: '' });
		expect(diffText('walk to the shop', 'walk to the park')).toEqual({ index: 12, remove: 4, insert: 'park' });
		expect(diffText('', 'a')).toEqual({ index: 0, remove: 0, insert: 'a' });
	});

	it('uses the caret to place an edit among repeated letters', () => {
		// "aa" → "aaa" with the caret at 2: the new "a" went in at 1, after the first.
		expect(diffText('aa', 'aaa', 2)).toEqual({ index: 1, remove: 0, insert: 'a' });
		expect(diffText('aa', 'aaa', 3)).toEqual({ index: 2, remove: 0, insert: 'a' });
		expect(diffText('aa', 'aaa', 1)).toEqual({ index: 0, remove: 0, insert: 'a' });
		// Backspace of the middle "a": caret ends at 1.
		expect(diffText('aaa', 'aa', 1)).toEqual({ index: 1, remove: 1, insert: '' });
		// Replacing a selection.
		expect(diffText('I like tea', 'I love tea', 6)).toEqual({ index: 3, remove: 3, insert: 'ove' });
	});

	it('never splits an emoji in half', () => {
		const s = diffText('a😀b', 'a😃b')!;
		expect(s).toEqual({ index: 1, remove: 2, insert: '😃' });
		const t = diffText('😀', '😀😀', 4)!;
		expect(applySplice('😀', t)).toBe('😀😀');
		expect(t.index % 2).toBe(0);
	});

	it('always produces the new text, whatever the caret says', () => {
		const cases: [string, string][] = [
			['abcabc', 'abcXabc'],
			['aaaa', 'aa'],
			['', ''],
			['x', ''],
			['hello there', 'hello where'],
			['😀😀', '😀']
		];
		for (const [prev, next] of cases) {
			for (let caret = 0; caret <= next.length; caret++) {
				const splice = diffText(prev, next, caret);
				expect(splice ? applySplice(prev, splice) : prev).toBe(next);
			}
		}
	});
});

describe('sanitizeSplice', () => {
	it('drops control characters but keeps tabs and new lines', () => {
		expect(sanitizeSplice({ index: 0, remove: 0, insert: 'a\u0007b\tc\nd\u000c' }, 0)).toEqual({ index: 0, remove: 0, insert: 'ab\tc\nd' });
		expect(sanitizeSplice({ index: 0, remove: 0, insert: '\u0001' }, 0)).toBeNull();
	});

	it('trims an insert that would pass the length limit, without splitting an emoji', () => {
		expect(sanitizeSplice({ index: 8, remove: 0, insert: 'abcdef' }, 8, 10)).toEqual({ index: 8, remove: 0, insert: 'ab' });
		expect(sanitizeSplice({ index: 8, remove: 2, insert: 'abcdef' }, 10, 10)).toEqual({ index: 8, remove: 2, insert: 'ab' });
		expect(sanitizeSplice({ index: 9, remove: 0, insert: '😀' }, 9, 10)).toBeNull();
	});
});

describe('transformIndex / transformSelection', () => {
	const delta = (...ops: DeltaOp[]) => ops;

	it('shifts positions after an insert and keeps those before', () => {
		const d = delta({ retain: 3 }, { insert: 'XY' });
		expect(transformIndex(2, d)).toBe(2);
		expect(transformIndex(4, d)).toBe(6);
		// Exactly at the insert: a caret stays before someone else's words.
		expect(transformIndex(3, d)).toBe(3);
		expect(transformIndex(3, d, true)).toBe(5);
	});

	it('pulls positions back after a delete and collapses those inside it', () => {
		const d = delta({ retain: 2 }, { delete: 3 });
		expect(transformIndex(1, d)).toBe(1);
		expect(transformIndex(3, d)).toBe(2);
		expect(transformIndex(7, d)).toBe(4);
	});

	it('keeps a selection on exactly the words it selected', () => {
		// "the cat sat", "cat" selected (4–7); someone inserts "big " at 4 and "!" at 7.
		const d = delta({ retain: 4 }, { insert: 'big ' }, { retain: 3 }, { insert: '!' });
		expect(transformSelection({ start: 4, end: 7 }, d)).toMatchObject({ start: 8, end: 11 });
	});
});

describe('bindTextarea', () => {
	it('sends typing to the Y.Text as small edits and stamps the item once per edit', () => {
		const { a, id, ta } = twoReplicas('I want to');
		const area = new FakeTextarea();
		let touches = 0;
		const stop = bind(area, ta, () => touches++);
		expect(area.value).toBe('I want to');
		area.setSelectionRange(9, 9);
		area.type(' walk');
		expect(ta.toString()).toBe('I want to walk');
		expect(touches).toBe(1);
		area.setSelectionRange(2, 6);
		area.type('would like');
		expect(getItem(a, 'goals', id)!.text).toBe('I would like to walk');
		stop();
		area.type('!');
		expect(ta.toString()).toBe('I would like to walk');
	});

	it('merges two people typing in the same goal at once, by character', () => {
		for (const ids of [
			[1, 2],
			[2, 1]
		] as const) {
			const { a, b, ta, tb } = twoReplicas('I want to walk', ids);
			const areaA = new FakeTextarea();
			const areaB = new FakeTextarea();
			bind(areaA, ta);
			bind(areaB, tb);
			// A adds words at the end, B changes the start, before either hears of the other.
			areaA.setSelectionRange(14, 14);
			areaA.type(' every day');
			areaB.setSelectionRange(2, 6);
			areaB.type('would like');
			sync(a, b);
			expect(ta.toString()).toBe('I would like to walk every day');
			expect(tb.toString()).toBe(ta.toString());
			// Both textareas show the merged words, and each caret is still after what its writer typed.
			expect(areaA.value).toBe('I would like to walk every day');
			expect(areaB.value).toBe('I would like to walk every day');
			expect(areaA.value.slice(0, areaA.selectionEnd)).toBe('I would like to walk every day');
			expect(areaB.value.slice(0, areaB.selectionEnd)).toBe('I would like');
		}
	});

	it('keeps both writers\u2019 words together when they type at the same spot', () => {
		for (const ids of [
			[1, 2],
			[2, 1]
		] as const) {
			const { a, b, ta, tb } = twoReplicas('Walk', ids);
			const areaA = new FakeTextarea();
			const areaB = new FakeTextarea();
			bind(areaA, ta);
			bind(areaB, tb);
			areaA.setSelectionRange(4, 4);
			areaB.setSelectionRange(4, 4);
			// Letter by letter, syncing after each pair, like two live keyboards.
			for (const [x, y] of [
				['a', 'x'],
				['b', 'y'],
				['c', 'z']
			]) {
				areaA.type(x!);
				areaB.type(y!);
				sync(a, b);
			}
			const text = ta.toString();
			expect(tb.toString()).toBe(text);
			expect([`Walkabcxyz`, `Walkxyzabc`]).toContain(text);
		}
	});

	it('moves the caret with remote edits before it and not with those after it', () => {
		const { a, b, ta, tb } = twoReplicas('I want to walk');
		const areaA = new FakeTextarea();
		bind(areaA, ta);
		areaA.setSelectionRange(7, 7); // before "to"
		tb.insert(0, 'Today ');
		tb.insert(tb.length, ' to the park');
		sync(a, b);
		expect(areaA.value).toBe('Today I want to walk to the park');
		expect(areaA.value.slice(areaA.selectionStart)).toBe('to walk to the park');
		// A remote delete that takes the caret's neighbours collapses it where they were.
		tb.delete(0, 6);
		sync(a, b);
		expect(areaA.value.slice(areaA.selectionStart)).toBe('to walk to the park');
	});

	it('never writes control characters or text past the limit', () => {
		const { ta } = twoReplicas('ab');
		const area = new FakeTextarea();
		bind(area, ta);
		area.setSelectionRange(1, 1);
		area.type('\u0007x');
		expect(ta.toString()).toBe('axb');
		expect(area.value).toBe('axb');
		expect(area.selectionEnd).toBe(2);
		area.setSelectionRange(3, 3);
		area.type('y'.repeat(LIMITS.maxTextLength));
		expect(ta.length).toBe(LIMITS.maxTextLength);
		expect(area.value).toBe(ta.toString());
	});

	it('types with origin null so the board undo manager can undo it', () => {
		const { a, ta } = twoReplicas('');
		const origins: unknown[] = [];
		a.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin));
		const area = new FakeTextarea();
		bind(area, ta);
		area.type('hi');
		expect(origins).toEqual([null]);
	});
});
