/**
 * Copies of a plan against the real server: who may print it, download it as FHIR or download
 * all its data (each role, someone not on the plan, no session, an ended session); every copy
 * made is in the person's access log exactly once, and a refused one is not; a copy is the plan
 * as stored, even while the plan is open and being written; a copy whose log row cannot be
 * written is not given out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bundle, CarePlan, Goal } from '@medplum/fhirtypes';
import { addItem, listItems, THE_PERSON } from '../../src/lib/board/index.js';
import { OBSERVED_SECTIONS } from '../../src/lib/fhir/index.js';
import { count, expireSessions, openDatabase, storedDoc, userId } from '../helpers/database.js';
import { fhirErrors, loadFhirDefinitions } from '../helpers/fhir-validate.js';
import { filledPlan, LEAVER_NAME, type FilledPlan } from '../helpers/filled-plan.js';
import { TRICKY_WORDS } from '../helpers/full-plan.js';
import { Client, signedUp, type Answer } from '../helpers/http-client.js';
import { accept, invite, NAMES, startPlanForMe } from '../helpers/plans.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { connectProvider, eventually, whenSynced } from '../helpers/sync-client.js';

type Actor = 'person' | 'clinician' | 'peer_advocate' | 'supporter' | 'outsider' | 'none' | 'expired';
const ACTORS: Actor[] = ['person', 'clinician', 'peer_advocate', 'supporter', 'outsider', 'none', 'expired'];
type Expected = Record<Actor, number | 'login'>;

const COPIES: { name: string; path: string; expected: Expected; action: 'plan.printed' | 'plan.exported'; format: string }[] = [
	{
		name: 'print',
		path: 'print',
		action: 'plan.printed',
		format: 'print',
		expected: { person: 200, clinician: 200, peer_advocate: 200, supporter: 200, outsider: 404, none: 'login', expired: 'login' }
	},
	{
		name: 'FHIR',
		path: 'fhir',
		action: 'plan.exported',
		format: 'fhir',
		expected: { person: 200, clinician: 200, peer_advocate: 403, supporter: 403, outsider: 404, none: 'login', expired: 'login' }
	},
	{
		name: 'all my data',
		path: 'export',
		action: 'plan.exported',
		format: 'data',
		expected: { person: 200, clinician: 403, peer_advocate: 403, supporter: 403, outsider: 404, none: 'login', expired: 'login' }
	}
];

let server: TestServer;
let plan: FilledPlan;
const client: Partial<Record<Actor, Client>> = {};

const copyRows = (boardId: string, action?: string, format?: string) =>
	count(
		server.dataDir,
		`SELECT COUNT(*) AS n FROM audit_log WHERE board_id = ? AND action IN ('plan.printed', 'plan.exported')${action ? ' AND action = ?' : ''}${format ? " AND json_extract(detail, '$.format') = ?" : ''}`,
		...[boardId, action, format].filter((v) => v !== undefined)
	);

function check(answer: Answer, expected: number | 'login', label: string) {
	if (expected === 'login') {
		expect(answer.status, label).toBe(303);
		expect(answer.location, label).toMatch(/^\/login\?next=/);
	} else {
		expect(answer.status, label).toBe(expected);
	}
}

beforeAll(async () => {
	loadFhirDefinitions();
	server = await startServer({ SQLITE_BUSY_TIMEOUT_MS: '50' });
	plan = await filledPlan(server);
	Object.assign(client, plan.clients);
	client.none = new Client(server.url);
	const expired = await signedUp(server.url, 'Eve Expired');
	await accept(expired.client, await invite(plan.clients.person, plan.boardId, 'clinician', 'Eve'));
	expireSessions(server.dataDir, expired.email);
	client.expired = expired.client;
}, 60_000);
afterAll(async () => server?.stop());

describe('who may make which copy', () => {
	for (const copy of COPIES) {
		for (const actor of ACTORS) {
			it(`${copy.name}: ${actor} → ${copy.expected[actor]}, and a row in the access log only when it is given`, async () => {
				const before = copyRows(plan.boardId, copy.action, copy.format);
				const answer = await client[actor]!.get(`/boards/${plan.boardId}/${copy.path}`);
				check(answer, copy.expected[actor], `${actor} GET ${copy.path}`);
				expect(copyRows(plan.boardId, copy.action, copy.format) - before, 'rows written').toBe(answer.status === 200 ? 1 : 0);
			});
		}
	}

	it('answers 404 for a plan id that is not a plan, or not this person’s', async () => {
		const theirs = await startPlanForMe(plan.clients.outsider);
		for (const copy of COPIES) {
			expect((await plan.clients.person.get(`/boards/${theirs}/${copy.path}`)).status).toBe(404);
			expect((await plan.clients.person.get(`/boards/not-a-plan/${copy.path}`)).status).toBe(404);
		}
		expect(copyRows(theirs)).toBe(0);
	});

	it('lets whoever started a plan for someone download it as FHIR only if they are a clinician, and nobody download all its data before the person joins', async () => {
		const clinician = (await signedUp(server.url, 'Carl Creator')).client;
		const advocate = (await signedUp(server.url, 'Ann Advocate')).client;
		const started = async (who: Client, myRole: string) => {
			const answer = await who.post('/boards/new', { planFor: 'someone', personName: 'Sam Someone', myRole });
			return /^\/boards\/([a-z2-7]{20})\/people$/.exec(answer.location ?? '')![1]!;
		};
		const byClinician = await started(clinician, 'clinician');
		const byAdvocate = await started(advocate, 'peer_advocate');
		const fhir = await clinician.get(`/boards/${byClinician}/fhir`);
		expect(fhir.status).toBe(200);
		// Nobody has joined as the person yet: a valid draft, for the person named when it was started.
		const bundle = JSON.parse(fhir.text) as Bundle;
		expect(fhirErrors(bundle)).toEqual([]);
		expect(bundle.entry!.find((e) => e.resource!.resourceType === 'Patient')!.resource).toMatchObject({ name: [{ text: 'Sam Someone' }] });
		expect(bundle.entry!.find((e) => e.resource!.resourceType === 'CarePlan')!.resource).toMatchObject({ status: 'draft' });
		expect((await clinician.get(`/boards/${byClinician}/export`)).status).toBe(403);
		expect((await advocate.get(`/boards/${byAdvocate}/fhir`)).status).toBe(403);
		expect((await advocate.get(`/boards/${byAdvocate}/export`)).status).toBe(403);
		expect((await advocate.get(`/boards/${byAdvocate}/print`)).status).toBe(200);
	});

	it('credits the person’s words typed before they joined (kept under THE_PERSON) to the person in every copy', async () => {
		const creator = await signedUp(server.url, 'Cal Creator');
		const answer = await creator.client.post('/boards/new', { planFor: 'someone', personName: 'Sam Someone', myRole: 'clinician' });
		const boardId = /^\/boards\/([a-z2-7]{20})\/people$/.exec(answer.location ?? '')![1]!;
		const typist = userId(server.dataDir, creator.email);
		const printed = async (client: Client) => (await client.get(`/boards/${boardId}/print`)).text.replaceAll('&#39;', "'");
		const live = connectProvider(server.url, boardId, creator.client);
		let before = '';
		try {
			await whenSynced(live.provider);
			addItem(live.doc, 'goals', { author: THE_PERSON, recordedBy: typist, text: 'See my friends every week' });
			addItem(live.doc, 'steps', { author: THE_PERSON, recordedBy: typist, text: 'Ring my friend Ali', owner: THE_PERSON });
			// A copy is the plan as stored: print until both items have been stored.
			for (let tries = 0; tries < 50 && !before.includes('Ring my friend Ali'); tries++) {
				if (tries) await new Promise((resolve) => setTimeout(resolve, 100));
				before = await printed(creator.client);
			}
		} finally {
			live.destroy();
		}
		// Before the person joins: named as the plan names them.
		expect(before).toContain('Words of Sam Someone (Person), typed by Cal Creator (Clinician)');
		expect(before).toContain('Sam Someone (Person)');
		expect(before).not.toContain('someone who has left the plan');
		const bundle = JSON.parse((await creator.client.get(`/boards/${boardId}/fhir`)).text) as Bundle;
		expect(fhirErrors(bundle)).toEqual([]);
		const byUrl = new Map(bundle.entry!.map((e) => [e.fullUrl!, e.resource!]));
		const goal = bundle.entry!.find((e) => e.resource!.resourceType === 'Goal')!.resource as Goal;
		expect(byUrl.get(goal.expressedBy!.reference!)).toMatchObject({ resourceType: 'Patient', name: [{ text: 'Sam Someone' }] });
		const carePlan = bundle.entry!.find((e) => e.resource!.resourceType === 'CarePlan')!.resource as CarePlan;
		expect(byUrl.get(carePlan.activity![0]!.detail!.performer![0]!.reference!)!.resourceType).toBe('Patient');
		expect(JSON.stringify(bundle)).not.toContain('someone who has left the plan');

		// Once the person joins, their words are theirs under their own name, in print and in all their data.
		const person = await signedUp(server.url, 'Sam Joined');
		await accept(person.client, await invite(creator.client, boardId, 'person', 'Sam Joined'));
		const after = await printed(person.client);
		expect(after).toContain('Words of Sam Joined (Person), typed by Cal Creator (Clinician)');
		expect(after).not.toContain('someone who has left the plan');
		const data = JSON.parse((await person.client.get(`/boards/${boardId}/export`)).text);
		const goals = data.plan.sections.find((s: { key: string }) => s.key === 'goals').items;
		expect(goals[0]).toMatchObject({ writtenBy: { id: THE_PERSON, name: 'Sam Joined' }, typedBy: { name: 'Cal Creator' } });
		const steps = data.plan.sections.find((s: { key: string }) => s.key === 'steps').items;
		expect(steps[0].inWords).toContainEqual({ label: 'Who does it', words: 'Sam Joined (Person)' });
		const added = data.history.find((e: { kind: string; section: string }) => e.section === 'goals' && e.kind === 'added');
		expect(added.wordsOf).toEqual({ id: THE_PERSON, name: 'Sam Joined' });
		expect(JSON.stringify(data)).not.toContain('someone who has left the plan');
	});

	it('says why in words when a role may not', async () => {
		const answer = await plan.clients.peer_advocate.request('GET', `/boards/${plan.boardId}/fhir`, { headers: { accept: 'application/json' } });
		expect(answer.status).toBe(403);
		expect(JSON.parse(answer.text).message).toBe('Only the person whose plan this is and their clinicians can download it for another service.');
	});

	it('does not log a HEAD request, which takes nothing away', async () => {
		const before = copyRows(plan.boardId);
		const answer = await plan.clients.person.request('HEAD', `/boards/${plan.boardId}/fhir`);
		expect(answer.status).toBe(200);
		expect(copyRows(plan.boardId)).toBe(before);
	});
});

describe('the copies', () => {
	it('sends FHIR as a file to keep, never cached, that validates against R4 and names everyone', async () => {
		const answer = await plan.clients.clinician.get(`/boards/${plan.boardId}/fhir`);
		expect(answer.headers.get('content-type')).toBe('application/fhir+json; fhirVersion=4.0');
		expect(answer.headers.get('content-disposition')).toMatch(/^attachment; filename="pat-person-care-plan-fhir-\d{4}-\d{2}-\d{2}\.json"$/);
		expect(answer.headers.get('cache-control')).toBe('no-store');
		const bundle = JSON.parse(answer.text) as Bundle;
		expect(fhirErrors(bundle)).toEqual([]);
		const names = bundle.entry!.flatMap((e) => ('name' in e.resource! && Array.isArray(e.resource.name) ? e.resource.name.map((n: { text?: string }) => n.text) : []));
		expect(names.sort()).toEqual([LEAVER_NAME, NAMES.clinician, NAMES.peer_advocate, NAMES.person, NAMES.supporter, 'Eve Expired'].sort());
		const goal = bundle.entry!.find((e) => e.resource!.resourceType === 'Goal')!.resource as Goal;
		expect(goal.description.text).toBe(TRICKY_WORDS);
		const carePlan = bundle.entry!.find((e) => e.resource!.resourceType === 'CarePlan')!.resource as CarePlan;
		expect(carePlan.note!.at(-1)!.text).toMatch(new RegExp(`^Conversation of .+\\.\\nTaking part: ${NAMES.person} \\(Person\\), ${NAMES.clinician} \\(Clinician\\)\\nWhat we agreed: Pat will ring the council by Friday$`));
		expect(answer.text).not.toContain('Words I deleted');
	});

	it('gives the person all their data: the plan, its whole history with deleted words, and its access log with every copy', async () => {
		await plan.clients.clinician.get(`/boards/${plan.boardId}/print`);
		const answer = await plan.clients.person.get(`/boards/${plan.boardId}/export`);
		expect(answer.status).toBe(200);
		expect(answer.headers.get('content-type')).toBe('application/json; charset=utf-8');
		expect(answer.headers.get('content-disposition')).toMatch(/^attachment; filename="pat-person-all-my-data-\d{4}-\d{2}-\d{2}\.json"$/);
		const data = JSON.parse(answer.text);
		expect(data).toMatchObject({ format: 'whatmatters-plan-export', version: 1, exportedBy: { id: plan.ids.person, name: NAMES.person } });
		const sections = data.plan.sections as { key: string; items: { id: string; text: string; writtenBy: { name: string }; typedBy: { name: string } | null }[] }[];
		expect(sections.map((s) => s.key)).toEqual(['today', 'matters', 'goodDay', 'strengths', 'people', 'obstacles', 'goals', 'steps', 'notes', 'contingency']);
		expect(sections.reduce((n, s) => n + s.items.length, 0) + data.plan.conversations.length).toBe(plan.count);
		const matters = sections[1]!.items[0]!;
		expect(matters).toMatchObject({ text: 'Seeing my grandchildren', writtenBy: { name: NAMES.person }, typedBy: { name: NAMES.clinician } });
		expect(sections[6]!.items[0]).toMatchObject({ text: TRICKY_WORDS, importance: 9, confidence: 6, status: 'working_on_it', reviewDate: '2026-06-30' });
		expect(data.plan.people.map((p: { name: string; role: string }) => `${p.name}: ${p.role}`)).toEqual(
			expect.arrayContaining([`${NAMES.person}: person`, `${NAMES.clinician}: clinician`, `${NAMES.supporter}: supporter`])
		);
		// The history keeps what the plan no longer has.
		const history = data.history as { kind: string; words: string; by: { name: string } }[];
		expect(history.find((e) => e.kind === 'deleted')?.words).toContain('Words I deleted');
		expect(history.some((e) => e.by?.name === LEAVER_NAME)).toBe(true);
		// The access log has the copies made before this one, in words; lists run oldest first.
		const log = data.accessLog as { at: string; words: string; kind: string }[];
		expect(log.map((l) => l.words)).toContain(`${NAMES.clinician} opened the plan to print it or save it as a PDF`);
		expect(log.map((l) => l.words)).toContain(`${NAMES.clinician} downloaded the plan for another service's computer system (FHIR)`);
		expect([...log].sort((a, b) => a.at.localeCompare(b.at)).map((l) => l.at)).toEqual(log.map((l) => l.at));
		expect(log.some((l) => l.kind === 'visit')).toBe(true);
		// Every conversation: its day, who took part by name, its agenda and what was agreed.
		expect(data.plan.conversations).toEqual([
			expect.objectContaining({
				id: plan.items.visit,
				date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
				status: 'ended',
				text: 'Pat will ring the council by Friday',
				writtenBy: { id: plan.ids.clinician, name: NAMES.clinician },
				tookPart: [
					{ id: plan.ids.person, name: NAMES.person },
					{ id: plan.ids.clinician, name: NAMES.clinician }
				],
				agenda: [plan.items.today]
			})
		]);
	});

	it('shows each copy on the person’s access log page', async () => {
		await plan.clients.person.get(`/boards/${plan.boardId}/export`);
		const page = (await plan.clients.person.get(`/boards/${plan.boardId}/access`)).text.replaceAll('&#39;', "'");
		expect(page).toContain("You downloaded all of the plan's data");
		expect(page).toContain(`${NAMES.clinician} downloaded the plan for another service's computer system (FHIR)`);
		expect(page).toContain(`${NAMES.clinician} opened the plan to print it or save it as a PDF`);
	});

	it('prints every section with the words, who wrote them and no controls', async () => {
		const answer = await plan.clients.supporter.get(`/boards/${plan.boardId}/print`);
		expect(answer.status).toBe(200);
		for (const title of ['If things get difficult', 'Our time today', 'What matters to me', 'My goals', 'Next steps', 'Notes between visits']) expect(answer.text).toContain(title);
		expect(answer.text).toContain('9 out of 10 important to me');
		expect(answer.text).toContain('Words of Pat Person (Person), typed by someone helping with the plan');
		// The conversations, short: the day, who took part (as far as a supporter may see) and what was agreed.
		expect(answer.text).toContain('Our conversations');
		expect(answer.text).toMatch(/Conversation of \d{1,2} [A-Z][a-z]+ \d{4}/);
		expect(answer.text).toContain(`Taking part: ${NAMES.person} (Person), someone helping with the plan`);
		expect(answer.text).toContain('Pat will ring the council by Friday');
		for (const control of ['Move up', 'Move down', 'Delete', 'Add to ']) expect(answer.text).not.toContain(control);
		// A supporter may not see who is on the plan: the printout does not tell them either.
		expect(answer.text).not.toContain(NAMES.clinician);
		expect(answer.text).not.toContain('Who is on this plan');
	});
});

describe('a copy is the plan as stored', () => {
	it('has a change as soon as anyone else has seen it, while the plan is open and being written', async () => {
		const writer = connectProvider(server.url, plan.boardId, plan.clients.person);
		const watcher = connectProvider(server.url, plan.boardId, plan.clients.clinician);
		try {
			await Promise.all([whenSynced(writer.provider), whenSynced(watcher.provider)]);
			for (let i = 0; i < 5; i++) {
				const words = `Typed while open ${i}`;
				addItem(writer.doc, 'strengths', { author: plan.ids.person, text: words });
				// The server relays a change only once it is stored.
				await eventually(() => listItems(watcher.doc, 'strengths').some((s) => s.text === words), 'relayed');
				const fhir = await plan.clients.person.get(`/boards/${plan.boardId}/fhir`);
				expect(fhir.text).toContain(words);
			}
			// And it is what the database holds, item for item.
			const stored = storedDoc(server.dataDir, plan.boardId);
			const bundle = JSON.parse((await plan.clients.person.get(`/boards/${plan.boardId}/fhir`)).text) as Bundle;
			const observed = bundle.entry!.filter((e) => e.resource!.resourceType === 'Observation').map((e) => e.resource!.id).sort();
			const storedIds = OBSERVED_SECTIONS.flatMap((key) => listItems(stored, key).map((i) => i.id)).sort();
			expect(observed).toEqual(storedIds);
			stored.destroy();
		} finally {
			writer.destroy();
			watcher.destroy();
		}
	});
});

describe('when the access log cannot be written', () => {
	it('gives out no copy, says so, and works again once storage is back', async () => {
		const before = copyRows(plan.boardId);
		const locker = openDatabase(server.dataDir);
		locker.prepare('BEGIN IMMEDIATE').run();
		try {
			for (const copy of COPIES) {
				const answer = await plan.clients.person.get(`/boards/${plan.boardId}/${copy.path}`);
				expect(answer.status, copy.name).toBe(503);
				expect(answer.text).not.toContain('I am a good cook');
			}
			const json = await plan.clients.person.request('GET', `/boards/${plan.boardId}/fhir`, { headers: { accept: 'application/json' } });
			expect(json.status).toBe(503);
			expect(JSON.parse(json.text).message).toBe(
				'We could not note this copy in the list of who has looked at the plan, so we have not made it. Please try again in a minute.'
			);
			const page = await plan.clients.person.get(`/boards/${plan.boardId}/print`);
			expect(page.text).toContain('so we have not made it');
		} finally {
			locker.prepare('ROLLBACK').run();
			locker.close();
		}
		expect(copyRows(plan.boardId)).toBe(before);
		expect(server.output()).toMatch(/Logging a copy of a plan failed.*"format":"fhir"/);
		expect((await plan.clients.person.get(`/boards/${plan.boardId}/fhir`)).status).toBe(200);
		expect(copyRows(plan.boardId)).toBe(before + 1);
	});
});
