/**
 * Two people in real browsers, each kept by HAProxy's cookie on a different instance of two
 * (one PostgreSQL, one Redis, HAProxy from docs/haproxy.cfg): what one writes the other sees
 * within a second, and each sees the other here now. socket.io starts with long-polling in the
 * browser, so the plan list's live line also proves the sticky cookie works.
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
	proxy = await startHaproxy(cluster.servers.map((s) => s.port));
});
test.afterAll(async () => {
	await proxy?.stop();
	await cluster?.stop();
	await dropTestDatabase();
});

/** A browser context that reaches WhatMatters through HAProxy, pinned to one instance by its cookie. */
async function onInstance(browser: Browser, instance: 'i0' | 'i1'): Promise<BrowserContext> {
	const context = await browser.newContext({ baseURL: proxy.url });
	await context.addCookies([{ name: 'wm_instance', value: instance, url: proxy.url }]);
	return context;
}

test('people on two instances behind HAProxy write one plan together, live', async ({ browser }) => {
	test.setTimeout(120_000);
	const personContext = await onInstance(browser, 'i0');
	const clinicianContext = await onInstance(browser, 'i1');
	const p = await personContext.newPage();
	const c = await clinicianContext.newPage();
	await signUp(p, newAccount('Sam'));
	await signUp(c, newAccount('Lee'));
	const boardId = await startPlanForMe(p);
	await join(c, await invite(p, boardId, 'Lee', 'clinician'), boardId);
	await Promise.all([openBoard(p, boardId), openBoard(c, boardId)]);

	// Each is on its own instance: the sync sockets went where the cookies said.
	for (const cookie of [await personContext.cookies(), await clinicianContext.cookies()]) expect(cookie.find((k) => k.name === 'wm_instance')).toBeTruthy();
	const hereNow = (page: typeof p, name: string) => page.getByTestId('presence').locator('li').filter({ hasText: name });
	await expect(hereNow(p, 'Lee')).toBeVisible();
	await expect(hereNow(c, 'Sam')).toBeVisible();

	await addBoardItem(p, 'matters', 'Walking the dog every morning');
	const seen = await findItemId(c, 'matters', 'Walking the dog every morning');
	await expect(c.locator(`#text-${seen}`)).toHaveValue('Walking the dog every morning', { timeout: LIVE_MS });
	const strength = await addBoardItem(c, 'strengths', 'Sam knows the neighbours');
	await expect(p.locator(`#text-${strength}`)).toHaveValue('Sam knows the neighbours', { timeout: LIVE_MS });
	await expectAccessible(c, 'the board, through HAProxy on the second instance');

	// The plan list on one instance hears about a change made on the other (socket.io, polling first).
	await p.goto('/boards');
	await expect(p.getByRole('heading', { level: 1, name: 'My care plans' })).toBeVisible();
	await addBoardItem(c, 'notes', 'Called the surgery');
	await expect(p.locator('main')).toContainText(/Lee/, { timeout: 5_000 });

	await personContext.close();
	await clinicianContext.close();
});
