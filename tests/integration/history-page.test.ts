/**
 * The history page against the real server: who may see it, the sentences it shows with real
 * names, paging, filters, and clear answers to bad addresses.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addItem, deleteItem, getItem, updateFields } from '../../src/lib/board/index.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { Client } from '../helpers/http-client.js';
import { NAMES, planWithEveryRole, type PlanWithEveryone } from '../helpers/plans.js';
import { count, userId } from '../helpers/database.js';
import { connectProvider, eventually, whenSynced, type TestProvider } from '../helpers/sync-client.js';

let server: TestServer;
let plan: PlanWithEveryone;
const ids: Record<string, string> = {};
const providers: TestProvider[] = [];

/** The page's visible words, with tags and entities undone, for plain assertions. */
const words = (html: string) =>
	html
		.replace(/<[^>]+>/g, ' ')
		.replace(/&#39;|&apos;/g, "'")
		.replace(/&quot;/g, '"')
		.replace(/&amp;/g, '&')
		.replace(/\s+/g, ' ');

async function connect(who: 'clinician' | 'peer_advocate' | 'person') {
	const p = connectProvider(server.url, plan.boardId, plan.clients[who]);
	providers.push(p);
	await whenSynced(p.provider);
	return p;
}

async function stored(expected: () => number) {
	await eventually(() => count(server.dataDir, 'SELECT COUNT(*) AS n FROM board_updates WHERE board_id = ?', plan.boardId) >= expected(), 'updates stored', 10_000);
}

beforeAll(async () => {
	server = await startServer();
	plan = await planWithEveryRole(server.url);
	for (const who of ['person', 'clinician', 'peer_advocate'] as const) ids[who] = userId(server.dataDir, plan.emails[who]);
	const before = count(server.dataDir, 'SELECT COUNT(*) AS n FROM board_updates WHERE board_id = ?', plan.boardId);
	const clinician = await connect('clinician');
	const advocate = await connect('peer_advocate');
	// Speaking as the person: the clinician types the person's words.
	const goal = addItem(clinician.doc, 'goals', { author: ids.person!, recordedBy: ids.clinician!, text: "Take the bus to my daughter's", confidence: 4 });
	updateFields(clinician.doc, 'goals', goal, { confidence: 5 }, ids.clinician!);
	const today = addItem(advocate.doc, 'today', { author: ids.peer_advocate!, text: 'talk about sleep' });
	await eventually(() => getItem(clinician.doc, 'today', today) !== undefined, 'the clinician sees the new item');
	expect(deleteItem(clinician.doc, 'today', today)).toBe(true);
	for (let i = 0; i < 60; i++) addItem(advocate.doc, 'notes', { author: ids.peer_advocate!, text: `Note ${i}` });
	await stored(() => before + 64);
}, 60_000);
afterAll(async () => {
	for (const p of providers) p.destroy();
	await server?.stop();
});

describe('the history page', () => {
	it('is for members only: an outsider gets 404 and someone signed out is asked to sign in', async () => {
		expect((await plan.clients.outsider.get(`/boards/${plan.boardId}/history`)).status).toBe(404);
		expect((await plan.clients.supporter.get(`/boards/${plan.boardId}/history`)).status).toBe(200);
		const none = await new Client(server.url).get(`/boards/${plan.boardId}/history`);
		expect(none.status).toBe(303);
		expect(none.location).toMatch(/^\/login/);
	});

	it('names who made each change and whose words they were', async () => {
		const page = words((await plan.clients.person.get(`/boards/${plan.boardId}/history?section=goals`)).text);
		expect(page).toContain(`${NAMES.clinician} added a goal: 'Take the bus to my daughter's'`);
		// The reader is never named to themselves: the person reads "your words".
		expect(page).toContain(`(typed by ${NAMES.clinician} as your words)`);
		expect(page).toContain(`${NAMES.clinician} changed "How sure are you that you can do it?" from 4 to 5`);
		const today = words((await plan.clients.person.get(`/boards/${plan.boardId}/history?section=today`)).text);
		expect(today).toContain(`${NAMES.clinician} deleted 'Our time today: talk about sleep'`);
	});

	it('offers "Bring back" for a deleted item only to those who may edit', async () => {
		const path = `/boards/${plan.boardId}/history?section=today`;
		expect((await plan.clients.clinician.get(path)).text).toMatch(/\?\/restoreItem"[^>]*>\s*<input type="hidden" name="itemId"/);
		expect((await plan.clients.supporter.get(path)).text).not.toContain('restoreItem');
	});

	it('pages newest first, 50 at a time, with a link to older changes', async () => {
		const first = await plan.clients.person.get(`/boards/${plan.boardId}/history`);
		const entries = (html: string) => html.match(/data-testid="history-entry"/g)?.length ?? 0;
		expect(entries(first.text)).toBe(50);
		expect(words(first.text).indexOf("'Note 59'")).toBeLessThan(words(first.text).indexOf("'Note 58'"));
		const older = /data-testid="older-changes"[^>]*>|href="([^"]+)"[^>]*data-testid="older-changes"/.exec(first.text);
		const href = /href="(\?before=\d+)"/.exec(first.text)?.[1];
		expect(older && href).toBeTruthy();
		const second = await plan.clients.person.get(`/boards/${plan.boardId}/history${href!.replace(/&amp;/g, '&')}`);
		expect(entries(second.text)).toBe(14);
		expect(words(second.text)).toContain("'Note 9'");
		expect(words(second.text)).not.toContain("'Note 59'");
		expect(second.text).not.toContain('data-testid="older-changes"');
		expect(second.text).toMatch(/<a href="\?">Newest changes<\/a>/);
	});

	it('filters by person and by section', async () => {
		const mine = words((await plan.clients.person.get(`/boards/${plan.boardId}/history?who=${ids.clinician}`)).text);
		expect(mine).toContain(NAMES.clinician);
		expect(mine).not.toContain(`${NAMES.peer_advocate} wrote a note`);
		const goals = await plan.clients.person.get(`/boards/${plan.boardId}/history?section=goals`);
		expect(goals.text.match(/data-testid="history-entry"/g)).toHaveLength(2);
	});

	it('answers bad addresses clearly, with 400 and words, never 500', async () => {
		const cases: [string, RegExp][] = [
			['?before=abc', /page of changes does not exist/],
			['?before=-4', /page of changes does not exist/],
			['?before=99999999999999999999', /page of changes does not exist/],
			['?section=nowhere', /not a part of the plan/],
			['?who=user-nobody', /not someone you can choose/],
			[`?who=${'x'.repeat(500)}`, /not someone on this plan/]
		];
		for (const [query, message] of cases) {
			const answer = await plan.clients.person.get(`/boards/${plan.boardId}/history${query}`);
			expect(answer.status, query).toBe(400);
			expect(words(answer.text), query).toMatch(message);
		}
		const past = await plan.clients.person.get(`/boards/${plan.boardId}/history?before=1`);
		expect(past.status).toBe(200);
		expect(words(past.text)).toContain('There are no older changes.');
	});
});
