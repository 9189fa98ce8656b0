/**
 * A plan you can read, in real browsers: the read view shows every section with what it is in
 * the person's own voice, a goal lists the steps that help with it, "Edit" leads back in, and
 * the person on a phone reads first. Checked by keyboard and with axe at 1280 px and 390 px.
 */
import { expect, test, type Page } from '@playwright/test';
import { addBoardItem, BOARD_SECTIONS, boardItem, boardLive, expectAccessible, LIVE_MS, openBoard, planWithClinician } from './fixtures';

const readView = (page: Page) => page.getByTestId('read-view');
const modeButton = (page: Page, name: 'Read' | 'Edit') => page.getByRole('group', { name: 'Read or change the plan' }).getByRole('button', { name, exact: true });
const live = { timeout: LIVE_MS * 5 };

/** Fills every section once, links a step to a goal and gives "who to call" a number. */
async function fillPlan(page: Page): Promise<{ goal: string; step: string; call: string }> {
	for (const { key } of BOARD_SECTIONS) {
		if (key !== 'goals' && key !== 'steps' && key !== 'contingency') await addBoardItem(page, key, `Something in ${key}`);
	}
	const goal = await addBoardItem(page, 'goals', 'Walk to the park');
	const step = await addBoardItem(page, 'steps', 'Buy walking shoes');
	await page.locator(`#goalId-${step}`).selectOption({ label: 'Walk to the park' });
	const call = await addBoardItem(page, 'contingency', 'My sister Ann');
	await page.locator(`#kind-${call}`).selectOption('who_to_call');
	await page.locator(`#phone-${call}`).fill('0300 123 4567');
	await page.locator(`#phone-${call}`).blur();
	return { goal, step, call };
}

test('the read view shows every section in the person’s voice, goals with their steps, and “Edit” leads back in', async ({ browser }) => {
	const { person, clinician } = await planWithClinician(browser, { person: 'Pat', clinician: 'Lee' });
	const p = person.page;
	const c = clinician.page;
	const { goal, step, call } = await fillPlan(p);

	// In the edit view too, a goal lists the steps that help with it.
	await expect(boardItem(p, goal).getByTestId('goal-steps')).toContainText('Buy walking shoes');

	// By keyboard: Tab to "Read", press Enter.
	await expect(modeButton(c, 'Edit')).toHaveAttribute('aria-pressed', 'true');
	await modeButton(c, 'Read').focus();
	await c.keyboard.press('Enter');
	await expect(modeButton(c, 'Read')).toHaveAttribute('aria-pressed', 'true');
	await expect(readView(c)).toBeVisible();
	await expect(readView(c).locator('textarea, input, select')).toHaveCount(0);
	const voices = {
		today: 'What I want from our time together today.',
		goals: 'What I would like to change or keep doing, and what OK would look like for me.',
		contingency: 'The signs that things are getting hard for me, what helps, and who to call.'
	} as Record<string, string>;
	for (const { key, title } of BOARD_SECTIONS) {
		const region = readView(c).getByRole('region', { name: title, exact: true });
		await expect(region).toBeVisible();
		await expect(region.getByRole('heading', { level: 2, name: title })).toBeVisible();
		if (voices[key]) await expect(region.locator('.wm-read-section__voice')).toHaveText(voices[key]!);
		if (key !== 'goals' && key !== 'steps' && key !== 'contingency') await expect(region).toContainText(`Something in ${key}`);
	}
	await expect(readView(c).getByRole('region', { name: 'Our conversations' })).toBeVisible();
	await expect(boardItem(c, goal).getByTestId('goal-steps')).toContainText('Buy walking shoes');
	await expect(boardItem(c, goal).getByTestId('goal-steps').getByRole('link', { name: 'Buy walking shoes' })).toHaveAttribute('href', `#item-${step}`);
	await expect(boardItem(c, step)).toContainText('Which goal it helps with: Walk to the park');
	await expect(boardItem(c, call).getByRole('link', { name: 'Call My sister Ann on 0300 123 4567' })).toHaveAttribute('href', 'tel:03001234567');
	// Live, like the rest of the board.
	await addBoardItem(p, 'notes', 'Had a good week');
	await expect(readView(c).getByRole('region', { name: 'Notes between visits' })).toContainText('Had a good week', live);
	await expectAccessible(c, 'the read view at 1280 px');

	// The choice stays on the device; "Edit" on a section leads into it, with the focus there.
	await c.reload();
	await boardLive(c);
	await expect(readView(c)).toBeVisible();
	await readView(c).getByRole('button', { name: 'Edit My goals' }).click();
	await expect(modeButton(c, 'Edit')).toHaveAttribute('aria-pressed', 'true');
	await expect(c.getByRole('heading', { level: 2, name: 'My goals' })).toBeFocused();
	await expect(c.locator(`#text-${goal}`)).toHaveValue('Walk to the park');

	await c.setViewportSize({ width: 390, height: 844 });
	await modeButton(c, 'Read').click();
	await expectAccessible(c, 'the read view at 390 px');
});

test('the person on a phone reads their plan first; a clinician on a phone edits first', async ({ browser }) => {
	const { person, clinician, boardId } = await planWithClinician(browser, { person: 'Pat', clinician: 'Lee' });
	await addBoardItem(person.page, 'matters', 'My grandchildren');
	for (const page of [person.page, clinician.page]) {
		await page.setViewportSize({ width: 390, height: 844 });
		await page.goto(`/boards/${boardId}/history`);
		await openBoard(page, boardId);
	}
	await expect(readView(person.page)).toBeVisible();
	await expect(readView(person.page).getByRole('region', { name: 'What matters to me' })).toContainText('My grandchildren');
	await expect(modeButton(person.page, 'Read')).toHaveAttribute('aria-pressed', 'true');
	await expect(readView(clinician.page)).toHaveCount(0);
	await expect(clinician.page.locator('#add-matters')).toBeVisible();
	// The person can write from there in one step.
	await modeButton(person.page, 'Edit').click();
	await expect(person.page.locator('#add-matters')).toBeVisible();
});

test('“If things get difficult” is one step from the top on every screen; numbers are tap-to-call; urgent numbers are offered, never added for you', async ({ browser }) => {
	const { person, clinician } = await planWithClinician(browser, { person: 'Pat', clinician: 'Lee' });
	const p = person.page;
	const contingency = p.locator('#section-contingency');

	for (const size of [
		{ width: 1280, height: 720 },
		{ width: 390, height: 844 },
		{ width: 320, height: 256 } // 1280 × 1024 at 400 % zoom
	]) {
		await p.setViewportSize(size);
		await p.evaluate(() => window.scrollTo(0, 0));
		const jump = p.getByTestId('if-things-get-difficult');
		await expect(jump).toHaveAccessibleName(/^If things get difficult\s*:\s*Warning signs, what helps and who to call$/);
		await expect(jump).toBeInViewport();
		await jump.click();
		await expect(p).toHaveURL(/#section-contingency$/);
		await expect(contingency.getByRole('heading', { level: 2, name: 'If things get difficult' })).toBeInViewport();
	}
	await p.setViewportSize({ width: 1280, height: 720 });

	// Nothing is put there for the person: the urgent numbers are offered, to choose.
	await expect(contingency.locator('[data-item-id]')).toHaveCount(0);
	const offered = contingency.getByTestId('urgent-numbers');
	await expect(offered.getByRole('button')).toHaveText(['Add NHS 111', 'Add 999', 'Add Samaritans']);
	await offered.getByRole('button', { name: 'Add Samaritans' }).click();
	await expect(contingency.locator('[data-item-id]')).toHaveCount(1);
	await expect(offered.getByRole('button')).toHaveText(['Add NHS 111', 'Add 999']);
	const samaritans = await contingency.locator('[data-item-id]').first().getAttribute('data-item-id');
	await expect(p.locator(`#text-${samaritans}`)).toHaveValue('Samaritans: to talk to someone, day or night.');
	await expect(boardItem(p, samaritans!).getByRole('link', { name: 'Call 116 123' })).toHaveAttribute('href', 'tel:116123');
	// Shared with the clinician as the person's own entry, and a tel: link in the read view.
	const c = clinician.page;
	await expect(boardItem(c, samaritans!)).toBeVisible(live);
	await modeButton(c, 'Read').click();
	await expect(boardItem(c, samaritans!).getByRole('link', { name: /^Call .* on 116 123$/ })).toHaveAttribute('href', 'tel:116123');
	await expect(boardItem(c, samaritans!).getByTestId('item-byline')).toContainText('Written by Pat (Person)');
});
