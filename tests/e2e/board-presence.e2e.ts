/**
 * Presence you can see, with three people in their own browser contexts (the person, a
 * clinician and a peer advocate) and a supporter reading along: each sees which section the
 * others look at and which item and field they are in; a remote caret and selection sit at the right offset
 * while someone types and moves when words are put in before it; a new item being written
 * shows before it is added; a screen reader hears joins, leaves and "writing in this item too"; the
 * supporter sees none of it; axe finds nothing with presence and carets showing.
 */
import { expect, test, type Page } from '@playwright/test';
import {
	addBoardItem,
	addButton,
	addSupporter,
	boardItem,
	boardSection,
	expectAccessible,
	invite,
	join,
	newActor,
	openBoard,
	planWithClinician
} from './fixtures';

const CLINICIAN = 'Dr Li Chen';
const words = (page: Page, id: string) => page.locator(`#text-${id}`);
const caretOf = (page: Page, id: string, name: string) => boardItem(page, id).getByTestId('remote-caret').filter({ hasText: name });
const hereNow = (page: Page, name: string) => page.getByTestId('presence').locator('li').filter({ hasText: name });
const announcer = (page: Page) => page.getByTestId('board-announcer');

/**
 * Starts keeping everything the board's live region says: a later remark can replace one
 * before a check reads it (the owner leaving for the people page and coming back says
 * "Sam left.", then "Sam joined.", around what the check is after).
 */
async function keepHearing(page: Page): Promise<() => Promise<string>> {
	await announcer(page).evaluate((region) => {
		const said: string[] = ((window as unknown as { said: string[] }).said = []);
		new MutationObserver(() => region.textContent && said.push(region.textContent)).observe(region, { childList: true, characterData: true, subtree: true });
	});
	return () => page.evaluate(() => (window as unknown as { said: string[] }).said.join(' '));
}

test('three people see where the others are, down to the caret, and a supporter sees none of it', async ({ browser }) => {
	// Four accounts and many steps, each waiting on three browsers.
	test.setTimeout(150_000);
	const { person, clinician, boardId } = await planWithClinician(browser, { person: 'Sam', clinician: CLINICIAN });
	const p = person.page;
	const c = clinician.page;
	const advocate = await newActor(browser, 'Ash');
	await join(advocate.page, await invite(p, boardId, 'Ash', 'peer_advocate'), boardId);
	const a = advocate.page;
	await Promise.all([openBoard(a, boardId), openBoard(p, boardId)]);
	await expect(hereNow(p, 'Ash')).toBeVisible();

	const goal = await addBoardItem(p, 'goals', 'Take the bus');
	await expect(words(c, goal)).toHaveValue('Take the bus');

	// --- Which section: the clinician scrolls to "My goals"; the others see it there and in "Here now".
	await boardSection(c, 'goals').evaluate((el) => el.scrollIntoView({ block: 'start' }));
	for (const page of [p, a]) {
		const viewers = boardSection(page, 'goals').getByTestId('section-viewers');
		await expect(viewers.locator('[data-user-id]').filter({ hasText: CLINICIAN })).toBeVisible();
		await expect(viewers).toContainText(/looking at this part$/);
		await expect(hereNow(page, CLINICIAN)).toContainText('looking at My goals');
	}

	// --- The person's section too: they scroll to "My strengths"; the clinician and the advocate see them there.
	await boardSection(p, 'strengths').evaluate((el) => el.scrollIntoView({ block: 'start' }));
	for (const page of [c, a]) {
		const viewers = boardSection(page, 'strengths').getByTestId('section-viewers');
		await expect(viewers.locator('[data-user-id]').filter({ hasText: 'Sam' })).toBeVisible();
		await expect(viewers).toContainText(/looking at this part$/);
		await expect(hereNow(page, 'Sam')).toContainText('looking at My strengths');
	}

	// --- Which item and field, and a screen reader hears it in the item the person is in.
	await words(p, goal).focus();
	await words(c, goal).focus();
	await c.keyboard.press('Control+End');
	for (const page of [p, a]) {
		await expect(boardItem(page, goal).getByTestId('editing-now')).toContainText(CLINICIAN);
		await expect(boardItem(page, goal).getByTestId('editing-now')).toContainText(/writing here now$/);
		await expect(boardItem(page, goal).getByTestId('field-presence')).toContainText(CLINICIAN);
		await expect(hereNow(page, CLINICIAN)).toContainText('in My goals, editing ‘Take the bus’');
	}
	await expect(boardItem(p, goal).getByTestId('editing-now')).toHaveText(`${CLINICIAN} is writing here now`);
	await expect(announcer(p)).toContainText(`${CLINICIAN} is writing in this item too.`);

	// --- The clinician's caret, with their name, at the end of the words.
	await expect(caretOf(a, goal, CLINICIAN)).toHaveAttribute('data-offset', '12');
	// Decorative for screen readers: the item says in words who is writing in it.
	await expect(boardItem(a, goal).locator('.wm-carets')).toHaveAttribute('aria-hidden', 'true');
	await c.keyboard.type(' to town');
	await expect(words(a, goal)).toHaveValue('Take the bus to town');
	await expect(caretOf(a, goal, CLINICIAN)).toHaveAttribute('data-offset', '20');
	// Moving the caret without typing moves it for the others too.
	await c.keyboard.press('Home');
	await expect(caretOf(a, goal, CLINICIAN)).toHaveAttribute('data-offset', '0');
	await c.keyboard.press('Control+End');
	await expect(caretOf(a, goal, CLINICIAN)).toHaveAttribute('data-offset', '20');
	const endLeft = await caretLeft(a, goal, CLINICIAN);

	// --- The person puts words in before it: the clinician's caret keeps its place after "town".
	await p.keyboard.press('Home');
	await p.keyboard.type('I will ');
	await expect(words(a, goal)).toHaveValue('I will Take the bus to town');
	await expect(caretOf(a, goal, CLINICIAN)).toHaveAttribute('data-offset', '27');
	await expect(caretOf(p, goal, CLINICIAN)).toHaveAttribute('data-offset', '27');
	await expect(caretOf(c, goal, 'Sam')).toHaveAttribute('data-offset', '7');
	// Drawn further right (or on a later line) than before, inside the text box.
	expect(await caretLeft(a, goal, CLINICIAN)).not.toBe(endLeft);
	await expectCaretInside(a, goal, CLINICIAN);

	// --- The other way round: the advocate's section, item and selection, as the person and the clinician see them.
	const step = await addBoardItem(a, 'steps', 'Ring the bus company');
	await boardSection(a, 'steps').evaluate((el) => el.scrollIntoView({ block: 'start' }));
	for (const page of [p, c]) {
		const viewers = boardSection(page, 'steps').getByTestId('section-viewers');
		await expect(viewers.locator('[data-user-id]').filter({ hasText: 'Ash' })).toBeVisible();
		await expect(hereNow(page, 'Ash')).toContainText('looking at Next steps');
	}
	// The clinician is still shown where they are.
	await expect(hereNow(p, CLINICIAN)).toContainText('in My goals');
	await words(a, step).focus();
	await a.keyboard.press('Control+End');
	// Selects "company", backwards: the selection runs from 20 back to 13, the caret at 13.
	await a.keyboard.press('Control+Shift+ArrowLeft');
	for (const page of [p, c]) {
		await expect(boardItem(page, step).getByTestId('editing-now')).toHaveText('Ash is writing here now');
		await expect(boardItem(page, step).getByTestId('field-presence')).toContainText('Ash');
		await expect(hereNow(page, 'Ash')).toContainText('in Next steps, editing ‘Ring the bus company’');
		await expect(caretOf(page, step, 'Ash')).toHaveAttribute('data-anchor', '20');
		await expect(caretOf(page, step, 'Ash')).toHaveAttribute('data-offset', '13');
		await expectSelectionDrawn(page, step, 'Ash');
	}
	// Nobody's own selection is drawn to themselves.
	await expect(boardItem(a, step).getByTestId('remote-selection')).toHaveCount(0);

	// --- A new item being written shows to the others before it is added, words and all.
	await a.locator('#add-notes').fill('Called Sam on Tuesday');
	for (const page of [p, c]) {
		const draft = boardSection(page, 'notes').getByTestId('draft-notice');
		await expect(draft).toContainText('Ash is writing something new in Notes between visits…');
		await expect(draft).toContainText('Called Sam on Tuesday');
		await expect(hereNow(page, 'Ash')).toContainText('in Notes between visits, writing something new');
	}
	await expectAccessible(p, 'the board with a caret, markers and a draft showing');
	await expectAccessible(a, 'the board with a caret and markers showing');

	// --- A supporter joins: the others hear it; the supporter sees no one's presence.
	const heardByClinician = await keepHearing(c);
	const supporter = await addSupporter(browser, p, boardId, 'Robin');
	const s = supporter.page;
	await expect.poll(heardByClinician, { timeout: 10_000 }).toContain('Robin joined.');
	await expect(words(c, goal)).toBeFocused();
	await c.keyboard.type('!');
	await expect(s.locator('.wm-item__text').filter({ hasText: 'town!' })).toBeVisible();
	await expect(s.getByTestId('presence').locator('li')).toHaveCount(1);
	for (const testId of ['section-viewers', 'remote-caret', 'draft-notice', 'editing-now', 'field-presence', 'whereabouts']) {
		await expect(s.getByTestId(testId)).toHaveCount(0);
	}
	await expectAccessible(s, 'the board as a supporter sees it');

	// Added, the draft notice goes.
	await addButton(a, 'notes').click();
	await expect(boardSection(p, 'notes').getByTestId('draft-notice')).toHaveCount(0);

	// --- The advocate closes their page: the others hear, politely, that they left.
	const heard = [await keepHearing(p), await keepHearing(c)];
	await a.close();
	for (const [i, page] of [p, c].entries()) {
		await expect(hereNow(page, 'Ash')).toHaveCount(0, { timeout: 10_000 });
		await expect(announcer(page)).toHaveAttribute('aria-live', 'polite');
		// After the news of the added note has had its moment (a few seconds).
		await expect.poll(heard[i]!, { timeout: 10_000 }).toContain('Ash left.');
	}

	for (const actor of [person, clinician, advocate, supporter]) await actor.context.close();
});

/** `name`'s selection is drawn over the text box: one box, as wide as some words, starting at their caret. */
async function expectSelectionDrawn(page: Page, itemId: string, name: string): Promise<void> {
	const caret = caretOf(page, itemId, name);
	const selection = boardItem(page, itemId).locator(`[data-testid="remote-selection"][data-user-id="${await caret.getAttribute('data-user-id')}"]`);
	await expect(selection).toHaveCount(1);
	await expect(selection).toBeVisible();
	const [box, at, field] = await Promise.all([selection.boundingBox(), caret.boundingBox(), words(page, itemId).boundingBox()]);
	expect(box && at && field).toBeTruthy();
	expect(box!.width).toBeGreaterThan(20);
	expect(Math.abs(box!.x - at!.x)).toBeLessThanOrEqual(2);
	expect(box!.x).toBeGreaterThanOrEqual(field!.x);
	expect(box!.x + box!.width).toBeLessThanOrEqual(field!.x + field!.width);
	expect(box!.y).toBeGreaterThanOrEqual(field!.y - 1);
	expect(box!.y + box!.height).toBeLessThanOrEqual(field!.y + field!.height + 1);
}

async function caretLeft(page: Page, itemId: string, name: string): Promise<string> {
	return caretOf(page, itemId, name).evaluate((el) => `${(el as HTMLElement).style.top}/${(el as HTMLElement).style.left}`);
}

/** The caret is drawn within the text box it belongs to. */
async function expectCaretInside(page: Page, itemId: string, name: string): Promise<void> {
	const caret = await caretOf(page, itemId, name).boundingBox();
	const box = await words(page, itemId).boundingBox();
	expect(caret && box).toBeTruthy();
	expect(caret!.x).toBeGreaterThanOrEqual(box!.x);
	expect(caret!.x).toBeLessThanOrEqual(box!.x + box!.width);
	expect(caret!.y).toBeGreaterThanOrEqual(box!.y - 1);
	expect(caret!.y + caret!.height).toBeLessThanOrEqual(box!.y + box!.height + 1);
}
