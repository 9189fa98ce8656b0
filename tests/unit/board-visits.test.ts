/**
 * Conversations in the board model: starting one takes what was kept for it as its agenda,
 * ending one keeps its agenda with its date, and the next starts empty. The server's check holds
 * a stock client to the same rules: who took part names only people on the plan, the shared step
 * is one of the five, words before the person has an account are kept under THE_PERSON.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import {
	addItem,
	agendaOf,
	checkUpdate,
	currentVisit,
	endVisit,
	initBoard,
	listItems,
	moveItem,
	pastVisits,
	setParticipants,
	setVisitStep,
	startVisit,
	THE_PERSON,
	todayIso,
	updateFields,
	validateBoardShape,
	type UpdateWriter
} from '../../src/lib/board/index.js';
import { HistoryDeriver } from '../../src/lib/board/history/index.js';
import { forgeMapWrite, updateOf } from '../helpers/forge-update.js';

const members = new Set(['person', 'clinician', 'advocate', 'supporter']);
const as = (id: string, personId: string | null = 'person'): UpdateWriter => ({ id, personId, isMember: (m) => members.has(m) });
const check = (doc: Y.Doc, update: Uint8Array, writer: UpdateWriter = as('clinician')) => checkUpdate(update, { doc, writer, maxUpdateBytes: 512 * 1024 });
const item = (doc: Y.Doc, section: string, id: string) => doc.getMap(`section:${section}`).get(id) as Y.Map<unknown>;

/** A new item written field by field, as a stock client could, without the model's own choices. */
function rawItem(d: Y.Doc, section: string, fields: Record<string, unknown>) {
	const id = 'forgedforgedforged01';
	const map = new Y.Map<unknown>();
	d.getMap(`section:${section}`).set(id, map);
	for (const [k, v] of Object.entries({ id, order: 'a0', createdAt: 1, updatedAt: 1, updatedBy: 'clinician', ...fields })) map.set(k, v);
	map.set('text', new Y.Text('Words'));
}

function board() {
	const doc = new Y.Doc();
	initBoard(doc);
	return doc;
}
const visits = (doc: Y.Doc) => listItems(doc, 'visits');
const agenda = (doc: Y.Doc, visitId: string | null) => agendaOf(listItems(doc, 'today'), visitId, visits(doc)).map((i) => i.text);

afterEach(() => {
	vi.useRealTimers();
});

describe('a conversation in the model', () => {
	it('starts dated today on step 1, with who takes part, and takes what was kept for it as its agenda', () => {
		const doc = board();
		addItem(doc, 'today', { author: 'person', text: 'My sleep' });
		const id = startVisit(doc, { author: 'clinician', participants: ['person', 'clinician', 'person'] });
		const visit = currentVisit(visits(doc))!;
		expect(visit).toMatchObject({ id, date: todayIso(), step: 'today', status: 'in_progress', endedAt: null, participants: ['person', 'clinician'] });
		expect(agenda(doc, id)).toEqual(['My sleep']);
		expect(agenda(doc, null)).toEqual([]);
		expect(validateBoardShape(doc)).toEqual([]);
	});

	it('ends with what was agreed; its agenda stays with its date, and the next one starts empty', () => {
		const doc = board();
		const first = startVisit(doc, { author: 'clinician', participants: ['person'] });
		addItem(doc, 'today', { author: 'person', text: 'Money worries', visitId: first });
		expect(endVisit(doc, first, 'New goal: pay the gas bill', 'clinician')).toBe(true);
		const ended = visits(doc).find((v) => v.id === first)!;
		expect(ended).toMatchObject({ status: 'ended', text: 'New goal: pay the gas bill' });
		expect(ended.endedAt).toBeGreaterThan(0);
		expect(currentVisit(visits(doc))).toBeNull();

		const second = startVisit(doc, { author: 'person', participants: ['person'] });
		expect(agenda(doc, second)).toEqual([]);
		expect(agenda(doc, first)).toEqual(['Money worries']);
		expect(pastVisits(visits(doc)).map((v) => v.id)).toEqual([first]);
	});

	it('moves the shared step and changes who took part; refuses a step that is not one of the five', () => {
		const doc = board();
		const id = startVisit(doc, { author: 'clinician', participants: ['person'] });
		setVisitStep(doc, id, 'first_step', 'advocate');
		setParticipants(doc, id, ['person', 'advocate'], 'advocate');
		expect(currentVisit(visits(doc))).toMatchObject({ step: 'first_step', participants: ['person', 'advocate'], updatedBy: 'advocate' });
		expect(() => setVisitStep(doc, id, 'step six' as never, 'advocate')).toThrow(/five steps/);
	});

	it('two conversations started at once (offline): the newer one is going on, the other is listed to end', () => {
		const a = board();
		const b = new Y.Doc();
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		vi.useFakeTimers({ now: new Date('2026-05-12T10:00:00') });
		const older = startVisit(a, { author: 'clinician', participants: [] });
		vi.setSystemTime(new Date('2026-05-12T10:05:00'));
		const newer = startVisit(b, { author: 'advocate', participants: [] });
		Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		expect(currentVisit(visits(a))?.id).toBe(newer);
		expect(currentVisit(visits(b))?.id).toBe(newer);
		expect(pastVisits(visits(a)).map((v) => v.id)).toEqual([older]);
	});

	it('a move within one conversation’s agenda passes the items of other conversations', () => {
		const doc = board();
		const first = startVisit(doc, { author: 'clinician', participants: [] });
		const kept = addItem(doc, 'today', { author: 'person', text: 'From last time', visitId: first });
		endVisit(doc, first, '', 'clinician');
		const now = startVisit(doc, { author: 'clinician', participants: [] });
		const a = addItem(doc, 'today', { author: 'person', text: 'A', visitId: now });
		const b = addItem(doc, 'today', { author: 'person', text: 'B', visitId: now });
		// The agenda of today reads A, B; "From last time" sits between nothing shown.
		moveItem(doc, 'today', kept, 'down');
		expect(listItems(doc, 'today').map((i) => i.text)).toEqual(['A', 'From last time', 'B']);
		const shown = new Set([a, b]);
		expect(moveItem(doc, 'today', b, 'up', shown)).toBe(true);
		expect(agenda(doc, now)).toEqual(['B', 'A']);
		expect(moveItem(doc, 'today', b, 'up', shown)).toBe(false);
	});
});

describe('the server’s check of conversations', () => {
	it('accepts what the model writes: start, step, who took part, agenda, the end', () => {
		const doc = board();
		addItem(doc, 'today', { author: 'person', text: 'Kept for next time' });
		const start = updateOf(doc, (d) => startVisit(d, { author: 'person', recordedBy: 'clinician', participants: ['person', 'clinician'] }));
		expect(check(doc, start)).toBeNull();
		Y.applyUpdate(doc, start);
		const id = currentVisit(visits(doc))!.id;
		for (const change of [
			(d: Y.Doc) => setVisitStep(d, id, 'explore', 'clinician'),
			(d: Y.Doc) => setParticipants(d, id, ['person', 'clinician', 'advocate'], 'clinician'),
			(d: Y.Doc) => addItem(d, 'today', { author: 'person', recordedBy: 'clinician', text: 'My sleep', visitId: id }),
			(d: Y.Doc) => endVisit(d, id, 'We agreed a first step.', 'clinician')
		]) {
			expect(check(doc, updateOf(doc, change))).toBeNull();
		}
	});

	it('refuses who took part naming someone not on the plan, a repeat, or something that is not a list', () => {
		const doc = board();
		const id = startVisit(doc, { author: 'clinician', participants: ['person'] });
		const write = (value: unknown) => updateOf(doc, (d) => item(d, 'visits', id).set('participants', value));
		expect(check(doc, write(['person', 'mallory']))).toMatchObject({ kind: 'not-a-member' });
		expect(check(doc, write(['person', 'person']))?.message).toMatch(/outside the plan's rules/);
		expect(check(doc, write('person'))?.message).toMatch(/outside the plan's rules/);
		expect(check(doc, write(Array.from({ length: 31 }, () => 'person')))).not.toBeNull();
		expect(check(doc, write([THE_PERSON, 'advocate']))).toBeNull();
	});

	it('refuses a step that is not one of the five, and a status that is not going on or ended', () => {
		const doc = board();
		const id = startVisit(doc, { author: 'clinician', participants: [] });
		expect(check(doc, updateOf(doc, (d) => item(d, 'visits', id).set('step', 'six')))?.message).toMatch(/"step"/);
		expect(check(doc, updateOf(doc, (d) => item(d, 'visits', id).set('step', 3)))?.message).toMatch(/"step"/);
		expect(check(doc, updateOf(doc, (d) => item(d, 'visits', id).set('status', 'paused')))?.message).toMatch(/"status"/);
		expect(check(doc, updateOf(doc, (d) => item(d, 'visits', id).set('mood', 'happy')))?.message).toMatch(/unknown field/);
	});

	it('an agenda item names its conversation by id only', () => {
		const doc = board();
		const id = addItem(doc, 'today', { author: 'person', text: 'Sleep' });
		expect(check(doc, updateOf(doc, (d) => item(d, 'today', id).set('visitId', ' padded ')))?.message).toMatch(/"visitId"/);
		expect(check(doc, updateOf(doc, (d) => forgeMapWrite(item(d, 'today', id), 'visitId', new Y.ContentAny([['a', 'b']])))))
			.not.toBeNull();
	});
});

describe('who is talking now, on one shared screen', () => {
	it('words may be recorded as anyone on the plan’s, with who typed them; never as someone not on it', () => {
		const doc = board();
		expect(check(doc, updateOf(doc, (d) => addItem(d, 'notes', { author: 'advocate', recordedBy: 'clinician', text: 'Lee said this' })))).toBeNull();
		expect(check(doc, updateOf(doc, (d) => addItem(d, 'notes', { author: 'supporter', recordedBy: 'clinician', text: 'Robin said this' })))).toBeNull();
		expect(check(doc, updateOf(doc, (d) => addItem(d, 'notes', { author: 'mallory', recordedBy: 'clinician', text: 'Not on it' })))).toMatchObject({
			kind: 'not-a-member'
		});
		expect(check(doc, updateOf(doc, (d) => rawItem(d, 'notes', { author: 'advocate' })))?.message).toMatch(/recordedBy/);
		expect(check(doc, updateOf(doc, (d) => rawItem(d, 'notes', { author: 'advocate', recordedBy: 'person' })))?.message).toMatch(/recordedBy/);
	});

	it('before the person has an account, their words, steps and place in a conversation are kept under THE_PERSON', () => {
		const doc = board();
		const noPerson = as('clinician', null);
		expect(check(doc, updateOf(doc, (d) => addItem(d, 'matters', { author: THE_PERSON, recordedBy: 'clinician', text: 'My dog' })), noPerson)).toBeNull();
		expect(check(doc, updateOf(doc, (d) => addItem(d, 'steps', { author: THE_PERSON, recordedBy: 'clinician', text: 'Walk', owner: THE_PERSON })), noPerson)).toBeNull();
		expect(check(doc, updateOf(doc, (d) => startVisit(d, { author: 'clinician', participants: [THE_PERSON, 'clinician'] })), noPerson)).toBeNull();
		// Still the typist is named: a placeholder is not a way to hide who typed.
		expect(check(doc, updateOf(doc, (d) => rawItem(d, 'matters', { author: THE_PERSON })), noPerson)?.message).toMatch(/recordedBy/);
		expect(check(doc, updateOf(doc, (d) => addItem(d, 'matters', { author: '@someone', recordedBy: 'clinician', text: 'x' })), noPerson)).toMatchObject({
			kind: 'not-a-member'
		});
	});
});

describe('conversations in the history', () => {
	it('starting and ending are entries; moving the shared step is not', () => {
		const doc = board();
		const deriver = new HistoryDeriver();
		let seq = 0;
		const log = (userId: string, change: (d: Y.Doc) => void) => {
			const update = updateOf(doc, change);
			Y.applyUpdate(doc, update);
			deriver.apply({ seq: ++seq, data: update, userId, at: Date.now() });
		};
		log('clinician', (d) => startVisit(d, { author: 'clinician', participants: ['person'] }));
		const id = currentVisit(visits(doc))!.id;
		log('clinician', (d) => setVisitStep(d, id, 'explore', 'clinician'));
		log('clinician', (d) => setVisitStep(d, id, 'matters', 'clinician'));
		log('clinician', (d) => endVisit(d, id, 'We agreed to meet again.', 'clinician'));
		const kinds = deriver.takeChanged().filter((e) => e.section === 'visits').map((e) => `${e.kind}${e.detail.field ? `:${e.detail.field}` : ''}`);
		// What was agreed is written as it ends: one entry, "ended the conversation. What we agreed: …".
		expect(kinds).toEqual(['added', 'done:status']);
	});
});
