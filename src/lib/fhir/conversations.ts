/**
 * The plan's conversations in the FHIR document: each one a note of the CarePlan (its day as
 * `time`, who started it as `authorReference`, and in words who took part and what we agreed),
 * and together a section of the Composition whose narrative also has what we wanted from each.
 * Not Encounters: an Encounter must say its `class` with a code (inpatient, ambulatory,
 * virtual…), which the plan does not know, and cannot list the Patient among its participants,
 * while the person taking part is the point (docs/fhir.md).
 */
import type { Annotation, CompositionSection, Reference } from '@medplum/fhirtypes';
import { VISITS_SECTION } from '../board/index.js';
import { CONVERSATION } from '../copy/conversation.js';
import { READ_VIEW } from '../copy/read-view.js';
import { say } from '../copy/say.js';
import type { ConversationReading } from '../plan-text/index.js';
import { el, narrative, type Markup } from './narrative.js';
import type { Participants } from './participants.js';

const titleOf = (c: ConversationReading) => say(CONVERSATION.pastOne, { date: c.dateWords });
const tookPart = (c: ConversationReading) => (c.tookPart.length ? say(CONVERSATION.tookPart, { names: c.tookPart.join(', ') }) : CONVERSATION.nobodyListed);
const agreed = (c: ConversationReading) => c.agreed || CONVERSATION.agreedNone;

/** One conversation as a note of the plan: "Conversation of 1 May 2026. Taking part: … What we agreed: …". */
export function conversationNote(c: ConversationReading, people: Participants): Annotation {
	const lines = [`${titleOf(c)}.`, tookPart(c), ...(c.ended ? [] : [CONVERSATION.notEnded]), `${CONVERSATION.agreed}: ${agreed(c)}`];
	return { authorReference: people.ref(c.author) as Annotation['authorReference'], time: c.date, text: lines.join('\n') };
}

function conversationMarkup(c: ConversationReading): Markup {
	const agenda = c.agenda.length ? el('ul', ...c.agenda.map((words) => el('li', words || CONVERSATION.noWords))) : el('p', CONVERSATION.agendaNone);
	return el(
		'li',
		el('p', el('b', titleOf(c))),
		el('p', tookPart(c)),
		...(c.ended ? [] : [el('p', CONVERSATION.notEnded)]),
		el('p', `${CONVERSATION.agenda}:`),
		agenda,
		el('p', `${CONVERSATION.agreed}: ${agreed(c)}`)
	);
}

/** The Composition's section of conversations, referring to the CarePlan whose notes hold them. */
export function conversationsSection(conversations: ConversationReading[], carePlan: Reference): CompositionSection {
	const body = conversations.length ? el('ul', ...conversations.map(conversationMarkup)) : el('p', READ_VIEW.noConversations);
	return { title: VISITS_SECTION.title, text: narrative(body), ...(conversations.length ? { entry: [carePlan] } : {}) };
}
