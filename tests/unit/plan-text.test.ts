/**
 * The plan read as text: sections in order, items grouped by kind where a section has kinds,
 * fields in words (rulers, dates, people, goals), who wrote each item, and the margin words of
 * a printed page, which hold a person's name and so must never end their CSS string.
 */
import { describe, expect, it } from 'vitest';
import { SECTIONS } from '../../src/lib/board/index.js';
import { cssString, factLine, printMarginStyle, readPlan, rulerWords } from '../../src/lib/plan-text/index.js';
import { fullPlan, PEOPLE, TRICKY_WORDS } from '../helpers/full-plan.js';

const NAMES: Record<string, string> = {
	[PEOPLE.person]: 'Pat Person (Person)',
	[PEOPLE.clinician]: 'Cleo Clinician (Clinician)',
	[PEOPLE.advocate]: 'Ade Advocate (Peer advocate)',
	[PEOPLE.left]: 'Lee Left (not on the plan now)'
};
const nameOf = (id: string) => NAMES[id] ?? 'someone who has left the plan';

describe('a plan read as text', () => {
	const { doc, ids } = fullPlan();
	const sections = readPlan(doc, nameOf);
	const section = (key: string) => sections.find((s) => s.key === key)!;
	const item = (key: string, id: string) => section(key).groups.flatMap((g) => g.items).find((i) => i.id === id)!;
	const facts = (key: string, id: string) => Object.fromEntries(item(key, id).facts.map((f) => [f.name, f.words]));

	it('has every section in the board’s order, with its title and question', () => {
		expect(sections.map((s) => s.title)).toEqual(SECTIONS.map((s) => s.title));
		expect(section('matters').prompt).toBe('What matters to you?');
		expect(section('goals').count).toBe(5);
	});

	it('keeps the words exactly', () => {
		expect(item('goals', ids.goal!).text).toBe(TRICKY_WORDS);
	});

	it('says the rulers, dates and statuses of a goal in words', () => {
		expect(facts('goals', ids.goal!)).toEqual({
			okLooksLike: 'I walk twice a week\nwithout feeling out of breath',
			importance: '9 out of 10 important to me',
			confidence: '6 out of 10 sure I can do it',
			status: 'Working on it',
			reviewDate: '30 June 2026'
		});
		expect(rulerWords('importance', 0)).toBe('0 out of 10 important to me');
	});

	it('says who does a step, by when, how it is going and for which goal; "not decided yet" when nobody is chosen', () => {
		expect(facts('steps', ids.step!)).toEqual({
			owner: 'Pat Person (Person)',
			dueDate: '20 May 2026',
			status: 'Doing it',
			goalId: 'Walk to "the park" & back <b> مشي إلى الحديقة 🌳 שלום with Jo'
		});
		expect(facts('steps', ids.freshStep!).owner).toBe('Not decided yet');
		expect(facts('steps', ids.mindStep!).owner).toBe('Lee Left (not on the plan now)');
		// The goal it pointed at was deleted: it reads as no goal.
		expect(facts('steps', ids.orphanStep!).goalId).toBeUndefined();
		const done = item('steps', ids.doneStep!).facts.find((f) => f.name === 'doneAt')!;
		expect(done.at).toEqual(expect.any(Number));
	});

	it('groups "If things get difficult" and "A good day / a hard day" by kind, in the order the kinds are offered', () => {
		expect(section('contingency').groups.map((g) => [g.title, g.items.map((i) => i.text)])).toEqual([
			['Warning signs', ['I stop answering the phone']],
			['What helps', ['Someone sitting with me']],
			['Who to call', ['My sister Jo']]
		]);
		expect(facts('contingency', ids.call!)).toEqual({ phone: '+44 7700 900123' });
		expect(section('goodDay').groups.map((g) => g.title)).toEqual(['A good day', 'A hard day', 'What helps me have more good days']);
		expect(section('matters').groups).toEqual([expect.objectContaining({ title: null })]);
	});

	it('names who wrote each item, and who typed words recorded as someone else’s, never "you"', () => {
		expect(item('matters', ids.matters!).wrote).toBe('Words of Pat Person (Person), typed by Cleo Clinician (Clinician)');
		expect(item('strengths', ids.strength!).wrote).toBe('Written by Pat Person (Person)');
		const bylines = sections.flatMap((s) => s.groups.flatMap((g) => g.items.map((i) => i.wrote)));
		expect(bylines).toHaveLength(24);
		for (const byline of bylines) expect(byline).not.toMatch(/\byou(r)?\b/i);
	});

	it('says a fact as one line, without a colon after a question', () => {
		expect(factLine({ label: 'By when', words: '20 May 2026' })).toBe('By when: 20 May 2026');
		expect(factLine({ label: 'How important is this to me?', words: '9 out of 10 important to me' })).toBe('How important is this to me? 9 out of 10 important to me');
	});
});

describe('the words in a printed page’s margin', () => {
	it('escapes every character but plain letters, digits and spaces, keeping the spaces after an escape', () => {
		expect(cssString('Pat Person')).toBe('"Pat Person"');
		expect(cssString("Pat O'Brien: plan")).toBe('"Pat O\\27 Brien\\3a  plan"');
		expect(cssString('Zoë 🌳')).toBe('"Zo\\eb  \\1f333 "');
	});

	it('cannot be ended by a name', () => {
		const style = printMarginStyle({ topLeft: '"; } </style><script>alert(1)</script>', topRight: 'Printed on 4 May 2026' });
		expect(style.match(/<\/style>/g)).toHaveLength(1);
		expect(style.endsWith('</style>')).toBe(true);
		expect(style).not.toContain('<script>');
		expect(style.slice('<style>'.length, -'</style>'.length)).not.toMatch(/[<>;{}]"/);
	});
});
