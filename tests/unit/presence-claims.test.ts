import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addItem, getItemText, LIMITS } from '../../src/lib/board/index.js';
import { caretToken, MAX_CARET_TOKEN_LENGTH } from '../../src/lib/board/caret.js';
import { readPresenceClaims } from '../../src/lib/protocol/presence.js';

function goalText(): Y.Text {
	const doc = new Y.Doc();
	const id = addItem(doc, 'goals', { author: 'u1', text: 'Take the bus' });
	return getItemText(doc, 'goals', id)!;
}

const token = caretToken(goalText(), 4);
const editing = (extra: Record<string, unknown>) => ({ editing: { section: 'goals', itemId: 'g1', field: 'text', ...extra } });

describe('readPresenceClaims', () => {
	it('keeps a well-formed section, item, field, caret and draft', () => {
		const claims = readPresenceClaims({ viewing: 'goals', ...editing({ caret: { anchor: token, head: token } }), drafting: { section: 'steps', text: 'Ring the GP' } });
		expect(claims).toEqual({
			viewing: 'goals',
			editing: { section: 'goals', itemId: 'g1', field: 'text', caret: { anchor: token, head: token } },
			drafting: { section: 'steps', text: 'Ring the GP' }
		});
	});

	it('drops an unknown section, field or item id that is too long', () => {
		expect(readPresenceClaims({ viewing: 'secrets' }).viewing).toBeNull();
		expect(readPresenceClaims(editing({ field: 'password' })).editing).toMatchObject({ field: null, caret: null });
		expect(readPresenceClaims({ editing: { section: 'goals', itemId: 'x'.repeat(LIMITS.maxIdLength + 1) } }).editing).toBeNull();
		// A field another section has is not this section's.
		expect(readPresenceClaims({ editing: { section: 'matters', itemId: 'g1', field: 'okLooksLike' } }).editing?.field).toBeNull();
	});

	it('keeps a caret only in a text field', () => {
		expect(readPresenceClaims(editing({ field: 'okLooksLike', caret: { anchor: token, head: token } })).editing?.caret).toEqual({ anchor: token, head: token });
		expect(readPresenceClaims(editing({ field: 'importance', caret: { anchor: token, head: token } })).editing?.caret).toBeNull();
	});

	it('drops oversized, forged and malformed relative positions', () => {
		const bad = [
			'A'.repeat(MAX_CARET_TOKEN_LENGTH + 4), // too long
			'not base64!',
			'AAA', // not a whole number of base64 quads
			Buffer.from([0xff, 0xff, 0xff]).toString('base64'), // not a relative position
			Buffer.concat([Buffer.from(token, 'base64'), Buffer.from([0, 0, 0])]).toString('base64'), // bytes after a valid position
			Buffer.from(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(new Y.Doc().getText('x'.repeat(20)), 0))).toString('base64'), // a named root type
			12345,
			{ bytes: [1, 2, 3] }
		];
		for (const anchor of bad) {
			expect(readPresenceClaims(editing({ caret: { anchor, head: token } })).editing?.caret, String(anchor)).toBeNull();
			expect(readPresenceClaims(editing({ caret: { anchor: token, head: anchor } })).editing?.caret, String(anchor)).toBeNull();
		}
	});

	it('keeps a draft only as long as an item may be, and without control characters', () => {
		expect(readPresenceClaims({ drafting: { section: 'goals', text: 'x'.repeat(LIMITS.maxTextLength) } }).drafting?.text).toHaveLength(LIMITS.maxTextLength);
		expect(readPresenceClaims({ drafting: { section: 'goals', text: 'x'.repeat(LIMITS.maxTextLength + 1) } }).drafting).toEqual({ section: 'goals', text: '' });
		expect(readPresenceClaims({ drafting: { section: 'goals', text: 'bell\u0007' } }).drafting?.text).toBe('');
		expect(readPresenceClaims({ drafting: { section: 'nowhere', text: 'hi' } }).drafting).toBeNull();
	});

	it('reads nonsense as nothing', () => {
		for (const state of [null, 7, 'x', [], { editing: [], drafting: 'goals', viewing: 3 }]) {
			expect(readPresenceClaims(state)).toEqual({ viewing: null, editing: null, drafting: null });
		}
	});
});
