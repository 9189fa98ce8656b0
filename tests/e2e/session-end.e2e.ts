/**
 * Sessions ending, in real browsers: a tab whose session was signed out elsewhere stops
 * receiving edits within a second and says so; signing out asks before losing changes not
 * yet shared and deletes this browser's copies of plans; a writer made a reader is told in
 * plain words and loses the edit controls, and gets them back when made a writer again.
 */
import { expect, test, type Page } from '@playwright/test';
import { addBoardItem, boardItems, boardLive, connectionStatus, expectAccessible, LIVE_MS, openBoard, PASSWORD, planWithClinician, ready } from './fixtures';

test.describe.configure({ mode: 'parallel' });

/** The names of this browser's plan copies (IndexedDB databases). */
function planCopies(page: Page): Promise<string[]> {
	return page.evaluate(async () =>
		(await indexedDB.databases()).map((db) => db.name ?? '').filter((name) => name.startsWith('whatmatters-board-'))
	);
}

test('a tab signed out from another tab stops receiving edits within a second and says it was signed out', async ({ browser }) => {
	const { person, clinician, boardId } = await planWithClinician(browser, { person: 'Sam', clinician: 'Lee' });
	await addBoardItem(person.page, 'notes', 'Before Lee signs out');
	await expect(boardItems(clinician.page, 'notes')).toHaveCount(1, { timeout: LIVE_MS });

	// Lee signs out in another tab of the same browser; the board tab sends nothing meanwhile.
	const other = await clinician.context.newPage();
	await other.goto('/boards');
	await ready(other);
	await other.getByRole('button', { name: 'Sign out' }).click();
	await expect(other).toHaveURL(/\/\?signed-out=1$/);

	await expect(connectionStatus(clinician.page)).toHaveAttribute('data-state', 'signed-out', { timeout: LIVE_MS });
	await expect(connectionStatus(clinician.page)).toContainText('You were signed out');

	// Sam keeps writing; Lee's signed-out tab shows none of it.
	await addBoardItem(person.page, 'notes', 'After Lee signed out');
	await addBoardItem(person.page, 'matters', 'Also after');
	await person.page.waitForTimeout(LIVE_MS);
	await expect(boardItems(clinician.page, 'notes')).toHaveCount(1);
	await expect(boardItems(clinician.page, 'matters')).toHaveCount(0);
	await expect(connectionStatus(clinician.page)).toHaveAttribute('data-state', 'signed-out');
	expect(boardId).toBeTruthy();
});

test('signing out asks first while changes are not shared, then deletes every copy of a plan in this browser', async ({ browser }) => {
	const { person, boardId } = await planWithClinician(browser, { person: 'Ria', clinician: 'Kit' });
	const page = person.page;
	await addBoardItem(page, 'notes', 'Shared before going offline');
	expect(await planCopies(page)).toContain(`whatmatters-board-${boardId}`);

	// Offline, a change cannot reach the server: signing out asks, and "Stay" keeps everything.
	await person.context.setOffline(true);
	await expect(connectionStatus(page)).toHaveAttribute('data-state', 'offline');
	await addBoardItem(page, 'notes', 'Written offline');
	await page.getByRole('button', { name: 'Sign out' }).click();
	const dialog = page.getByRole('dialog', { name: 'Some changes are not shared yet' });
	await expect(dialog).toBeVisible();
	await expect(dialog).toContainText('they will be lost on this device');
	await expect(dialog.getByRole('button', { name: 'Stay signed in' })).toBeFocused();
	await expectAccessible(page, 'the sign-out question');
	await dialog.getByRole('button', { name: 'Stay signed in' }).click();
	await expect(dialog).toBeHidden();
	await expect(page).toHaveURL(new RegExp(`/boards/${boardId}$`));

	// Asked again, and then back online while the question is open: once the change is shared and
	// confirmed nothing is at stake, so the question goes and signing out carries on.
	await page.getByRole('button', { name: 'Sign out' }).click();
	await expect(dialog).toBeVisible();
	await person.context.setOffline(false);
	await expect(page).toHaveURL(/\/\?signed-out=1$/, { timeout: 10_000 });
	await expect(page.getByTestId('signed-out-notice')).toHaveText('You are signed out. This browser no longer keeps a copy of your plans.');
	await expect.poll(() => planCopies(page)).toEqual([]);
	await expect(page.getByRole('button', { name: 'Sign out' })).toHaveCount(0);
});

test('a writer made a reader is told in plain words and loses the edit controls; made a writer again, gets them back', async ({ browser }) => {
	const { person, clinician, boardId } = await planWithClinician(browser, { person: 'Ola', clinician: 'Max' });
	const lee = clinician.page;
	await expect(lee.locator('#add-notes')).toBeVisible();

	const people = await person.context.newPage();
	const changeRole = async (role: 'supporter' | 'clinician') => {
		await people.goto(`/boards/${boardId}/people`);
		await ready(people);
		await people.getByLabel('Role for Max').selectOption(role);
		await people.getByRole('button', { name: 'Change role' }).click();
		await expect(people).toHaveURL(new RegExp(`/boards/${boardId}/people$`));
	};

	await changeRole('supporter');
	const notice = lee.getByTestId('role-change-notice');
	await expect(notice).toContainText('You can now read this plan but not change it', { timeout: 5000 });
	// Brought to the notice, wherever they were on the page.
	await expect(notice).toBeFocused();
	await expect(lee.getByTestId('my-role')).toContainText('Your role on this plan: Supporter.');
	await expect(lee.locator('#add-notes')).toHaveCount(0);
	await expect(lee.locator('textarea')).toHaveCount(0);
	await boardLive(lee);

	await changeRole('clinician');
	await expect(notice).toContainText('You can now change this plan', { timeout: 5000 });
	await expect(lee.locator('#add-notes')).toBeVisible();
	await openBoard(lee, boardId);
	await addBoardItem(lee, 'notes', 'Max writes again');
	await expect(boardItems(person.page, 'notes')).toHaveCount(1, { timeout: LIVE_MS });
});

test('a member removed while the plan is open no longer sees it, and this browser keeps no copy', async ({ browser }) => {
	const { person, clinician, boardId } = await planWithClinician(browser, { person: 'Ria', clinician: 'Tom' });
	await addBoardItem(person.page, 'notes', 'Only for people on the plan');
	await expect(boardItems(clinician.page, 'notes')).toHaveCount(1, { timeout: LIVE_MS });
	expect(await planCopies(clinician.page)).toContain(`whatmatters-board-${boardId}`);

	const people = await person.context.newPage();
	await people.goto(`/boards/${boardId}/people`);
	await ready(people);
	await people.getByRole('button', { name: 'Remove Tom from this plan' }).click();

	await expect(connectionStatus(clinician.page)).toHaveAttribute('data-state', 'no-access', { timeout: 5000 });
	await expect(clinician.page.getByText('Only for people on the plan')).toHaveCount(0);
	await expect(boardItems(clinician.page, 'notes')).toHaveCount(0);
	await expect.poll(() => planCopies(clinician.page), { timeout: 5000 }).not.toContain(`whatmatters-board-${boardId}`);
});

test('"Sign out on every device" on the account page ends the session of another browser at once', async ({ browser }) => {
	const { person, boardId } = await planWithClinician(browser, { person: 'Eli', clinician: 'Fay' });
	// Eli also signs in on a second device, and has the plan open there.
	const phone = await browser.newContext();
	const phonePage = await phone.newPage();
	await phonePage.goto('/login');
	await ready(phonePage);
	await phonePage.locator('#email').fill(person.account.email);
	await phonePage.locator('#password').fill(PASSWORD);
	await phonePage.getByRole('button', { name: 'Sign in' }).click();
	await expect(phonePage).toHaveURL(/\/boards$/);
	await openBoard(phonePage, boardId);

	const page = await person.context.newPage();
	await page.goto('/boards');
	await page.getByRole('link', { name: 'Your account' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Your account' })).toBeVisible();
	await expectAccessible(page, 'the account page');
	await ready(page);
	await page.getByRole('button', { name: 'Sign out on every device' }).click();
	await expect(page).toHaveURL(/\/\?signed-out=1$/);

	await expect(connectionStatus(phonePage)).toHaveAttribute('data-state', 'signed-out', { timeout: LIVE_MS });
	await expect(connectionStatus(person.page)).toHaveAttribute('data-state', 'signed-out', { timeout: LIVE_MS });
	await phonePage.goto('/boards');
	await expect(phonePage).toHaveURL(/\/login/);
	await phone.close();
});

test('a writer made a reader while offline is told, on coming back, that changes made offline could not be shared', async ({ browser }) => {
	const { person, clinician, boardId } = await planWithClinician(browser, { person: 'Uma', clinician: 'Vic' });
	const vic = clinician.page;
	await clinician.context.setOffline(true);
	await expect(connectionStatus(vic)).toHaveAttribute('data-state', 'offline');
	await addBoardItem(vic, 'notes', 'Written offline by Vic');

	const people = await person.context.newPage();
	await people.goto(`/boards/${boardId}/people`);
	await ready(people);
	await people.getByLabel('Role for Vic').selectOption('supporter');
	await people.getByRole('button', { name: 'Change role' }).click();
	await expect(people).toHaveURL(new RegExp(`/boards/${boardId}/people$`));

	await clinician.context.setOffline(false);
	const notice = vic.getByTestId('role-change-notice');
	await expect(notice).toContainText('You can now read this plan but not change it', { timeout: 10_000 });
	await expect(notice).toContainText('Some changes you made had not been shared yet');
	await expect(vic.locator('#add-notes')).toHaveCount(0);
	await person.page.waitForTimeout(LIVE_MS);
	await expect(boardItems(person.page, 'notes')).toHaveCount(0);
});
