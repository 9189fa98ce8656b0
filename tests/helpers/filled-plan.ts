/**
 * A real plan on a real server with something in every section, written by every role over
 * their own live connections: the person's words, words typed for the person by the clinician,
 * a step linked to a goal, a step done, a note from the peer advocate, words by a helper who has
 * since been taken off the plan, a deleted item, and a conversation with what was agreed. For tests of copies of the plan.
 */
import { addItem, deleteItem, endVisit, listItems, startVisit, updateFields, SECTION_KEYS } from '../../src/lib/board/index.js';
import { userId } from './database.js';
import { signedUp } from './http-client.js';
import { accept, invite, planWithEveryRole, type PlanWithEveryone } from './plans.js';
import type { TestServer } from './server.js';
import { connectProvider, eventually, whenSynced } from './sync-client.js';
import { TRICKY_WORDS } from './full-plan.js';

export interface FilledPlan extends PlanWithEveryone {
	ids: Record<'person' | 'clinician' | 'peer_advocate' | 'supporter' | 'leaver', string>;
	items: Record<string, string>;
	/** How many items the plan has. */
	count: number;
}

export const LEAVER_NAME = 'Lou Leaver';

export async function filledPlan(server: TestServer): Promise<FilledPlan> {
	const plan = await planWithEveryRole(server.url);
	const leaver = await signedUp(server.url, LEAVER_NAME);
	await accept(leaver.client, await invite(plan.clients.person, plan.boardId, 'clinician', LEAVER_NAME));
	const ids = {
		person: userId(server.dataDir, plan.emails.person),
		clinician: userId(server.dataDir, plan.emails.clinician),
		peer_advocate: userId(server.dataDir, plan.emails.peer_advocate),
		supporter: userId(server.dataDir, plan.emails.supporter),
		leaver: userId(server.dataDir, leaver.email)
	};
	const open = async (client = plan.clients.person) => {
		const p = connectProvider(server.url, plan.boardId, client);
		await whenSynced(p.provider);
		return p;
	};
	const [person, clinician, advocate, left] = await Promise.all([open(), open(plan.clients.clinician), open(plan.clients.peer_advocate), open(leaver.client)]);
	const items: Record<string, string> = {};
	const me = ids.person;
	items.today = addItem(person.doc, 'today', { author: me, text: 'Talk about sleep' });
	items.matters = addItem(clinician.doc, 'matters', { author: me, recordedBy: ids.clinician, text: 'Seeing my grandchildren' });
	items.goodDay = addItem(person.doc, 'goodDay', { author: me, text: 'Coffee with my sister', kind: 'good_day' });
	items.hardDay = addItem(person.doc, 'goodDay', { author: me, text: 'Bills arrive', kind: 'hard_day' });
	items.strength = addItem(person.doc, 'strengths', { author: me, text: 'I am a good cook' });
	items.people = addItem(person.doc, 'people', { author: me, text: 'Jo', relationship: 'My sister, she drives me' });
	items.obstacle = addItem(clinician.doc, 'obstacles', { author: ids.clinician, text: 'Damp in the flat', area: 'housing' });
	items.goal = addItem(person.doc, 'goals', {
		author: me,
		text: TRICKY_WORDS,
		okLooksLike: 'I walk twice a week',
		importance: 9,
		confidence: 6,
		status: 'working_on_it',
		reviewDate: '2026-06-30'
	});
	items.byLeaver = addItem(left.doc, 'strengths', { author: ids.leaver, text: 'Keeps a diary, says Lou' });
	items.contingency = addItem(person.doc, 'contingency', { author: me, text: 'My sister Jo', kind: 'who_to_call', phone: '+44 7700 900123' });
	items.warning = addItem(person.doc, 'contingency', { author: me, text: 'I stop answering the phone', kind: 'warning_sign' });
	const gone = addItem(person.doc, 'matters', { author: me, text: 'Words I deleted' });
	deleteItem(person.doc, 'matters', gone);
	await eventually(() => listItems(advocate.doc, 'goals').length === 1, 'the goal reaches the advocate');
	items.step = addItem(advocate.doc, 'steps', { author: ids.peer_advocate, text: 'Ask the council about the damp', owner: me, dueDate: '2026-05-20', status: 'doing', goalId: items.goal });
	items.done = addItem(clinician.doc, 'steps', { author: ids.clinician, text: 'Book a walking group', owner: ids.clinician });
	updateFields(clinician.doc, 'steps', items.done, { status: 'done' }, ids.clinician);
	items.note = addItem(advocate.doc, 'notes', { author: ids.peer_advocate, text: 'Pat went to the walking group', date: '2026-05-02' });
	// A conversation, ended with what was agreed; what was kept for it ("Talk about sleep") is its agenda.
	await eventually(() => listItems(clinician.doc, 'today').length === 1, 'the agenda reaches the clinician');
	items.visit = startVisit(clinician.doc, { author: ids.clinician, participants: [me, ids.clinician] });
	endVisit(clinician.doc, items.visit, 'Pat will ring the council by Friday', ids.clinician);
	const count = Object.keys(items).length;
	// Everything is stored once a new connection is given it: the server sends nothing it has not stored.
	const reader = await open(plan.clients.supporter);
	const total = () => SECTION_KEYS.reduce((n, key) => n + listItems(reader.doc, key).length, 0);
	await eventually(() => total() === count, `all ${count} items stored`, 10_000);
	for (const p of [person, clinician, advocate, left, reader]) p.destroy();
	const removed = await plan.clients.person.post(`/boards/${plan.boardId}/people?/remove`, { member: ids.leaver });
	if (removed.status !== 303) throw new Error(`could not take the leaver off the plan: ${removed.status}`);
	return { ...plan, ids, items, count };
}
