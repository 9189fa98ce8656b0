/**
 * Conversations against the real server: what the end of a conversation gathers from the
 * history (changes of how goals and steps are going since it started), who may ask, clear
 * answers to bad input; a supporter's attempt to move the shared step is refused and changes
 * nothing; and the history names a conversation and the person's words kept before they joined.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addItem, currentVisit, listItems, setVisitStep, startVisit, THE_PERSON, updateFields } from '../../src/lib/board/index.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { Client } from '../helpers/http-client.js';
import { NAMES, planWithEveryRole, type PlanWithEveryone } from '../helpers/plans.js';
import { count, userId } from '../helpers/database.js';
import { connectProvider, eventually, whenSynced, type TestProvider } from '../helpers/sync-client.js';

let server: TestServer;
let plan: PlanWithEveryone;
const ids: Record<string, string> = {};
const providers: TestProvider[] = [];
let visitId = '';
let goal = '';
let step = '';

async function connect(who: 'clinician' | 'person' | 'supporter') {
	const p = connectProvider(server.url, plan.boardId, plan.clients[who]);
	providers.push(p);
	await whenSynced(p.provider);
	return p;
}

const changesPath = (visit: string) => `/boards/${plan.boardId}/conversation-changes?visit=${encodeURIComponent(visit)}`;

beforeAll(async () => {
	server = await startServer();
	plan = await planWithEveryRole(server.url);
	for (const who of ['person', 'clinician', 'supporter'] as const) ids[who] = userId(server.dataDir, plan.emails[who]);
	const clinician = await connect('clinician');
	// Before the conversation: a goal and a step, already under way.
	goal = addItem(clinician.doc, 'goals', { author: ids.person!, recordedBy: ids.clinician!, text: 'Sleep better', status: 'working_on_it' });
	step = addItem(clinician.doc, 'steps', { author: ids.clinician!, text: 'See the GP', goalId: goal });
	// A change before the conversation is not part of what it agreed.
	const earlier = addItem(clinician.doc, 'goals', { author: ids.clinician!, text: 'Walk to the shop' });
	updateFields(clinician.doc, 'goals', earlier, { status: 'working_on_it' }, ids.clinician!);
	await new Promise((resolve) => setTimeout(resolve, 20));
	startVisit(clinician.doc, { author: ids.clinician!, participants: [ids.person!, ids.clinician!] });
	visitId = currentVisit(listItems(clinician.doc, 'visits'))!.id;
	updateFields(clinician.doc, 'goals', goal, { status: 'achieved' }, ids.clinician!);
	updateFields(clinician.doc, 'steps', step, { status: 'doing' }, ids.clinician!);
	updateFields(clinician.doc, 'steps', step, { status: 'done' }, ids.clinician!);
	const person = await connect('person');
	await eventually(() => listItems(person.doc, 'steps')[0]?.status === 'done', 'the person has every change');
}, 60_000);

afterAll(async () => {
	for (const p of providers) p.destroy();
	await server?.stop();
});

describe('what a conversation changed, for "What we agreed"', () => {
	it('gives each goal’s and step’s newest status since the conversation started', async () => {
		const answer = await plan.clients.clinician.get(changesPath(visitId));
		expect(answer.status).toBe(200);
		expect(JSON.parse(answer.text)).toEqual({
			changes: [
				{ section: 'goals', itemId: goal, status: 'achieved' },
				{ section: 'steps', itemId: step, status: 'done' }
			]
		});
		// A conversation the history does not know: a clear 404, not an empty list.
		const unknown = await plan.clients.person.get(changesPath('no-such-conversation'));
		expect(unknown.status).toBe(404);
		expect(unknown.text).toContain('We could not find that conversation');
	});

	it('is for people who may change the plan; bad input gets a clear 400', async () => {
		expect((await plan.clients.supporter.get(changesPath(visitId))).status).toBe(403);
		expect((await plan.clients.outsider.get(changesPath(visitId))).status).toBe(404);
		expect((await new Client(server.url).get(changesPath(visitId))).status).toBe(303);
		for (const bad of ['', 'a b', '../x', 'x'.repeat(129), '<script>']) {
			const answer = await plan.clients.clinician.get(changesPath(bad));
			expect(answer.status, bad).toBe(400);
			expect(answer.text).toContain('We could not tell which conversation this is.');
		}
	});
});

describe('the shared step on the server', () => {
	it('a supporter cannot move it: the update is refused, never stored, and the step stays where it was', async () => {
		const supporter = await connect('supporter');
		const visit = currentVisit(listItems(supporter.doc, 'visits'))!;
		expect(visit.step).toBe('today');
		const sent = new Promise<void>((resolve) => supporter.doc.once('update', () => setTimeout(resolve, 500)));
		setVisitStep(supporter.doc, visit.id, 'follow_up', ids.supporter!);
		await sent;
		expect(count(server.dataDir, 'SELECT COUNT(*) AS n FROM board_updates WHERE board_id = ? AND user_id = ?', plan.boardId, ids.supporter!)).toBe(0);
		const fresh = await connect('person');
		expect(currentVisit(listItems(fresh.doc, 'visits'))!.step).toBe('today');
	});
});

describe('the history of a conversation', () => {
	it('says who started it, and names the person’s words kept under @person as theirs', async () => {
		const clinician = await connect('clinician');
		addItem(clinician.doc, 'matters', { author: THE_PERSON, recordedBy: ids.clinician!, text: 'My allotment' });
		const read = async (query: string) =>
			(await plan.clients.person.get(`/boards/${plan.boardId}/history${query}`)).text.replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/\s+/g, ' ');
		const visits = await read('?section=visits');
		expect(visits).toContain(`${NAMES.clinician} started a conversation`);
		// Moving the shared step is not an entry of its own.
		expect(visits).not.toContain('Step of the conversation');
		let matters = '';
		for (let tries = 0; tries < 50 && !matters.includes('My allotment'); tries++) {
			await new Promise((resolve) => setTimeout(resolve, 100));
			matters = await read('?section=matters');
		}
		expect(matters).toContain(`typed by ${NAMES.clinician} as your words`);
		// To anyone else they are the person's, by name; to the one who typed them, "you" typed them.
		const asClinician = (await plan.clients.clinician.get(`/boards/${plan.boardId}/history?section=matters`)).text.replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/\s+/g, ' ');
		expect(asClinician).toContain(`typed by you as ${NAMES.person}'s words`);
		expect(asClinician).toContain('You added to "What matters to me"');
	});
});
