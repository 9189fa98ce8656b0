/**
 * The person's access log and the dates on items, in real browsers: a clinician's visit shows
 * once in the person's log, in the person's own time zone; bylines say who wrote and changed an
 * item and when, and follow the other person's edits live. axe on both.
 */
import { expect, test } from '@playwright/test';
import { addBoardItem, boardItem, boardLive, expectAccessible, LIVE_MS, main, newActor, planWithClinician, startPlanForMe } from './fixtures';

test.describe.configure({ mode: 'parallel' });

test("the person sees the clinician's visit once in their access log, in their own time zone; the clinician may not look", async ({ browser }) => {
	const { person, clinician, boardId } = await planWithClinician(browser, { person: 'Sam', clinician: 'Lee' });
	// Reloading is not a new visit.
	for (let i = 0; i < 2; i++) await clinician.page.reload();
	await expect(clinician.page.getByRole('link', { name: /Who has looked/ })).toHaveCount(0);

	const p = person.page;
	await p.getByRole('link', { name: 'Who has looked at my plan' }).click();
	await expect(p.getByRole('heading', { level: 1 })).toHaveText('Who has looked at my plan');
	const log = p.getByRole('list', { name: 'Visits, copies and changes to who is on the plan' });
	const visit = log.getByRole('listitem').filter({ hasText: 'Lee (Clinician) looked at the plan' });
	await expect(visit).toHaveCount(1);
	await expect(log.getByRole('listitem').filter({ hasText: 'Lee joined the plan as a clinician' })).toHaveCount(1);
	await expect(visit.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d\d-\d\dT[\d:.]+Z$/);
	await expect(visit).toContainText(/Started (just now|\d+ minutes? ago) \(/);
	await expectAccessible(p, 'the access log');

	// The same page for the person on a device set to New Zealand time shows New Zealand's clock.
	const away = await browser.newContext({ timezoneId: 'Pacific/Auckland', storageState: await person.context.storageState() });
	const there = await away.newPage();
	await there.goto(`/boards/${boardId}/access`);
	const time = there.getByRole('listitem').filter({ hasText: 'Lee (Clinician) looked at the plan' }).locator('time');
	const at = Date.parse((await time.getAttribute('datetime')) ?? '');
	const clock = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Pacific/Auckland' }).format(at);
	await expect(time).toHaveAttribute('title', new RegExp(`at ${clock}$`));
	await away.close();

	// The clinician is told plainly that the log is not theirs.
	await clinician.page.goto(`/boards/${boardId}/access`);
	await expect(main(clinician.page)).toContainText('Only the person whose plan this is can see who has looked at it.');
	await expect(main(clinician.page)).not.toContainText('looked at the plan');
});

test('items say who wrote and changed them and when, and follow the other person’s edits live', async ({ browser }) => {
	const { person, clinician } = await planWithClinician(browser, { person: 'Sam', clinician: 'Lee' });
	const p = person.page;
	const c = clinician.page;
	const id = await addBoardItem(p, 'matters', 'Walks by the river');
	const theirs = boardItem(c, id).getByTestId('item-byline');
	await expect(theirs).toHaveText(/^Written by Sam \(Person\) (just now|\d+ minutes? ago)\.$/, { timeout: LIVE_MS });
	const written = theirs.locator('time');
	await expect(written).toHaveAttribute('datetime', /^\d{4}-\d\d-\d\dT[\d:.]+Z$/);
	await expect(written).toHaveAttribute('title', /^\w+day, \d{1,2} \w+ \d{4} at \d\d:\d\d$/);

	// The clinician adds to the person's words: the person's line says so, live.
	const box = c.locator(`#text-${id}`);
	await box.focus();
	await c.keyboard.press('Control+End');
	await box.pressSequentially(' on Sundays');
	const mine = boardItem(p, id).getByTestId('item-byline');
	await expect(mine).toHaveText(/^Written by you (just now|\d+ minutes? ago) · changed by Lee \(Clinician\) (just now|\d+ minutes? ago)\.$/, {
		timeout: LIVE_MS
	});
	await expect(mine.locator('time')).toHaveCount(2);
	await expectAccessible(p, 'the board with dates on items');
});

test('"just now" moves on by itself as time passes, with nothing else changing', async ({ browser }) => {
	const { page } = await newActor(browser, 'Ola');
	const boardId = await startPlanForMe(page);
	await page.clock.install();
	await page.goto(`/boards/${boardId}`);
	await boardLive(page);
	const id = await addBoardItem(page, 'strengths', 'I am good with plants');
	const byline = boardItem(page, id).getByTestId('item-byline');
	await expect(byline).toHaveText('Written by you just now.');
	await page.clock.runFor('05:00');
	await expect(byline).toHaveText(/^Written by you [56] minutes ago\.$/);
});
