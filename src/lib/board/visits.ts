/**
 * Conversations ("visits" in the document): a dated meeting with its agenda ("Our time today"),
 * who took part, the guide's shared step, and what was agreed. A conversation is an item of the
 * `visits` section, so it is attributed, synced, kept offline and in the history like any item;
 * its agenda items are the `today` items whose `visitId` names it. Layout: docs/board-schema.md.
 */
import type * as Y from 'yjs';
import { BoardInputError } from './errors.js';
import { assertId, assertWritable } from './doc.js';
import { GUIDE_STEPS, type GuideStep } from './fields.js';
import { addItem, updateFields } from './item-write.js';
import { listItems } from './item-read.js';
import { BOARD_ORIGIN } from './schema.js';
import type { ItemView } from './types.js';
import { todayIso } from './values.js';

export type Visit = ItemView<'visits'>;

export interface StartVisitInput {
	/** Whose conversation it is said to be started by (who is talking now). */
	author: string;
	/** Who typed it, when that is not the author. */
	recordedBy?: string;
	/** Who takes part (members of the plan, or THE_PERSON). */
	participants: readonly string[];
}

/** The conversation going on now: the newest not yet ended (two started offline at once: the newer). */
export function currentVisit(visits: readonly Visit[]): Visit | null {
	let found: Visit | null = null;
	for (const visit of visits) {
		if (visit.status !== 'in_progress') continue;
		if (!found || visit.createdAt > found.createdAt || (visit.createdAt === found.createdAt && visit.id > found.id)) found = visit;
	}
	return found;
}

/** Conversations other than the one going on now, newest first (by date, then start). */
export function pastVisits(visits: readonly Visit[]): Visit[] {
	const current = currentVisit(visits);
	return visits
		.filter((visit) => visit !== current)
		.sort((a, b) => (a.date === b.date ? b.createdAt - a.createdAt : a.date < b.date ? 1 : -1));
}

/**
 * The agenda items of a conversation; with null, the items kept for the next conversation
 * (added when none was going on). An agenda item whose conversation was deleted is kept for the next.
 */
export function agendaOf(today: readonly ItemView<'today'>[], visitId: string | null, visits: readonly Visit[]): ItemView<'today'>[] {
	const known = new Set(visits.map((v) => v.id));
	return today.filter((item) => (item.visitId !== null && known.has(item.visitId) ? item.visitId : null) === visitId);
}

/**
 * Starts a conversation, dated today (local time), on step 1. What was kept for the next
 * conversation becomes its agenda. One transaction: one update, one undo step.
 * @returns the new conversation's id.
 */
export function startVisit(doc: Y.Doc, input: StartVisitInput): string {
	assertWritable(doc);
	const typist = input.recordedBy ?? input.author;
	const visits = listItems(doc, 'visits');
	const waiting = agendaOf(listItems(doc, 'today'), null, visits);
	let id = '';
	doc.transact(() => {
		id = addItem(doc, 'visits', {
			author: input.author,
			...(input.recordedBy && input.recordedBy !== input.author ? { recordedBy: input.recordedBy } : {}),
			participants: [...new Set(input.participants)],
			date: todayIso(),
			step: 'today',
			status: 'in_progress'
		});
		for (const item of waiting) updateFields(doc, 'today', item.id, { visitId: id }, typist);
	}, BOARD_ORIGIN);
	return id;
}

/** Moves the conversation's shared step ("we are on step N"). @returns false if it is gone. */
export function setVisitStep(doc: Y.Doc, visitId: string, step: GuideStep, by: string): boolean {
	if (!GUIDE_STEPS.some((s) => s.value === step)) throw new BoardInputError('step', 'Choose one of the five steps.');
	return updateFields(doc, 'visits', visitId, { step }, by);
}

/** Changes who took part. @returns false if the conversation is gone. */
export function setParticipants(doc: Y.Doc, visitId: string, participants: readonly string[], by: string): boolean {
	return updateFields(doc, 'visits', visitId, { participants: [...new Set(participants)] }, by);
}

/**
 * Ends a conversation with what was agreed (`wordsOf`: whose words, on a shared screen), in one
 * update. Its agenda stays with it.
 * @returns false if the conversation is gone.
 */
export function endVisit(doc: Y.Doc, visitId: string, agreed: string, by: string, wordsOf: string = by): boolean {
	assertId(visitId, 'visitId');
	return updateFields(doc, 'visits', visitId, { text: agreed, status: 'ended' }, by, wordsOf);
}

/** The step after (or before) one, or null at either end. */
export function neighbourStep(step: GuideStep, direction: 1 | -1): GuideStep | null {
	const at = GUIDE_STEPS.findIndex((s) => s.value === step);
	return GUIDE_STEPS[at + direction]?.value ?? null;
}
