/**
 * The plan's conversations read as text, for copies that leave WhatMatters: each one's day, who
 * took part, what we wanted from it (its agenda) and what we agreed, newest first as the read
 * view lists them. Plain data, like the sections (plan-reading.ts).
 */
import type * as Y from 'yjs';
import { agendaOf, currentVisit, listItems, pastVisits } from '../board/index.js';
import { isoDateWords } from './fact-words.js';
import type { NameOf } from './types.js';

export interface ConversationReading {
	id: string;
	/** Who started it (a user id, or THE_PERSON), for formats that refer to people. */
	author: string;
	/** The day of the conversation, `yyyy-mm-dd`, and in words: "12 March 2026". */
	date: string;
	dateWords: string;
	/** Who took part, named: "Pat Okafor (Person)". */
	tookPart: string[];
	/** What we wanted from it: its agenda items' words, in order ('' for an item with none yet). */
	agenda: string[];
	/** What we agreed, exactly as written ('' when nothing was written down). */
	agreed: string;
	/** False while it is going on, or if it was never ended. */
	ended: boolean;
}

/** Every conversation of the plan in `doc`: the one going on first, then the others newest first. */
export function readConversations(doc: Y.Doc, nameOf: NameOf): ConversationReading[] {
	const visits = listItems(doc, 'visits');
	const today = listItems(doc, 'today');
	const current = currentVisit(visits);
	return [current, ...pastVisits(visits)]
		.filter((visit) => visit !== null)
		.map((visit) => ({
			id: visit.id,
			author: visit.author,
			date: visit.date,
			dateWords: isoDateWords(visit.date),
			tookPart: visit.participants.map((id) => nameOf(id)),
			agenda: agendaOf(today, visit.id, visits).map((item) => item.text),
			agreed: visit.text,
			ended: visit.status === 'ended'
		}));
}
