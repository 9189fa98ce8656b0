/**
 * Takes the README's pictures: the read view, the conversation guide and the shared-screen mode,
 * each at 1280 px and 390 px wide, of a plan written through the real UI by a person and their
 * clinician in two browsers. Run with `npm run screenshots`; the files go to docs/screenshots/.
 */
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { addBoardItem, boardItem, invite, join, newActor, openBoard, startPlanForMe, stopSharingScreen, talkAs } from '../e2e/fixtures';

const OUT = path.resolve(import.meta.dirname, '../../docs/screenshots');
const WIDE = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

async function shoot(page: Page, name: string, size: { width: number; height: number }, top: string) {
	await page.setViewportSize(size);
	// The section's heading goes just below the sticky bar, whose height depends on the screen and
	// on the shared-screen mode: measure it rather than guess.
	await page.locator(top).evaluate((el) => {
		const bar = document.querySelector('.wm-board-bar');
		const covered = bar && getComputedStyle(bar).position === 'sticky' ? bar.getBoundingClientRect().height : 0;
		window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - covered - 16);
	});
	// Times like "just now" and the caret blink are the only things that move; let fonts settle.
	await page.waitForTimeout(300);
	await page.screenshot({ path: path.join(OUT, `${name}-${size.width}.png`) });
}

test('screenshots of the read view, the guide and one shared screen', async ({ browser }) => {
	const pat = await newActor(browser, 'Pat Morgan');
	const lee = await newActor(browser, 'Dr Lee Chen');
	const boardId = await startPlanForMe(pat.page);
	await join(lee.page, await invite(pat.page, boardId, 'Dr Lee Chen', 'clinician'), boardId);
	const p = pat.page;
	const c = lee.page;
	await Promise.all([openBoard(p, boardId), openBoard(c, boardId)]);

	// What Pat writes, and what Dr Chen types for Pat on one screen.
	await addBoardItem(p, 'today', 'Talk about my sleep');
	await c.locator('#section-visits').getByRole('button', { name: 'Start the conversation' }).click();
	await addBoardItem(p, 'matters', 'Seeing my grandchildren every week');
	await addBoardItem(p, 'goodDay', 'A walk in the park, then tea with my neighbour');
	await addBoardItem(p, 'strengths', 'I keep going, even on hard days');
	const people = await addBoardItem(p, 'people', 'Ann, my sister');
	await p.locator(`#relationship-${people}`).fill('Rings me every Sunday');
	await p.locator(`#relationship-${people}`).blur();
	await addBoardItem(p, 'obstacles', 'Stairs to my flat');
	await talkAs(c, 'Pat Morgan (Person)');
	const goal = await addBoardItem(c, 'goals', 'Walk to the park and back by myself');
	await p.locator(`#importance-${goal}`).getByRole('radio', { name: '9', exact: true }).check();
	await p.locator(`#confidence-${goal}`).getByRole('radio', { name: '6', exact: true }).check();
	const step = await addBoardItem(c, 'steps', 'Buy comfortable walking shoes');
	await c.locator(`#goalId-${step}`).selectOption({ label: 'Walk to the park and back by myself' });
	await c.locator(`#dueDate-${step}`).fill('2031-05-14');
	await c.locator(`#dueDate-${step}`).blur();
	await addBoardItem(c, 'notes', 'Pat walked to the corner shop twice this week');
	const sister = await addBoardItem(p, 'contingency', 'Ann, my sister');
	await p.locator(`#kind-${sister}`).selectOption('who_to_call');
	await p.locator(`#phone-${sister}`).fill('07700 900123');
	await p.locator(`#phone-${sister}`).blur();
	await p.getByTestId('urgent-numbers').getByRole('button', { name: 'Add NHS 111' }).click();
	await c.locator('#section-visits').getByRole('button', { name: /Step 3 of 5/ }).click();
	await expect(boardItem(p, step)).toBeVisible();

	// The guide, as the clinician sees it on their own screen.
	await stopSharingScreen(c);
	await shoot(c, 'guide', WIDE, '#section-visits');
	await shoot(c, 'guide', PHONE, '#section-visits');
	// One shared screen: bigger text, and Pat talking.
	await c.setViewportSize(WIDE);
	await talkAs(c, 'Pat Morgan (Person)');
	await shoot(c, 'shared-screen', WIDE, '#section-goals');
	await shoot(c, 'shared-screen', PHONE, '#section-goals');
	// The read view, as Pat reads it on a phone (where it opens first) and on a computer.
	await p.getByRole('button', { name: 'Read', exact: true }).click();
	await expect(p.getByTestId('read-view')).toBeVisible();
	await shoot(p, 'read-view', WIDE, '#section-goals');
	await shoot(p, 'read-view', PHONE, '#section-goals');
});
