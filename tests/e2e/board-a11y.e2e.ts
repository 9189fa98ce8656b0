/**
 * The board for everyone: ten labelled regions with headings, and axe (zero WCAG 2.2 A/AA
 * violations) in the states people meet it in: the person's full board with a done step and a
 * delete notice, the clinician's on one shared screen, the supporter's read-only one, offline.
 */
import { expect, test } from '@playwright/test';
import {
	addBoardItem,
	addSupporter,
	BOARD_SECTIONS,
	boardItem,
	boardSection,
	connectionStatus,
	expectAccessible,
	LIVE_MS,
	newActor,
	openBoard,
	planWithClinician,
	startPlanForMe,
	talkAs
} from './fixtures';

// Every test makes its own accounts and plan, so they can share the workers.
test.describe.configure({ mode: 'parallel' });

test('each of the ten sections is a labelled region with its heading, in order', async ({ browser }) => {
	const person = await newActor(browser, 'Lou');
	const boardId = await startPlanForMe(person.page);
	const page = person.page;
	await openBoard(page, boardId);

	for (const { key, title } of BOARD_SECTIONS) {
		const region = page.getByRole('region', { name: title, exact: true });
		await expect(region, title).toHaveCount(1);
		await expect(region).toBeVisible();
		await expect(region).toHaveAttribute('data-section', key);
		await expect(region.getByRole('heading', { level: 2, name: title, exact: true })).toBeVisible();
		await expect(region.getByText('Nothing here yet. You can add the first one below.')).toBeVisible();
	}
	// In the plan's order, each reachable from the "Jump to a section" list.
	const regionNames = await page.locator('.wm-board section[data-section]').evaluateAll((els) =>
		els.map((el) => document.getElementById(el.getAttribute('aria-labelledby') ?? '')?.textContent?.trim())
	);
	expect(regionNames).toEqual(BOARD_SECTIONS.map((s) => s.title));
	const jump = page.getByRole('navigation', { name: 'Sections of the plan' });
	for (const { key, title } of BOARD_SECTIONS) {
		await expect(jump.getByRole('link', { name: title, exact: true })).toHaveAttribute('href', `#section-${key}`);
	}

	await person.context.close();
});

test('the board has no WCAG 2.2 A/AA violations: person (full, done step, delete notice), clinician, supporter, offline', async ({
	browser
}) => {
	// Four roles and states, each scanned whole: longer than one ordinary browser test.
	test.setTimeout(120_000);
	const { person, clinician, boardId } = await planWithClinician(browser, { person: 'Mo', clinician: 'Priya' });
	const p = person.page;
	const c = clinician.page;

	// Something in every section, and a few fields set.
	const ids: Record<string, string> = {};
	for (const { key, title } of BOARD_SECTIONS) ids[key] = await addBoardItem(p, key, `Something for ${title}`);
	await p.locator(`#importance-${ids.goals}`).getByRole('radio', { name: '7', exact: true }).check();
	await p.locator(`#confidence-${ids.goals}`).getByRole('radio', { name: '4', exact: true }).check();
	await p.locator(`#owner-${ids.steps}`).selectOption({ label: 'Me' });
	await p.locator(`#goalId-${ids.steps}`).selectOption(ids.goals);
	await p.locator(`#status-${ids.steps}`).selectOption('done');
	await expect(boardItem(p, ids.steps).getByTestId('step-done')).toBeVisible();
	await p.locator(`#kind-${ids.contingency}`).selectOption('who_to_call');
	await p.locator(`#phone-${ids.contingency}`).fill('0300 123 4567');
	await p.locator(`#phone-${ids.contingency}`).press('Tab');
	// A second item in "Our time today", deleted: its Undo notice is on screen.
	const extra = await addBoardItem(p, 'today', 'To be deleted');
	await boardItem(p, extra).getByRole('button', { name: /^Delete/ }).click();
	await expect(boardSection(p, 'today').getByTestId('deleted-notice')).toBeVisible();
	await expect(c.locator(`#text-${ids.contingency}`)).toHaveValue('Something for If things get difficult', { timeout: LIVE_MS });
	await expectAccessible(p, 'board as the person (every section filled, a done step, a delete notice)');

	// The clinician, on one shared screen with the person talking.
	await expect(boardItem(c, ids.steps).getByTestId('step-done')).toBeVisible();
	await talkAs(c, 'Mo (Person)');
	await expect(c.getByText('This will be saved as the words of Mo.').first()).toBeVisible();
	await expectAccessible(c, 'board as the clinician (one shared screen, the person talking)');

	// A supporter: the read-only board.
	const supporter = await addSupporter(browser, p, boardId, 'Dee');
	const s = supporter.page;
	await expect(s.getByText('You can read this plan.', { exact: false })).toBeVisible();
	await expect(boardItem(s, ids.steps).getByTestId('step-done')).toBeVisible();
	await expectAccessible(s, 'board as a supporter (read-only)');

	// Offline, for a writer and for a reader.
	await clinician.context.setOffline(true);
	await expect(connectionStatus(c)).toHaveAttribute('data-state', 'offline');
	await expect(connectionStatus(c)).toContainText('kept on this device');
	await expectAccessible(c, 'board offline (writer)');
	await supporter.context.setOffline(true);
	await expect(connectionStatus(s)).toHaveAttribute('data-state', 'offline');
	await expect(connectionStatus(s)).toContainText('you are seeing the plan as it was when you were last online');
	await expectAccessible(s, 'board offline (reader)');

	await Promise.all([person.context.close(), clinician.context.close(), supporter.context.close()]);
});
