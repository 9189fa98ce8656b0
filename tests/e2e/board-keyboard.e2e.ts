/**
 * The board from the keyboard alone: reach a section, add, edit, move, delete and undo with
 * Tab / Shift+Tab, typing, Enter and Space. No clicks, no `focus()` calls: every focus change
 * in this test is one a keyboard user would make, so a lost or trapped focus fails it.
 */
import { expect, test } from '@playwright/test';
import { boardItemIds, boardItems, findItemId, itemAction, newActor, openBoard, pressUntilFocused, startPlanForMe } from './fixtures';

test('add, edit, move, delete and undo using only the keyboard', async ({ browser }) => {
	const person = await newActor(browser, 'Robin');
	const boardId = await startPlanForMe(person.page);
	const page = person.page;
	await openBoard(page, boardId);
	const title = 'What matters to me';
	const addBox = page.locator('#add-matters');

	// From the top of the page: Tab to the section list, follow the link, and the next Tab is
	// the section's "Add" box (the section has no items yet).
	const jump = page.getByRole('navigation', { name: 'Sections of the plan' }).getByRole('link', { name: title });
	await pressUntilFocused(page, jump, 'Tab');
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/#section-matters$/);
	await page.keyboard.press('Tab');
	await expect(addBox).toBeFocused();

	// Add two items: type, Tab to the button, Enter (then Space). Focus comes back to the box.
	await page.keyboard.type('Seeing my grandchildren');
	await page.keyboard.press('Tab');
	await expect(page.getByRole('button', { name: 'Add what matters' })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(addBox).toBeFocused();
	await expect(addBox).toHaveValue('');
	const first = await findItemId(page, 'matters', 'Seeing my grandchildren');
	await expect(page.getByTestId('board-announcer')).toHaveText('Added to What matters to me.');

	await page.keyboard.type('Walking by the sea');
	await page.keyboard.press('Tab');
	await page.keyboard.press('Space');
	await expect(addBox).toBeFocused();
	const second = await findItemId(page, 'matters', 'Walking by the sea');
	expect(await boardItemIds(page, 'matters')).toEqual([first, second]);

	// Edit the first item's words: Shift+Tab back to its text box, go to the end, type.
	const firstText = page.locator(`#text-${first}`);
	await pressUntilFocused(page, firstText, 'Shift+Tab', 15);
	await page.keyboard.press('Control+End');
	await page.keyboard.type(' every week');
	await expect(firstText).toHaveValue('Seeing my grandchildren every week');

	// Tab on: "Move up" (first item: focusable, says it cannot move), then "Move down".
	await page.keyboard.press('Tab');
	await expect(page.getByRole('button', { name: itemAction('Move up', 1, title) })).toBeFocused();
	await page.keyboard.press('Enter');
	expect(await boardItemIds(page, 'matters')).toEqual([first, second]);
	await page.keyboard.press('Tab');
	await expect(page.getByRole('button', { name: itemAction('Move down', 1, title) })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(boardItems(page, 'matters').first()).toHaveAttribute('data-item-id', second);
	expect(await boardItemIds(page, 'matters')).toEqual([second, first]);
	await expect(page.getByTestId('board-announcer')).toHaveText('Moved down. It is now number 2 of 2.');
	// It is last now, so focus goes to its "Move up": Enter moves it back.
	await expect(page.locator(`#move-up-${first}`)).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(boardItems(page, 'matters').first()).toHaveAttribute('data-item-id', first);
	await expect(page.locator(`#move-down-${first}`)).toBeFocused();

	// Delete: Tab to it, Enter. The "Deleted" notice takes focus; Tab, Space on Undo puts it back.
	await page.keyboard.press('Tab');
	await expect(page.getByRole('button', { name: itemAction('Delete', 1, title) })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.locator(`[data-item-id="${first}"]`)).toHaveCount(0);
	const notice = page.getByTestId('deleted-notice');
	await expect(notice).toBeFocused();
	await expect(notice).toContainText('Deleted: “Seeing my grandchildren every week”.');
	await page.keyboard.press('Tab');
	await expect(notice.getByRole('button', { name: 'Undo and put it back' })).toBeFocused();
	await page.keyboard.press('Space');
	await expect(notice).toHaveCount(0);
	await expect(firstText).toHaveValue('Seeing my grandchildren every week');
	await expect(firstText).toBeFocused();
	expect(await boardItemIds(page, 'matters')).toEqual([first, second]);

	// Delete again and "Hide this message": the item stays deleted, focus goes to the Add box.
	await pressUntilFocused(page, page.getByRole('button', { name: itemAction('Delete', 2, title) }), 'Tab', 10);
	await page.keyboard.press('Enter');
	await expect(notice).toBeFocused();
	await pressUntilFocused(page, notice.getByRole('button', { name: 'Hide this message' }), 'Tab', 3);
	await page.keyboard.press('Enter');
	await expect(notice).toHaveCount(0);
	await expect(addBox).toBeFocused();
	expect(await boardItemIds(page, 'matters')).toEqual([first]);

	// What was done by keyboard is in the document: it survives a reload.
	await page.reload();
	await openBoard(page, boardId);
	await expect(firstText).toHaveValue('Seeing my grandchildren every week');
	expect(await boardItemIds(page, 'matters')).toEqual([first]);

	await person.context.close();
});
