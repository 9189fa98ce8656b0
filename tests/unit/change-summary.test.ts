/** The rough kind of a change, read from stored updates, and the notice's words. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addItem, deleteItem, initBoard, setText } from '../../src/lib/board/index.js';
import { mergeSummaries, noticeText, summarizeChanges } from '../../src/lib/board/change-summary.js';

/** A board, and a function that records the updates of what `change` does to it. */
function board() {
	const doc = new Y.Doc();
	initBoard(doc);
	return {
		doc,
		updates(change: () => void): Uint8Array[] {
			const seen: Uint8Array[] = [];
			const keep = (u: Uint8Array) => seen.push(u);
			doc.on('update', keep);
			change();
			doc.off('update', keep);
			return seen;
		}
	};
}

describe('summarizeChanges', () => {
	it('names the section that gained an item', () => {
		const b = board();
		expect(summarizeChanges(b.updates(() => addItem(b.doc, 'notes', { author: 'u1', text: 'Rang the GP' })))).toEqual({ kind: 'added', section: 'notes' });
		expect(summarizeChanges(b.updates(() => addItem(b.doc, 'goals', { author: 'u1', text: 'Walk more' })))).toEqual({ kind: 'added', section: 'goals' });
	});

	it('calls edits, deletes and additions to several sections "changed"', () => {
		const b = board();
		const id = addItem(b.doc, 'matters', { author: 'u1', text: 'Family' });
		expect(summarizeChanges(b.updates(() => setText(b.doc, 'matters', id, 'text', 'My family')))).toEqual({ kind: 'changed' });
		expect(summarizeChanges(b.updates(() => deleteItem(b.doc, 'matters', id)))).toEqual({ kind: 'changed' });
		const both = b.updates(() => {
			addItem(b.doc, 'notes', { author: 'u1', text: 'A' });
			addItem(b.doc, 'steps', { author: 'u1', text: 'B' });
		});
		expect(summarizeChanges(both)).toEqual({ kind: 'changed' });
	});

	it('reads garbage as "changed", never throws', () => {
		expect(summarizeChanges([new Uint8Array([255, 1, 2, 3])])).toEqual({ kind: 'changed' });
		expect(summarizeChanges([])).toEqual({ kind: 'changed' });
	});

	it('coalesces the same addition, and anything else into "changed"', () => {
		const note = { kind: 'added', section: 'notes' } as const;
		expect(mergeSummaries(note, note)).toEqual(note);
		expect(mergeSummaries(note, { kind: 'added', section: 'goals' })).toEqual({ kind: 'changed' });
		expect(mergeSummaries(note, { kind: 'changed' })).toEqual({ kind: 'changed' });
	});
});

describe('noticeText', () => {
	it('says who did what to whose plan', () => {
		const note = { kind: 'added', section: 'notes' } as const;
		expect(noticeText({ who: ['Sam Okafor'], personName: 'Pat Morgan', isMine: false, change: note })).toBe("Sam Okafor added a note to Pat Morgan's plan");
		expect(noticeText({ who: ['Dr Li Chen'], personName: 'Pat Morgan', isMine: true, change: { kind: 'added', section: 'goals' } })).toBe('Dr Li Chen added a goal to your plan');
		expect(noticeText({ who: ['A', 'B', 'C'], personName: 'Pat', isMine: false, change: { kind: 'changed' } })).toBe("A, B and C changed Pat's plan");
		expect(noticeText({ who: ['Pat'], personName: 'Pat', isMine: false, change: { kind: 'changed' } })).toBe('Pat changed their plan');
		expect(noticeText({ who: [], personName: 'Pat', isMine: false, change: { kind: 'changed' } })).toBe("Someone changed Pat's plan");
	});
});
