/**
 * The conversation, in real browsers: the person and the clinician in two contexts (and a
 * supporter in a third) see the guide's shared step move live; a conversation keeps its agenda
 * with its date, ends with what was agreed, and the next one starts with an empty agenda while the
 * last one stays readable; "Coming up" gathers the plan's dates.
 */
import { expect, test, type Page } from '@playwright/test';
import {
	addBoardItem,
	addSupporter,
	boardItem,
	boardLive,
	boardSection,
	expectAccessible,
	LIVE_MS,
	newAccount,
	newActor,
	newVisitor,
	openBoard,
	planWithClinician,
	signUpThroughInvitation,
	startPlanWith,
	stopSharingScreen,
	talkAs,
	talkingNow
} from './fixtures';

const guide = (page: Page) => page.locator('#section-visits');
const stepNow = (page: Page) => page.getByTestId('guide-step');
const live = { timeout: LIVE_MS * 5 };
const byline = (page: Page, id: string) => boardItem(page, id).getByTestId('item-byline');

async function startConversation(page: Page) {
	await guide(page).getByRole('button', { name: 'Start the conversation' }).click();
	await expect(stepNow(page)).toHaveText('We are on step 1: What you want from today');
}

test('the guide’s shared step moves live for everyone on the plan; a supporter sees it but cannot move it', async ({ browser }) => {
	const { person, clinician, boardId } = await planWithClinician(browser, { person: 'Pat', clinician: 'Lee' });
	const supporter = await addSupporter(browser, person.page, boardId, 'Robin');
	const p = person.page;
	const c = clinician.page;
	const s = supporter.page;

	// Who takes part: the person and those here now are ticked; the supporter is on the list too.
	const who = guide(c).getByRole('group', { name: 'Who is taking part?' });
	await expect(who.getByRole('checkbox', { name: 'Pat (Person)' })).toBeChecked();
	await expect(who.getByRole('checkbox', { name: 'Lee (you)' })).toBeChecked();
	await startConversation(c);
	await expect(guide(c).getByTestId('visit-participants')).toContainText('Pat (Person)');

	await expect(stepNow(p)).toHaveText('We are on step 1: What you want from today', live);
	await expect(stepNow(s)).toHaveText('We are on step 1: What you want from today', live);

	await guide(c).getByRole('button', { name: 'Next step' }).click();
	await expect(stepNow(c)).toHaveText('We are on step 2: Talk it through');
	await expect(stepNow(p)).toHaveText('We are on step 2: Talk it through', live);
	await expect(stepNow(s)).toHaveText('We are on step 2: Talk it through', live);
	await expect(guide(p).getByTestId('step-panel')).toContainText('What does a good day look like to you?');

	// The person moves it too, by choosing a step; the clinician's screen follows.
	await guide(p).getByRole('button', { name: /Step 4 of 5: A first step/ }).click();
	await expect(stepNow(c)).toHaveText('We are on step 4: A first step', live);
	await expect(guide(c).getByRole('button', { name: /Step 4 of 5/ })).toHaveAttribute('aria-current', 'step');
	await expect(c.getByTestId('board-announcer')).toHaveText('Pat (Person) moved the conversation to step 4: A first step.', live);

	// The supporter reads where we are and has nothing to move it with.
	await expect(guide(s).getByRole('button', { name: /Step \d of 5/ })).toHaveCount(0);
	await expect(guide(s).getByRole('button', { name: 'Next step' })).toHaveCount(0);
	await expect(guide(s).locator('[aria-current="step"]')).toContainText('A first step');

	// The guide can be hidden, and the plan is still there to write in.
	await guide(p).getByRole('button', { name: 'Hide the guide' }).click();
	await expect(guide(p).getByTestId('step-panel')).toHaveCount(0);
	await expect(stepNow(p)).toHaveText('We are on step 4: A first step');
	await addBoardItem(p, 'notes', 'Written with the guide hidden');
	await p.reload();
	await expect(guide(p).getByRole('button', { name: 'Show the guide' })).toBeVisible();
	await guide(p).getByRole('button', { name: 'Show the guide' }).click();
	await expect(guide(p).getByTestId('step-panel')).toBeVisible();
});

test('a conversation keeps its agenda with its date; the next starts empty while the last stays readable', async ({ browser }) => {
	const { person, clinician } = await planWithClinician(browser, { person: 'Pat', clinician: 'Lee' });
	const p = person.page;
	const c = clinician.page;

	// Before a conversation, what the person writes in "Our time today" is kept for the next one.
	await expect(boardSection(p, 'today').getByTestId('agenda-for')).toHaveText('No conversation is going on. What you add here is kept for the next one.');
	await addBoardItem(p, 'today', 'My sleep');
	await startConversation(c);
	const today = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long' }).format(new Date()).replace(',', '');
	await expect(boardSection(p, 'today').getByTestId('agenda-for')).toHaveText(`For the conversation of ${today}.`, live);
	await addBoardItem(c, 'today', 'Money worries');
	await expect(boardSection(p, 'today').locator('[data-item-id]')).toHaveCount(2, live);

	// During it, a goal and a step are agreed; the end gathers them.
	await addBoardItem(p, 'goals', 'Sleep through the night');
	await addBoardItem(p, 'steps', 'No screens after ten');
	await guide(c).getByRole('button', { name: 'End the conversation' }).click();
	const lines = guide(c).getByTestId('agreed-lines');
	await expect(lines).toContainText('New goal: Sleep through the night');
	await expect(lines).toContainText('New step: No screens after ten');
	await guide(c).getByLabel('Anything else you agreed?').fill('We meet again in two weeks.');
	await expectAccessible(c, 'ending a conversation');
	await guide(c).getByRole('button', { name: 'Save and end the conversation' }).click();

	// Ended: today's agenda is empty for both, and last time's is kept with its date.
	for (const page of [c, p]) {
		await expect(boardSection(page, 'today').locator('[data-item-id]')).toHaveCount(0, live);
		const last = boardSection(page, 'today').getByTestId('last-time');
		await expect(last.locator('summary')).toHaveText(`Last time, on ${today}`);
		await last.locator('summary').click();
		await expect(last.getByTestId('visit-agenda')).toHaveText(/My sleep\s*Money worries/);
		await expect(last.getByTestId('visit-agreed')).toContainText('New goal: Sleep through the night');
		await expect(last.getByTestId('visit-agreed')).toContainText('We meet again in two weeks.');
	}

	// The next conversation starts with an empty agenda; the last one is still readable.
	await startConversation(p);
	await expect(boardSection(c, 'today').locator('[data-item-id]')).toHaveCount(0);
	await expect(boardSection(c, 'today').getByTestId('agenda-for')).toHaveText(`For the conversation of ${today}.`, live);
	const past = guide(c).getByTestId('past-visits');
	await past.locator('summary').click();
	await expect(past.getByTestId('visit-record')).toHaveCount(1);
	await expect(past.getByTestId('visit-agenda')).toHaveText(/My sleep\s*Money worries/);
	await expect(past.getByTestId('visit-agreed')).toContainText('We meet again in two weeks.');
});

test('“Coming up” gathers due dates and review dates, soonest first, and says when one is late', async ({ browser }) => {
	const { person } = await planWithClinician(browser, { person: 'Pat', clinician: 'Lee' });
	const p = person.page;
	const coming = p.getByTestId('coming-up');
	await expect(coming).toContainText('Nothing has a date yet.');
	const step = await addBoardItem(p, 'steps', 'Ring the housing office');
	const goal = await addBoardItem(p, 'goals', 'A warmer flat');
	await p.locator(`#dueDate-${step}`).fill('2020-01-02');
	await p.locator(`#dueDate-${step}`).blur();
	await p.locator(`#reviewDate-${goal}`).fill('2999-03-04');
	await p.locator(`#reviewDate-${goal}`).blur();
	const entries = coming.locator('li');
	await expect(entries).toHaveCount(2);
	await expect(entries.nth(0)).toHaveText(/Was due Thursday 2 January 2020\s*Step: Ring the housing office/);
	await expect(entries.nth(1)).toHaveText(/4 March 2999\s*Look again at goal: A warmer flat/);
	await entries.nth(1).getByRole('link').click();
	await expect(p).toHaveURL(new RegExp(`#item-${goal}$`));
});

test('on one shared screen, what is added or changed is the words of whoever is talking now, and the choice survives a reload', async ({ browser }) => {
	const { person, clinician, boardId } = await planWithClinician(browser, { person: 'Pat', clinician: 'Lee' });
	const p = person.page;
	const c = clinician.page;
	const shared = c.getByRole('button', { name: 'Together on one screen' });
	await expect(shared).toHaveAttribute('aria-pressed', 'false');
	await shared.click();
	await expect(shared).toHaveAttribute('aria-pressed', 'true');
	// Bigger text for the whole page, and the person first in "Who is talking now?".
	expect(await c.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('20px');
	const radios = talkingNow(c).getByRole('radio');
	await expect(radios).toHaveCount(2);
	await expect(radios.nth(0)).toHaveAccessibleName('Pat (Person)');
	await expect(radios.nth(0)).toBeChecked();
	await expectAccessible(c, 'one shared screen at 1280 px');

	const patSaid = await addBoardItem(c, 'matters', 'Being listened to');
	await expect(byline(p, patSaid)).toContainText('Your words, typed by Lee (Clinician)', live);

	// By keyboard: arrow to the clinician; what they add next is theirs.
	await talkingNow(c).getByRole('radio', { name: 'Pat (Person)' }).focus();
	await c.keyboard.press('ArrowRight');
	await expect(talkingNow(c).getByRole('radio', { name: 'Lee (you)' })).toBeChecked();
	await expect(talkingNow(c).getByRole('radio', { name: 'Lee (you)' })).toBeFocused();
	const leeSaid = await addBoardItem(c, 'matters', 'Checking in every two weeks');
	await expect(byline(p, leeSaid)).toContainText('Written by Lee (Clinician)', live);

	// A reload keeps the shared screen and who is talking.
	await c.reload();
	await boardLive(c);
	await expect(c.getByRole('button', { name: 'Together on one screen' })).toHaveAttribute('aria-pressed', 'true');
	await expect(talkingNow(c).getByRole('radio', { name: 'Lee (you)' })).toBeChecked();
	await talkAs(c, 'Pat (Person)');
	await c.reload();
	await boardLive(c);
	await expect(talkingNow(c).getByRole('radio', { name: 'Pat (Person)' })).toBeChecked();
	const afterReload = await addBoardItem(c, 'strengths', 'I keep going');
	await expect(byline(p, afterReload)).toContainText('Your words, typed by Lee (Clinician)', live);

	// Changing words already on the plan is the words of whoever is talking too, typed by the clinician.
	const words = c.locator(`#text-${leeSaid}`);
	await words.focus();
	await c.keyboard.press('Control+End');
	await words.pressSequentially(', if I can');
	await expect(p.locator(`#text-${leeSaid}`)).toHaveValue('Checking in every two weeks, if I can', live);
	await expect(byline(p, leeSaid)).toContainText('changed: your words, typed by Lee (Clinician)', live);
	await expect(byline(c, leeSaid)).toContainText('changed: words of Pat (Person), typed by you');
	await p.goto(`/boards/${boardId}/history`);
	const edit = p.getByTestId('history-entry').filter({ hasText: "Lee changed the words of" }).filter({ hasText: 'Checking in every two weeks, if I can' });
	await expect(edit).toHaveCount(1);
	await expect(edit).toContainText('(typed by Lee as your words)');
	await openBoard(p, boardId);

	await c.setViewportSize({ width: 390, height: 844 });
	await expectAccessible(c, 'one shared screen at 390 px');
	await stopSharingScreen(c);
	const own = await addBoardItem(c, 'notes', 'Back on my own screen');
	await expect(byline(p, own)).toContainText('Written by Lee (Clinician)', live);
});

test('words recorded for the person before they have an account become theirs when they join', async ({ browser }) => {
	const clinician = await newActor(browser, 'Lee');
	const c = clinician.page;
	const { boardId, link } = await startPlanWith(c, 'Pat Morgan', 'clinician');
	await openBoard(c, boardId);
	await talkAs(c, 'Pat Morgan (Person, not joined yet)');
	const goal = await addBoardItem(c, 'goals', 'Get back to the allotment');
	await expect(byline(c, goal)).toContainText('Words of Pat Morgan (Person, not joined yet), typed by you');
	const step = await addBoardItem(c, 'steps', 'Ring the allotment society');
	await c.locator(`#owner-${step}`).selectOption({ label: 'Pat Morgan (Person, not joined yet)' });
	await guide(c).getByRole('button', { name: 'Start the conversation' }).click();
	await expect(guide(c).getByTestId('visit-participants')).toContainText('Pat Morgan (Person, not joined yet)');

	// Pat joins through the invitation: the words, the step and the conversation are theirs.
	const pat = await newVisitor(browser);
	await signUpThroughInvitation(pat.page, link, newAccount('Pat Morgan'), boardId);
	await boardLive(pat.page);
	await expect(byline(pat.page, goal)).toContainText('Your words, typed by Lee (Clinician)');
	await expect(pat.page.locator(`#owner-${step}`).locator('option:checked')).toHaveText('Me');
	await expect(guide(pat.page).getByTestId('visit-participants')).toContainText('Me');
	await c.reload();
	await boardLive(c);
	await expect(byline(c, goal)).toContainText('Words of Pat Morgan (Person), typed by you');
	await expect(talkingNow(c).getByRole('radio', { name: 'Pat Morgan (Person)' })).toBeChecked();
});

test('the guide and “Coming up” work by keyboard alone and have no WCAG 2.2 A/AA violations at 1280 px and 390 px', async ({ browser }) => {
	const { person, clinician } = await planWithClinician(browser, { person: 'Pat', clinician: 'Lee' });
	const c = clinician.page;
	const step = await addBoardItem(person.page, 'steps', 'Ring the housing office');
	await person.page.locator(`#dueDate-${step}`).fill('2999-01-02');
	await person.page.locator(`#dueDate-${step}`).blur();
	await expect(c.getByTestId('coming-up').locator('li')).toHaveCount(1, live);

	// Start, move on and back, and choose a step, with the keyboard only.
	await guide(c).getByRole('button', { name: 'Start the conversation' }).focus();
	await c.keyboard.press('Enter');
	await expect(stepNow(c)).toHaveText('We are on step 1: What you want from today');
	await expect(c.locator('#visit-now-title')).toBeFocused();
	await guide(c).getByRole('button', { name: 'Next step' }).focus();
	await c.keyboard.press('Enter');
	await c.keyboard.press('Space');
	await expect(stepNow(c)).toHaveText('We are on step 3: What matters and what OK looks like');
	await c.keyboard.press('Shift+Tab');
	await expect(guide(c).getByRole('button', { name: 'Back a step' })).toBeFocused();
	await c.keyboard.press('Enter');
	await expect(stepNow(c)).toHaveText('We are on step 2: Talk it through');
	await guide(c).getByRole('button', { name: /Step 5 of 5/ }).focus();
	await c.keyboard.press('Enter');
	await expect(stepNow(c)).toHaveText('We are on step 5: Follow up and celebrate');
	await expect(stepNow(person.page)).toHaveText('We are on step 5: Follow up and celebrate', live);
	// Hiding and showing the guide, by keyboard too.
	await guide(c).getByRole('button', { name: 'Hide the guide' }).focus();
	await c.keyboard.press('Enter');
	await expect(guide(c).getByRole('button', { name: 'Show the guide' })).toBeFocused();
	await c.keyboard.press('Enter');
	await expect(guide(c).getByTestId('step-panel')).toBeVisible();

	await expectAccessible(c, 'the guide and Coming up at 1280 px');
	await guide(c).getByTestId('past-visits').locator('summary').click();
	await c.setViewportSize({ width: 390, height: 844 });
	await expectAccessible(c, 'the guide and Coming up at 390 px');
	await expectAccessible(person.page, 'the guide as the person sees it at 1280 px');
});
