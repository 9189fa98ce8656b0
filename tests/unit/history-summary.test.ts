import { describe, expect, it } from 'vitest';
import { summarizeChanges, type HistoryEntry } from '../../src/lib/board/history/index.js';
import { dayWords } from '../../src/lib/time/day-words.js';

let nextId = 1;
const entry = (senderId: string, kind: HistoryEntry['kind'], section: HistoryEntry['section'], itemId: string, text = itemId): HistoryEntry => ({
	id: nextId,
	firstSeq: nextId,
	lastSeq: nextId,
	firstAt: nextId,
	lastAt: nextId++,
	senderId,
	wordsOfId: null,
	section,
	itemId,
	kind,
	detail: { text }
});
const names: Record<string, string> = { sam: 'Sam Okafor', li: 'Dr Li Chen' };
const nameOf = (id: string | null) => names[id ?? ''] ?? 'someone';

describe('since your last visit', () => {
	it('says per person what they added, changed and deleted, counting items once', () => {
		const summary = summarizeChanges(
			[
				entry('sam', 'added', 'notes', 'n1'),
				entry('sam', 'text', 'notes', 'n1'),
				entry('sam', 'added', 'notes', 'n2'),
				entry('li', 'field', 'goals', 'g1'),
				entry('li', 'text', 'goals', 'g1'),
				entry('sam', 'done', 'steps', 's1'),
				entry('sam', 'deleted', 'today', 't1')
			],
			nameOf
		);
		expect(summary.lines).toEqual([
			{ senderId: 'sam', text: 'Sam Okafor added 2 notes, changed a next step and deleted a thing to talk about today' },
			{ senderId: 'li', text: 'Dr Li Chen changed a goal' }
		]);
		expect(summary.items.map((i) => [i.itemId, i.mark])).toEqual([
			['s1', 'changed'],
			['g1', 'changed'],
			['n2', 'new'],
			['n1', 'new']
		]);
	});

	it('does not mark an item deleted afterwards', () => {
		const summary = summarizeChanges([entry('sam', 'added', 'notes', 'n1'), entry('li', 'deleted', 'notes', 'n1')], nameOf);
		expect(summary.items).toEqual([]);
		expect(summary.lines.map((l) => l.text)).toEqual(['Sam Okafor added a note', 'Dr Li Chen deleted a note']);
	});
});

describe('the day of a last visit', () => {
	const at = Date.UTC(2025, 2, 11, 23, 30);
	it('is written in the reader’s zone, with the year only when it is not this year', () => {
		expect(dayWords(at, { now: Date.UTC(2025, 5, 1), timeZone: 'UTC' })).toBe('Tuesday 11 March');
		expect(dayWords(at, { now: Date.UTC(2025, 5, 1), timeZone: 'Asia/Tokyo' })).toBe('Wednesday 12 March');
		expect(dayWords(at, { now: Date.UTC(2026, 5, 1), timeZone: 'UTC' })).toBe('Tuesday 11 March 2025');
	});
});
