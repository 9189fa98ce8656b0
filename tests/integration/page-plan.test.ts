/**
 * The board page comes with the stored plan (src/lib/first-paint.ts): its words are in the HTML
 * for reading before the script, and a board that starts from it syncs with the server by
 * exchanging only what changed since the page was made, with the stock WebsocketProvider.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addItem, listItems } from '../../src/lib/board/index.js';
import { firstPaintOf, planDocFromPage } from '../../src/lib/first-paint.js';
import { count, userId } from '../helpers/database.js';
import { planWithEveryRole, type PlanWithEveryone } from '../helpers/plans.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { connectProvider, eventually, whenSynced, type TestProvider } from '../helpers/sync-client.js';

let server: TestServer;
let plan: PlanWithEveryone;
const open: TestProvider[] = [];
const storedUpdates = () => count(server.dataDir, 'SELECT COUNT(*) AS n FROM board_updates WHERE board_id = ?', plan.boardId);

/** Connects as the person, from `doc`, and counts the bytes the server sends until the first sync is done. */
async function syncFrom(doc: Y.Doc): Promise<number> {
	let bytes = 0;
	const provider = connectProvider(server.url, plan.boardId, plan.clients.person, doc, { received: (n) => (bytes += n) });
	open.push(provider);
	await whenSynced(provider.provider);
	return bytes;
}

/** The page's plan, as SvelteKit writes it into the HTML for the board to start from. */
function planStateIn(html: string): string {
	const found = /planState:"([A-Za-z0-9+/=]*)"/.exec(html);
	if (!found) throw new Error('the board page carries no plan');
	return found[1]!;
}

beforeAll(async () => {
	server = await startServer();
	plan = await planWithEveryRole(server.url);
});
afterAll(async () => {
	for (const provider of open.splice(0)) provider.destroy();
	await server?.stop();
});

it('sends the stored plan with the page, and a board started from it syncs only what changed since', async () => {
	const writer = connectProvider(server.url, plan.boardId, plan.clients.person);
	open.push(writer);
	await whenSynced(writer.provider);
	const author = userId(server.dataDir, plan.emails.person);
	const sentence = (i: number) => `Thing ${i}: walking to the park with my sister on Sundays, and a cup of tea after.`;
	for (let i = 0; i < 60; i++) addItem(writer.doc, 'matters', { author, text: sentence(i) });
	await eventually(() => listItems(writer.doc, 'matters').length === 60 && storedUpdates() >= 60, 'the items are stored', 10_000);

	const page = await plan.clients.clinician.get(`/boards/${plan.boardId}`);
	expect(page.status).toBe(200);
	// Readable before the script: the words are in the HTML itself.
	expect(page.text).toContain(sentence(59));
	const fromPage = planDocFromPage(planStateIn(page.text));
	expect(fromPage).not.toBeNull();
	expect(firstPaintOf(fromPage!).matters?.map((item) => item.text)).toEqual(Array.from({ length: 60 }, (_, i) => sentence(i)));

	// A change stored after the page was made reaches the board that started from the page.
	addItem(writer.doc, 'strengths', { author, text: 'Written after the page was sent' });
	await eventually(() => listItems(writer.doc, 'strengths').length === 1 && storedUpdates() >= 61, 'the later change is stored', 10_000);

	const fresh = new Y.Doc();
	const fromNothing = await syncFrom(fresh);
	const fromPageBytes = await syncFrom(fromPage!);

	expect(listItems(fromPage!, 'matters')).toHaveLength(60);
	expect(listItems(fromPage!, 'strengths').map((item) => item.text)).toEqual(['Written after the page was sent']);
	expect(Y.encodeStateVector(fromPage!)).toEqual(Y.encodeStateVector(fresh));
	// The whole plan came with the page: the socket carried the later change and little else.
	expect(fromNothing).toBeGreaterThan(5000);
	expect(fromPageBytes).toBeLessThan(fromNothing / 5);
});

it('reads no plan from a state that is not one: the board then loads it from the server alone', () => {
	expect(planDocFromPage('not base64 at all!')).toBeNull();
	expect(planDocFromPage('AAAA')).toBeNull();
});
