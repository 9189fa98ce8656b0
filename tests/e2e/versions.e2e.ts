/**
 * Versions, restores and undo in real browsers, with two people live on one plan: a version
 * shows words no longer on the board; a deleted item, one item's fields and the whole plan are
 * put back, and the other person sees it live; undo in one window leaves the other's typing in
 * place, across a real reconnect too; Ctrl+Z in a text field is that field's own undo; restore
 * (an item, and the whole plan through its confirmation) and undo work from the keyboard alone;
 * version pages pass axe.
 */
import { expect, test, type Locator, type Page, type WebSocketRoute } from '@playwright/test';
import { addBoardItem, boardItem, boardItems, boardLive, connectionStatus, expectAccessible, itemAction, LIVE_MS, openBoard, planWithClinician, ready } from './fixtures';

test.describe.configure({ mode: 'parallel' });

const live = { timeout: LIVE_MS };
const words = (page: Page, id: string) => page.locator(`#text-${id}`);
const ruler = (page: Page, id: string, n: number) => page.locator(`#confidence-${id}`).getByRole('radio', { name: String(n), exact: true });

/** The newest version number of a plan: the last one that answers 200 (every change is stored before anyone sees it). */
async function newestVersion(page: Page, boardId: string): Promise<number> {
	const exists = async (n: number) => (await page.request.get(`/boards/${boardId}/history/${n}`)).status() === 200;
	let high = 1;
	while (await exists(high)) high *= 2;
	let low = high / 2;
	// low exists (or is 0.5 for an empty log), high does not.
	while (high - low > 1) {
		const mid = Math.floor((low + high) / 2);
		if (await exists(mid)) low = mid;
		else high = mid;
	}
	return Math.floor(low);
}

/** The newest version once nothing more is arriving. */
async function settledVersion(page: Page, boardId: string): Promise<number> {
	let last = -1;
	for (;;) {
		const now = await newestVersion(page, boardId);
		if (now === last) return now;
		last = now;
		await page.waitForTimeout(300);
	}
}

/** Presses Tab until `target` has the focus, as someone using only a keyboard would. */
async function tabTo(page: Page, target: Locator, limit = 200): Promise<void> {
	for (let i = 0; i < limit; i++) {
		if (await target.evaluate((el) => el === document.activeElement)) return;
		await page.keyboard.press('Tab');
	}
	throw new Error('could not reach it with Tab');
}

test('a deleted item is brought back from a version by keyboard alone, and the other person sees it live', async ({ browser }) => {
	const { person, clinician, boardId } = await planWithClinician(browser, { person: 'Pat', clinician: 'Li' });
	const p = person.page;
	const c = clinician.page;
	const sleep = await addBoardItem(c, 'today', 'Talk about sleep');
	await expect(words(p, sleep)).toHaveValue('Talk about sleep', live);
	const before = await settledVersion(p, boardId);

	await p.getByRole('button', { name: itemAction('Delete', 1, 'Our time today') }).click();
	await expect(boardItems(c, 'today')).toHaveCount(0, live);

	// The version shows words that are no longer on the board.
	await p.goto(`/boards/${boardId}/history/${before}`);
	await ready(p);
	await expect(p.getByRole('heading', { level: 1 })).toHaveText('How your plan was');
	await expect(boardItem(p, sleep)).toContainText('Talk about sleep');
	await expect(boardItem(p, sleep)).toContainText('Not on the plan now');
	await expect(p.locator('main')).toContainText('made by Li (Clinician)');
	await expectAccessible(p, 'a version of the plan');

	const bringBack = p.getByRole('button', { name: /^Bring this back/ });
	await tabTo(p, bringBack);
	await p.keyboard.press('Enter');
	await expect(p).toHaveURL(new RegExp(`/boards/${boardId}\\?restored=item#item-${sleep}$`));
	await expect(p.getByTestId('restored-notice')).toBeFocused();
	await expect(p.getByTestId('restored-notice')).toContainText('The item is back on the plan');
	await expect(words(c, sleep)).toHaveValue('Talk about sleep', live);
	await expect(boardItem(c, sleep).locator('.wm-item__byline')).toContainText('changed by Pat (Person)');
});

test('one item’s field and words, then the whole plan, are put back to a version; the comparison shows what changed', async ({ browser }) => {
	const { person, clinician, boardId } = await planWithClinician(browser, { person: 'Pat', clinician: 'Li' });
	const p = person.page;
	const c = clinician.page;
	const goal = await addBoardItem(p, 'goals', 'Take the bus to my daughter');
	await ruler(p, goal, 4).check();
	await expect(ruler(c, goal, 4)).toBeChecked(live);
	const version = await settledVersion(p, boardId);

	await words(p, goal).fill('Take the train to my daughter');
	await ruler(p, goal, 6).check();
	const later = await addBoardItem(c, 'notes', 'Added after that version');
	await expect(ruler(c, goal, 6)).toBeChecked(live);
	await expect(words(c, goal)).toHaveValue('Take the train to my daughter', live);
	await expect(words(p, later)).toHaveValue('Added after that version', live);
	await settledVersion(p, boardId);

	// The comparison: changed words struck through and underlined, not only coloured.
	await p.goto(`/boards/${boardId}/history/${version}/compare`);
	await ready(p);
	await expect(p.locator('main del', { hasText: 'bus' }).first()).toBeVisible();
	await expect(p.locator('main ins', { hasText: 'train' }).first()).toBeVisible();
	await expect(p.locator('main del').first()).toHaveCSS('text-decoration-line', 'line-through');
	await expect(p.locator('main ins').first()).toHaveCSS('text-decoration-line', 'underline');
	await expect(p.getByRole('list', { name: 'Added since' })).toContainText('Added after that version');
	await expectAccessible(p, 'the comparison with now');

	// One item put back: its words and its confidence, seen live by the clinician; the note stays.
	await p.goto(`/boards/${boardId}/history/${version}`);
	await ready(p);
	await expect(boardItem(p, goal)).toContainText('Changed since');
	await p.getByRole('button', { name: /^Put this back as it was/ }).click();
	await expect(p).toHaveURL(new RegExp(`/boards/${boardId}\\?restored=item`));
	await expect(words(c, goal)).toHaveValue('Take the bus to my daughter', live);
	await expect(ruler(c, goal, 4)).toBeChecked(live);
	await expect(words(c, later)).toBeVisible();

	// The whole plan put back, after a page that says what will change; by keyboard alone.
	await p.goto(`/boards/${boardId}/history/${version}`);
	await ready(p);
	await tabTo(p, p.getByRole('link', { name: 'Put the whole plan back to this version' }));
	await p.keyboard.press('Enter');
	await expect(p.getByRole('heading', { level: 1 })).toHaveText('Put the whole plan back to this version?');
	await expect(p.getByTestId('restore-summary')).toContainText('remove 1 item added since');
	await expectAccessible(p, 'the confirmation before putting the plan back');
	await ready(p);
	await tabTo(p, p.getByRole('button', { name: 'Yes, put the plan back' }));
	// Space, as a button also answers to.
	await p.keyboard.press('Space');
	await expect(p).toHaveURL(new RegExp(`/boards/${boardId}\\?restored=plan`));
	await expect(p.getByTestId('restored-notice')).toContainText('The plan is back as it was at that version');
	await expect(boardItems(c, 'notes')).toHaveCount(0, live);
	await expect(words(c, goal)).toHaveValue('Take the bus to my daughter');
});

test('Undo takes back only my own typing, never the other person’s at the same time, by button and by keyboard', async ({ browser }) => {
	const { person, clinician, boardId } = await planWithClinician(browser, { person: 'Pat', clinician: 'Li' });
	const p = person.page;
	const c = clinician.page;
	const undo = p.getByRole('button', { name: 'Undo', exact: true });
	await expect(undo).toHaveAttribute('aria-disabled', 'true');
	await expect(p.locator('#undo-hint')).toHaveText('Nothing of yours to undo yet.');

	const goal = await addBoardItem(c, 'goals', 'Take the bus');
	await expect(words(p, goal)).toHaveValue('Take the bus', live);
	// Someone else's change gives me nothing to undo.
	await expect(undo).toHaveAttribute('aria-disabled', 'true');

	// Both type into the same goal at the same time: I at the end, the clinician at the start.
	await words(p, goal).focus();
	await p.keyboard.press('Control+End');
	await c.locator(`#text-${goal}`).focus();
	await c.keyboard.press('Control+Home');
	// Mine arrives as one input (one undo step whatever the machine's speed: keystrokes more than
	// half a second apart under load would be two); the clinician's key by key, meanwhile.
	await Promise.all([p.keyboard.insertText(' on Monday'), words(c, goal).pressSequentially('Soon: ')]);
	await expect(words(c, goal)).toHaveValue('Soon: Take the bus on Monday', live);
	await expect(words(p, goal)).toHaveValue('Soon: Take the bus on Monday', live);

	// Undo by keyboard alone: Tab out of the text to the Undo button, then Enter.
	await tabTo(p, undo);
	await p.keyboard.press('Enter');
	await expect(words(p, goal)).toHaveValue('Soon: Take the bus');
	await expect(words(c, goal)).toHaveValue('Soon: Take the bus', live);
	await expect(p.getByTestId('board-announcer')).toHaveText('Undone: your last change in My goals.');

	// Shift+Ctrl+Z outside a text field does it again.
	await p.keyboard.press('Control+Shift+Z');
	await expect(words(c, goal)).toHaveValue('Soon: Take the bus on Monday', live);
	// Ctrl+Z outside a text field undoes again; the clinician's words stay.
	await p.keyboard.press('Control+Z');
	await expect(words(c, goal)).toHaveValue('Soon: Take the bus', live);
	await openBoard(p, boardId);
	await expectAccessible(p, 'the board with Undo and Redo');
});

test('Undo after a real reconnect takes back only my change, not what the other person typed while I was away; Cmd+Z (Meta) works as Ctrl+Z', async ({ browser }) => {
	const { person, clinician, boardId } = await planWithClinician(browser, { person: 'Pat', clinician: 'Li' });
	const p = person.page;
	const c = clinician.page;
	// My sync sockets pass through here, so the test can drop them and keep me away a while.
	let away = false;
	const sockets: WebSocketRoute[] = [];
	await p.routeWebSocket(/\/yjs\//, (ws) => {
		if (away) return ws.close({ code: 1001, reason: 'away' });
		ws.connectToServer();
		sockets.push(ws);
	});
	await p.reload();
	await openBoard(p, boardId);
	const goal = await addBoardItem(c, 'goals', 'Take the bus');
	await expect(words(p, goal)).toHaveValue('Take the bus', live);

	// I type at the end; the clinician has it.
	await words(p, goal).focus();
	await p.keyboard.press('Control+End');
	await words(p, goal).pressSequentially(' on Monday');
	await expect(words(c, goal)).toHaveValue('Take the bus on Monday', live);

	// My connection drops, and stays down while the clinician types at the start.
	away = true;
	const before = sockets.length;
	for (const ws of sockets) await ws.close({ code: 1001, reason: 'dropped' });
	await expect(connectionStatus(p)).toHaveAttribute('data-state', 'reconnecting');
	await words(c, goal).focus();
	await c.keyboard.press('Control+Home');
	await words(c, goal).pressSequentially('Soon: ');
	await expect(words(c, goal)).toHaveValue('Soon: Take the bus on Monday');
	await expect(words(p, goal)).toHaveValue('Take the bus on Monday');

	// Back: a new socket to the plan, and the clinician's words arrive.
	away = false;
	await boardLive(p, 30_000);
	expect(sockets.length, 'a new sync socket after the drop').toBeGreaterThan(before);
	await expect(words(p, goal)).toHaveValue('Soon: Take the bus on Monday', live);

	// Undo takes back my words only, for both of us.
	const undo = p.getByRole('button', { name: 'Undo', exact: true });
	await expect(undo, 'I still have something to undo').toHaveAttribute('aria-disabled', 'false');
	await undo.click();
	await expect(words(p, goal)).toHaveValue('Soon: Take the bus');
	await expect(words(c, goal)).toHaveValue('Soon: Take the bus', live);
	await expect(p.getByTestId('board-announcer')).toHaveText('Undone: your last change in My goals.');
	// Outside a text field, Cmd+Shift+Z redoes and Cmd+Z undoes, as with Ctrl.
	await p.keyboard.press('Meta+Shift+Z');
	await expect(words(c, goal)).toHaveValue('Soon: Take the bus on Monday', live);
	await p.keyboard.press('Meta+Z');
	await expect(words(c, goal)).toHaveValue('Soon: Take the bus', live);
	await expect(words(p, goal)).toHaveValue('Soon: Take the bus');
});

test('Ctrl+Z inside a text field undoes that field’s own typing, not the board’s last change', async ({ browser }) => {
	const { person, clinician } = await planWithClinician(browser, { person: 'Pat', clinician: 'Li' });
	const p = person.page;
	const c = clinician.page;
	const goal = await addBoardItem(p, 'goals', 'Sleep better');
	await words(p, goal).focus();
	await p.keyboard.press('Control+End');
	await p.keyboard.type(' at night');
	await expect(words(c, goal)).toHaveValue('Sleep better at night', live);
	// My last change on the board comes after the typing, and is not typing: how sure I am.
	await ruler(p, goal, 7).check();
	await expect(ruler(c, goal, 7)).toBeChecked(live);

	// Back in the goal's words, Ctrl+Z is the text box's own undo: my typing there goes ...
	await words(p, goal).focus();
	await p.keyboard.press('Control+Z');
	await expect(words(p, goal)).toHaveValue('Sleep better');
	await expect(words(c, goal)).toHaveValue('Sleep better', live);
	// ... and the board's Undo did not run: my choice stays, and no undo was announced.
	await expect(ruler(p, goal, 7)).toBeChecked();
	await expect(ruler(c, goal, 7)).toBeChecked();
	await expect(p.getByTestId('board-announcer')).not.toContainText('Undone');
});
