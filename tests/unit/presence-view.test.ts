import { describe, expect, it } from 'vitest';
import { sectionMostInView } from '../../src/lib/client/section-in-view.js';
import { visiblePart } from '../../src/lib/client/caret-geometry.js';
import { presenceNews, snapshot, whereabouts, type Peer } from '../../src/lib/client/presence-view.js';

const me = { id: 'me', name: 'Sam', role: 'person' as const };
const lee = { id: 'lee', name: 'Dr Li Chen', role: 'clinician' as const };
const ash = { id: 'ash', name: 'Ash', role: 'peer_advocate' as const };
const peer = (clientId: number, user: Peer['user'], more: Partial<Peer> = {}): Peer => ({ clientId, user, viewing: null, editing: null, drafting: null, ...more });

describe('the section most in view', () => {
	it('is the one taking up most of the window', () => {
		expect(sectionMostInView([{ key: 'goals', visibleHeight: 100 }, { key: 'steps', visibleHeight: 500 }, { key: 'notes', visibleHeight: 20 }])).toBe('steps');
	});
	it('goes to the one higher up on a tie, and is none when nothing shows', () => {
		expect(sectionMostInView([{ key: 'goals', visibleHeight: 300 }, { key: 'steps', visibleHeight: 300 }])).toBe('goals');
		expect(sectionMostInView([{ key: 'goals', visibleHeight: 0 }])).toBeNull();
		expect(sectionMostInView([])).toBeNull();
	});
});

describe('where everyone is, in words', () => {
	const text = () => 'Take the bus to town on my own every week';
	it('says the section and the item someone is editing, and the field when it is not the main words', () => {
		const list = whereabouts([peer(1, me), peer(2, lee, { viewing: 'goals', editing: { section: 'goals', itemId: 'g', field: 'text' } })], me, text);
		expect(list.map((w) => w.where)).toEqual(['', 'in My goals, editing ‘Take the bus to town on my ow…’']);
		const field = whereabouts([peer(2, lee, { editing: { section: 'goals', itemId: 'g', field: 'okLooksLike' } })], me, text);
		expect(field[1]!.where).toMatch(/^in My goals, editing .+ of ‘Take the bus/);
	});
	it('describes a person by their busiest window, once', () => {
		const list = whereabouts([peer(2, lee, { viewing: 'steps' }), peer(3, lee, { drafting: { section: 'goals', text: '' } }), peer(4, ash, { viewing: 'notes' })], me, text);
		expect(list.map((w) => [w.user.id, w.where])).toEqual([
			['me', ''],
			['lee', 'in My goals, writing something new'],
			['ash', 'looking at Notes between visits']
		]);
	});
});

describe('what a screen reader hears', () => {
	it('joins and leaves, never me', () => {
		const before = snapshot([peer(1, me), peer(2, lee)], 'me');
		const after = snapshot([peer(1, me), peer(3, ash)], 'me');
		expect(presenceNews(before, after, null)).toEqual(['Ash joined.', 'Dr Li Chen left.']);
	});
	it('someone starting to write in the item I am in, once; not carets or other items', () => {
		const base = snapshot([peer(2, lee)], 'me');
		const inMine = snapshot([peer(2, lee, { editing: { section: 'goals', itemId: 'g' } })], 'me');
		expect(presenceNews(base, inMine, 'g')).toEqual(['Dr Li Chen is writing in this item too.']);
		expect(presenceNews(base, inMine, 'other')).toEqual([]);
		const caretMoved = snapshot([peer(2, lee, { editing: { section: 'goals', itemId: 'g', field: 'text', caret: { anchor: 'AAAA', head: 'AAAA' } } })], 'me');
		expect(presenceNews(inMine, caretMoved, 'g')).toEqual([]);
	});
});

describe('a remote caret is drawn only where the field shows it', () => {
	const box = (top: number, height = 20) => ({ top, left: 10, width: 50, height });
	it('leaves out a caret on a line scrolled out of view', () => {
		expect(visiblePart({ caret: box(-30), selection: [] }, 100)).toBeNull();
		expect(visiblePart({ caret: box(100), selection: [] }, 100)).toBeNull();
		expect(visiblePart({ caret: box(40), selection: [] }, 100)).toEqual({ caret: box(40), selection: [] });
	});
	it('cuts a selection to the field', () => {
		const drawn = visiblePart({ caret: box(40), selection: [box(-30), box(-10, 60), box(90, 40)] }, 100);
		expect(drawn?.selection).toEqual([box(0, 50), box(90, 10)]);
	});
});
