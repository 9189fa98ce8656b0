/**
 * "Since your last visit" against the real server: the summary names who changed what while I
 * was away, the plan list says there is something new until I have looked, and seen marks
 * are kept on the server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addItem, getItem, updateFields } from '../../src/lib/board/index.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { NAMES, planWithEveryRole, type PlanWithEveryone } from '../helpers/plans.js';
import { count, openDatabase, userId } from '../helpers/database.js';
import { connectProvider, eventually, whenSynced, type TestProvider } from '../helpers/sync-client.js';

let server: TestServer;
let plan: PlanWithEveryone;
const providers: TestProvider[] = [];
let notes: string[] = [];

const words = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/\s+/g, ' ');
const storedUpdates = () => count(server.dataDir, 'SELECT COUNT(*) AS n FROM board_updates WHERE board_id = ?', plan.boardId);
/** Moves every stored visit two hours back: the person has been away. */
function timePasses() {
	const db = openDatabase(server.dataDir);
	db.prepare('UPDATE visits SET started_at = started_at - 7200000, last_seen_at = last_seen_at - 7200000').run();
	db.close();
}

async function connect(who: 'person' | 'peer_advocate') {
	const p = connectProvider(server.url, plan.boardId, plan.clients[who]);
	providers.push(p);
	await whenSynced(p.provider);
	return p;
}

beforeAll(async () => {
	server = await startServer();
	plan = await planWithEveryRole(server.url);
	const person = userId(server.dataDir, plan.emails.person);
	const advocate = userId(server.dataDir, plan.emails.peer_advocate);
	const mine = await connect('person');
	const step = addItem(mine.doc, 'steps', { author: person, text: 'Call the housing office' });
	await eventually(() => storedUpdates() >= 2, 'the step is stored', 10_000);
	expect((await plan.clients.person.get(`/boards/${plan.boardId}`)).status).toBe(200);
	mine.destroy();
	timePasses();
	const theirs = await connect('peer_advocate');
	await eventually(() => getItem(theirs.doc, 'steps', step) !== undefined, 'the advocate has the step');
	const before = storedUpdates();
	notes = ['Went to the cafe', 'Slept better'].map((text) => addItem(theirs.doc, 'notes', { author: advocate, text }));
	updateFields(theirs.doc, 'steps', step, { status: 'doing' }, advocate);
	await eventually(() => storedUpdates() >= before + 3, 'the changes are stored', 10_000);
}, 60_000);
afterAll(async () => {
	for (const p of providers) p.destroy();
	await server?.stop();
});

describe('since your last visit', () => {
	it('tells the person on the plan list that something is new, before they open the plan', async () => {
		const list = await plan.clients.person.get('/boards');
		expect(list.text).toContain('data-testid="plan-new"');
		expect(words(list.text)).toContain(`by ${NAMES.peer_advocate}`);
	});

	it('names who changed what, and lists the items, when the person opens the plan', async () => {
		const page = words((await plan.clients.person.get(`/boards/${plan.boardId}`)).text);
		expect(page).toContain(`${NAMES.peer_advocate} added 2 notes and changed a next step.`);
		expect(page).toContain('Went to the cafe (new)');
		expect(page).toContain('Call the housing office (changed)');
	});

	it('no longer calls the plan new once the person has opened it', async () => {
		expect((await plan.clients.person.get('/boards')).text).not.toContain('data-testid="plan-new"');
	});

	it('keeps seen marks on the server: one item, then everything', async () => {
		const path = `/boards/${plan.boardId}/seen`;
		const page = (await plan.clients.person.get(`/boards/${plan.boardId}`)).text;
		const upTo = /name="upTo" value="(\d+)"/.exec(page)![1]!;
		const one = await plan.clients.person.request('POST', path, {
			body: new URLSearchParams({ itemId: notes[0]!, upTo }),
			headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.url, accept: 'application/json' }
		});
		expect(one.status).toBe(204);
		const after = words((await plan.clients.person.get(`/boards/${plan.boardId}`)).text);
		expect(after).not.toContain('Went to the cafe (new)');
		expect(after).toContain('Slept better (new)');
		const all = await plan.clients.person.post(path, { all: '1', upTo });
		expect(all.status).toBe(303);
		expect((await plan.clients.person.get(`/boards/${plan.boardId}`)).text).not.toContain('data-testid="since-summary"');
	});

	it('refuses bad marks clearly and hides the plan from outsiders', async () => {
		const path = `/boards/${plan.boardId}/seen`;
		expect((await plan.clients.person.post(path, { all: '1', upTo: 'abc' })).status).toBe(400);
		expect((await plan.clients.person.post(path, { itemId: 'bad id!', upTo: '3' })).status).toBe(400);
		expect((await plan.clients.person.post(path, { upTo: '3' })).status).toBe(400);
		expect((await plan.clients.outsider.post(path, { all: '1', upTo: '3' })).status).toBe(404);
		// Another site cannot mark my changes seen for me.
		expect((await plan.clients.person.post(path, { all: '1', upTo: '3' }, 'http://elsewhere.example')).status).toBe(403);
	});
});
