/**
 * A plan with something in every section and every field, written by every role, with a step
 * linked to a goal, words typed for the person on a shared screen (under their account, and
 * under THE_PERSON as before they joined), a step owned by someone who has left, a step owned by
 * THE_PERSON, conversations (one ended, with its agenda and what was agreed), and deleted items. Built through the board model on a bare document, so tests of
 * copies of the plan (print, FHIR, all my data) start from the same known plan.
 */
import * as Y from 'yjs';
import { addItem, deleteItem, endVisit, initBoard, THE_PERSON, updateFields } from '../../src/lib/board/index.js';

export const PEOPLE = { person: 'u-person', clinician: 'u-clinician', advocate: 'u-advocate', supporter: 'u-supporter', left: 'u-left' } as const;

/** Quotes, a newline, emoji, right-to-left text and a tab: must come out exactly. */
export const TRICKY_WORDS = 'Walk to "the park" & back <b>\nمشي إلى الحديقة 🌳 שלום\twith Jo';

export interface FullPlan {
	doc: Y.Doc;
	ids: Record<string, string>;
}

export function fullPlan(): FullPlan {
	const doc = new Y.Doc();
	initBoard(doc);
	const { person, clinician, advocate, left } = PEOPLE;
	const ids: Record<string, string> = {};
	ids.today = addItem(doc, 'today', { author: person, text: 'Talk about sleep' });
	ids.matters = addItem(doc, 'matters', { author: person, recordedBy: clinician, text: 'Seeing my grandchildren' });
	ids.goodDay = addItem(doc, 'goodDay', { author: person, text: 'Coffee with my sister', kind: 'good_day' });
	ids.hardDay = addItem(doc, 'goodDay', { author: person, text: 'Bills arrive', kind: 'hard_day' });
	ids.helps = addItem(doc, 'goodDay', { author: advocate, text: 'A walk before lunch', kind: 'what_helps' });
	ids.strength = addItem(doc, 'strengths', { author: person, text: 'I am a good cook' });
	ids.people = addItem(doc, 'people', { author: person, text: 'Jo', relationship: 'My sister, she drives me to appointments' });
	ids.obstacle = addItem(doc, 'obstacles', { author: clinician, text: 'Damp in the flat', area: 'housing' });
	ids.goal = addItem(doc, 'goals', {
		author: person,
		text: TRICKY_WORDS,
		okLooksLike: 'I walk twice a week\nwithout feeling out of breath',
		importance: 9,
		confidence: 6,
		status: 'working_on_it',
		reviewDate: '2026-06-30'
	});
	ids.achieved = addItem(doc, 'goals', { author: person, text: 'Sleep through the night', status: 'achieved' });
	ids.letGo = addItem(doc, 'goals', { author: clinician, text: 'Join a gym', status: 'changed_my_mind' });
	ids.notStarted = addItem(doc, 'goals', { author: person, text: 'Learn to swim', status: 'not_started' });
	// Typed for the person on a shared screen before they had an account: kept under THE_PERSON.
	ids.beforeJoining = addItem(doc, 'goals', { author: THE_PERSON, recordedBy: clinician, text: 'See my friends every week' });
	ids.step = addItem(doc, 'steps', { author: advocate, text: 'Ask the council about the damp', owner: person, dueDate: '2026-05-20', status: 'doing', goalId: ids.goal });
	ids.doneStep = addItem(doc, 'steps', { author: clinician, text: 'Book a walking group', owner: clinician, status: 'not_started' });
	updateFields(doc, 'steps', ids.doneStep, { status: 'done' }, clinician);
	ids.mindStep = addItem(doc, 'steps', { author: person, text: 'Buy trainers', owner: left, status: 'changed_my_mind' });
	ids.freshStep = addItem(doc, 'steps', { author: person, text: 'Call Jo on Sunday', status: 'not_started' });
	ids.personStep = addItem(doc, 'steps', { author: THE_PERSON, recordedBy: clinician, text: 'Ring my friend Ali', owner: THE_PERSON });
	ids.note = addItem(doc, 'notes', { author: advocate, text: 'Pat went to the walking group', date: '2026-05-02' });
	ids.warning = addItem(doc, 'contingency', { author: person, text: 'I stop answering the phone', kind: 'warning_sign' });
	ids.whatHelps = addItem(doc, 'contingency', { author: person, text: 'Someone sitting with me', kind: 'what_helps' });
	ids.call = addItem(doc, 'contingency', { author: person, text: 'My sister Jo', kind: 'who_to_call', phone: '+44 7700 900123' });
	ids.byLeft = addItem(doc, 'strengths', { author: left, text: 'Keeps a diary' });

	// Two conversations: one ended, with its agenda and what was agreed; one still going on.
	ids.visit = addItem(doc, 'visits', { author: clinician, participants: [THE_PERSON, clinician], date: '2026-05-01', step: 'today', status: 'in_progress' });
	updateFields(doc, 'today', ids.today, { visitId: ids.visit }, person);
	endVisit(doc, ids.visit, 'Pat will ring the council by Friday.\nWe meet again in June.', clinician);
	ids.openVisit = addItem(doc, 'visits', { author: person, participants: [person, advocate], date: '2026-05-03', step: 'first_step', status: 'in_progress' });

	// Deleted: an item, and a goal a step pointed at (the step's link goes with it).
	const gone = addItem(doc, 'matters', { author: person, text: 'Deleted words' });
	deleteItem(doc, 'matters', gone);
	const goneGoal = addItem(doc, 'goals', { author: person, text: 'A goal deleted later' });
	ids.orphanStep = addItem(doc, 'steps', { author: person, text: 'Step of a deleted goal', goalId: goneGoal });
	deleteItem(doc, 'goals', goneGoal);
	return { doc, ids };
}
