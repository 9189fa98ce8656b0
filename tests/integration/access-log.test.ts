/**
 * The person's access log against the real server: one row per visit however often the plan
 * is reloaded or reconnected, membership events with who and when, and who may see it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server.js';
import { signedUp, type Client } from '../helpers/http-client.js';
import { accept, invite, NAMES, planWithEveryRole, type PlanWithEveryone } from '../helpers/plans.js';
import { count, openDatabase, userId } from '../helpers/database.js';
import { connectProvider, whenSynced } from '../helpers/sync-client.js';

let server: TestServer;
let plan: PlanWithEveryone;

beforeAll(async () => {
	server = await startServer();
	plan = await planWithEveryRole(server.url);
});
afterAll(async () => server?.stop());

const accessPath = () => `/boards/${plan.boardId}/access`;
/** The rows of a page of the log, as text, with its `<time datetime>` values. */
function rows(html: string): { kind: string; text: string; times: string[] }[] {
	return [...html.matchAll(/<li class="wm-access-log__row" data-testid="access-(visit|event)">([\s\S]*?)<\/li>/g)].map((m) => ({
		kind: m[1],
		text: m[2].replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim(),
		times: [...m[2].matchAll(/datetime="([^"]+)"/g)].map((t) => t[1])
	}));
}
async function logOf(client: Client, path = accessPath()) {
	const answer = await client.get(path);
	expect(answer.status).toBe(200);
	return rows(answer.text);
}
const clinicianVisits = (log: ReturnType<typeof rows>) =>
	log.filter((r) => r.kind === 'visit' && r.text.startsWith(`${NAMES.clinician} (Clinician) looked at the plan`));

describe('the access log', () => {
	it("shows a clinician's visit once, however many reloads and reconnects; a visit after a long gap is another", async () => {
		const clinician = plan.clients.clinician;
		for (let i = 0; i < 3; i++) expect((await clinician.get(`/boards/${plan.boardId}`)).status).toBe(200);
		for (let i = 0; i < 2; i++) {
			const live = connectProvider(server.url, plan.boardId, clinician);
			await whenSynced(live.provider);
			live.destroy();
		}
		expect((await clinician.get(`/boards/${plan.boardId}`)).status).toBe(200);

		const log = await logOf(plan.clients.person);
		expect(clinicianVisits(log)).toHaveLength(1);
		expect(clinicianVisits(log)[0].times[0]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
		const id = userId(server.dataDir, plan.emails.clinician);
		expect(count(server.dataDir, 'SELECT COUNT(*) AS n FROM visits WHERE board_id = ? AND user_id = ?', plan.boardId, id)).toBe(1);

		// Two hours later (the stored visit is moved back), opening the plan is a new visit.
		const db = openDatabase(server.dataDir);
		db.prepare('UPDATE visits SET started_at = started_at - 7200000, last_seen_at = last_seen_at - 7200000 WHERE user_id = ?').run(id);
		db.close();
		expect((await clinician.get(`/boards/${plan.boardId}`)).status).toBe(200);
		expect(clinicianVisits(await logOf(plan.clients.person))).toHaveLength(2);
	});

	it('is refused to every other member with a plain 403, and hidden from outsiders with a 404', async () => {
		for (const who of ['clinician', 'peer_advocate', 'supporter'] as const) {
			const answer = await plan.clients[who].get(accessPath());
			expect(answer.status, who).toBe(403);
			expect(answer.text).toContain('Only the person whose plan this is can see who has looked at it.');
		}
		for (const path of [`/boards/${plan.boardId}`, accessPath()]) {
			const answer = await plan.clients.outsider.get(path);
			expect(answer.status, path).toBe(404);
			expect(answer.text).not.toContain(NAMES.person);
		}
		expect((await plan.clients.outsider.get('/boards/aaaaaaaaaaaaaaaaaaaa/access')).status).toBe(404);
	});

	it('the board links to it only for the person', async () => {
		expect((await plan.clients.person.get(`/boards/${plan.boardId}`)).text).toContain(`href="/boards/${plan.boardId}/access"`);
		expect((await plan.clients.clinician.get(`/boards/${plan.boardId}`)).text).not.toContain('/access"');
	});

	it('shows who was invited, joined, changed role, was removed and who withdrew an invitation, with when', async () => {
		const person = plan.clients.person;
		const newcomer = await signedUp(server.url, 'Nia Newcomer');
		await accept(newcomer.client, await invite(person, plan.boardId, 'supporter', 'Nia from the café'));
		const nia = userId(server.dataDir, newcomer.email);
		expect((await person.post(`/boards/${plan.boardId}/people?/role`, { member: nia, role: 'peer_advocate' })).status).toBe(303);
		expect((await person.post(`/boards/${plan.boardId}/people?/remove`, { member: nia })).status).toBe(303);
		await invite(person, plan.boardId, 'clinician', 'Dr Unused');
		const pending = openDatabase(server.dataDir);
		const unused = pending.prepare<[], { id: string }>("SELECT id FROM invitations WHERE label = 'Dr Unused'").get()!;
		pending.close();
		expect((await person.post(`/boards/${plan.boardId}/people?/withdraw`, { invitation: unused.id })).status).toBe(303);

		const events = (await logOf(person)).filter((r) => r.kind === 'event').map((r) => r.text);
		const expected = [
			'You took back the invitation for “Dr Unused”',
			'You invited “Dr Unused” to join as a clinician',
			'You took Nia Newcomer off the plan',
			'You changed Nia Newcomer from a supporter to a peer advocate',
			'Nia Newcomer joined the plan as a supporter',
			'You invited “Nia from the café” to join as a supporter'
		];
		// Newest first: the six just made, in order, at the top of the events.
		expect(events.slice(0, 6).map((text) => expected.find((e) => text.startsWith(e)) ?? text)).toEqual(expected);
		expect(events.at(-1)).toMatch(/^You started this plan/);
		for (const row of (await logOf(person)).slice(0, 6)) expect(row.times).toHaveLength(1);
	});

	it('pages newest first without repeating or losing a row', async () => {
		for (let i = 0; i < 30; i++) await invite(plan.clients.person, plan.boardId, 'supporter', `Helper ${i}`);
		const first = await plan.clients.person.get(accessPath());
		const all = rows(first.text);
		expect(all).toHaveLength(25);
		let next = first.text.match(/href="(\?before=[^"]+)"/)?.[1];
		while (next) {
			const page = await plan.clients.person.get(accessPath() + next.replace(/&amp;/g, '&'));
			expect(page.status).toBe(200);
			all.push(...rows(page.text));
			next = page.text.match(/href="(\?before=[^"]+)"/)?.[1];
		}
		const total = count(server.dataDir, 'SELECT COUNT(*) AS n FROM visits WHERE board_id = ?', plan.boardId) +
			count(
				server.dataDir,
				"SELECT COUNT(*) AS n FROM audit_log WHERE board_id = ? AND action NOT LIKE 'session.%'",
				plan.boardId
			);
		expect(all).toHaveLength(total);
		const helpers = all.filter((r) => /invited “Helper \d+”/.test(r.text)).map((r) => Number(r.text.match(/Helper (\d+)/)![1]));
		expect(helpers).toEqual([...Array(30).keys()].reverse());
	});

	it('answers bad paging with a clear 400, never a 500', async () => {
		for (const before of ['abc', '-1-visit-1', '1-visit', '1-board-1', '99999999999999999999-visit-1', '1.5-event-2', '']) {
			const answer = await plan.clients.person.get(`${accessPath()}?before=${encodeURIComponent(before)}`);
			expect(answer.status, before).toBe(400);
			expect(answer.text).toContain('We could not find that page of the list.');
		}
		const past = await plan.clients.person.get(`${accessPath()}?before=1-visit-1`);
		expect(past.status).toBe(200);
		expect(past.text).toContain('There is nothing older than this.');
	});
});

describe('before the person joins', () => {
	it('the creator sees the access log; once the person joins, only the person does', async () => {
		const creator = await signedUp(server.url, 'Cara Creator');
		const started = await creator.client.post('/boards/new', { planFor: 'someone', personName: 'Kim', myRole: 'clinician' });
		const boardId = started.location!.match(/^\/boards\/([a-z2-7]{20})/)![1];
		expect((await creator.client.get(`/boards/${boardId}`)).text).toContain(`href="/boards/${boardId}/access"`);
		const before = await creator.client.get(`/boards/${boardId}/access`);
		expect(before.status).toBe(200);
		const texts = rows(before.text).map((r) => r.text);
		expect(texts[0]).toMatch(/^You looked at the plan/);
		expect(texts.at(-1)).toMatch(/^You started this plan/);

		const kim = await signedUp(server.url, 'Kim Person');
		await accept(kim.client, await invite(creator.client, boardId, 'person', 'Kim'));
		expect((await creator.client.get(`/boards/${boardId}/access`)).status).toBe(403);
		const theirs = await kim.client.get(`/boards/${boardId}/access`);
		expect(theirs.status).toBe(200);
		expect(rows(theirs.text).some((r) => r.text.startsWith('Cara Creator (Clinician) looked at the plan'))).toBe(true);
		expect(rows(theirs.text).some((r) => r.text.startsWith('You joined the plan as the person'))).toBe(true);
	});
});
