/**
 * Two people in real browsers, each kept by HAProxy's cookie on a different instance of two
 * (one PostgreSQL, one Redis, HAProxy from docs/haproxy.cfg): what one writes the other sees
 * within a second, and each sees the other here now. socket.io starts with long-polling in the
 * browser, so the plan list's live line (a change made on the other instance after the list
 * loaded) also proves the sticky cookie works. Which instance served each browser is read from
 * HAProxy's log, where a header only these browsers send names whose request each line is.
 */
import { expect, test, type Browser, type BrowserContext } from '@playwright/test';
import { startHaproxy, type TestHaproxy } from '../helpers/haproxy.js';
import { startInstances, type Instances } from '../helpers/scale-out.js';
import { setup as makeTestDatabase, teardown as dropTestDatabase } from '../setup/postgres.js';
import { addBoardItem, expectAccessible, findItemId, invite, join, LIVE_MS, newAccount, openBoard, signUp, startPlanForMe } from './fixtures';

test.describe.configure({ mode: 'serial' });

let cluster: Instances;
let proxy: TestHaproxy;

test.beforeAll(async () => {
	test.setTimeout(120_000);
	await makeTestDatabase();
	cluster = await startInstances(2, { LOG_LEVEL: 'warn' });
	// HAProxy logs, with each request, whose browser sent it (a header only these tests send). Its
	// checks run every 2 s, as documented: a slow answer on a busy machine must not re-pin anyone.
	proxy = await startHaproxy(cluster.servers.map((s) => s.port), 2_000, WHO_HEADER);
});
test.afterAll(async () => {
	await proxy?.stop();
	await cluster?.stop();
	await dropTestDatabase();
});

const WHO_HEADER = 'x-e2e-who';

/** A browser context that reaches WhatMatters through HAProxy, pinned to one instance by its cookie. */
async function onInstance(browser: Browser, instance: 'i0' | 'i1', who: string): Promise<BrowserContext> {
	const context = await browser.newContext({ baseURL: proxy.url, extraHTTPHeaders: { [WHO_HEADER]: who } });
	await context.addCookies([{ name: 'wm_instance', value: instance, url: proxy.url }]);
	return context;
}

/** From HAProxy's log: each request one browser sent, with the instance that served it. */
function servedFor(who: string): { instance: string; method: string; path: string }[] {
	const lines = proxy.output().split('\n');
	return lines.flatMap((line) => {
		const match = new RegExp(`whatmatters/(\\S+) .*\\{${who}\\} "(\\w+) (\\S+)`).exec(line);
		return match ? [{ instance: match[1], method: match[2], path: match[3] }] : [];
	});
}

test('people on two instances behind HAProxy write one plan together, live', async ({ browser }) => {
	test.setTimeout(120_000);
	const personContext = await onInstance(browser, 'i0', 'sam');
	const clinicianContext = await onInstance(browser, 'i1', 'lee');
	const p = await personContext.newPage();
	const c = await clinicianContext.newPage();
	await signUp(p, newAccount('Sam'));
	await signUp(c, newAccount('Lee'));
	const boardId = await startPlanForMe(p);
	await join(c, await invite(p, boardId, 'Lee', 'clinician'), boardId);
	await Promise.all([openBoard(p, boardId), openBoard(c, boardId)]);

	// Each is on its own instance, by HAProxy's log: the plan's page went where the cookie said.
	expect(servedFor('sam').filter((r) => r.path === `/boards/${boardId}`).map((r) => r.instance)).toContain('i0');
	expect(servedFor('lee').filter((r) => r.path === `/boards/${boardId}`).map((r) => r.instance)).toContain('i1');
	const hereNow = (page: typeof p, name: string) => page.getByTestId('presence').locator('li').filter({ hasText: name });
	await expect(hereNow(p, 'Lee')).toBeVisible();
	await expect(hereNow(c, 'Sam')).toBeVisible();

	await addBoardItem(p, 'matters', 'Walking the dog every morning');
	const seen = await findItemId(c, 'matters', 'Walking the dog every morning');
	await expect(c.locator(`#text-${seen}`)).toHaveValue('Walking the dog every morning', { timeout: LIVE_MS });
	const strength = await addBoardItem(c, 'strengths', 'Sam knows the neighbours');
	await expect(p.locator(`#text-${strength}`)).toHaveValue('Sam knows the neighbours', { timeout: LIVE_MS });
	await expectAccessible(c, 'the board, through HAProxy on the second instance');

	// The plan list on one instance hears about a change made on the other after it loaded
	// (socket.io, polling first): nothing on the page says "Changed" until that change.
	await p.goto('/boards');
	await expect(p.getByRole('heading', { level: 1, name: 'My care plans' })).toBeVisible();
	const live = p.getByTestId(`plan-live-${boardId}`);
	// The live line is there once the list watches (Lee, on the other instance, is on the plan).
	await expect(live).toContainText('On this plan now: Lee', { timeout: LIVE_MS });
	await expect(p.locator('main')).not.toContainText(/Changed/);
	await addBoardItem(c, 'notes', 'Called the surgery');
	await expect(live).toContainText(/Changed .* by Lee\./, { timeout: 5_000 });

	await personContext.close();
	await clinicianContext.close();
	// Every request of each browser, pages, sync sockets (logged as they close) and socket.io
	// (long-polling and its upgrade), was served by the instance its cookie names.
	await expect.poll(() => servedFor('sam').some((r) => r.path === `/yjs/${boardId}`) && servedFor('lee').some((r) => r.path === `/yjs/${boardId}`)).toBe(true);
	for (const [who, instance] of [['sam', 'i0'], ['lee', 'i1']] as const) {
		const served = servedFor(who);
		expect(served.some((r) => r.path.startsWith('/socket.io/')), `${who}'s socket.io requests`).toBe(true);
		expect(served.filter((r) => r.instance !== instance), `${who}'s requests served elsewhere`).toEqual([]);
	}
});
