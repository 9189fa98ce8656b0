/**
 * Phones and zoom: the status and presence bar stays on screen at 390 px wide and at 200 % and
 * 400 % zoom (a 1280 × 720 window zoomed is 640 × 360 and 320 × 180 CSS pixels, which is what a
 * page then lays out in), folded to one line; what has the focus is never under it; and the
 * 0–10 rulers take at most two rows.
 */
import { expect, test, type Page } from '@playwright/test';
import { addBoardItem, connectionStatus, expectAccessible, planWithClinician } from './fixtures';

const SIZES = [
	{ name: 'a phone (390 px)', width: 390, height: 844 },
	{ name: '200 % zoom', width: 640, height: 360 },
	{ name: '400 % zoom', width: 320, height: 180 }
];

async function bottomOf(page: Page, locator: ReturnType<Page['locator']>) {
	return (await locator.boundingBox())!.y + (await locator.boundingBox())!.height;
}

test('the status and who is here stay in reach on a phone and at 200 % and 400 % zoom, without hiding what has the focus', async ({ browser }) => {
	const { person } = await planWithClinician(browser, { person: 'Pat', clinician: 'Lee' });
	const p = person.page;
	await addBoardItem(p, 'notes', 'A note far down the page');
	const bar = p.locator('.wm-board-bar');
	for (const size of SIZES) {
		await p.setViewportSize(size);
		await p.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
		await expect(connectionStatus(p), size.name).toBeInViewport();
		await expect(connectionStatus(p)).toHaveAttribute('data-state', 'live');
		// One line: no taller than a touch target and a little.
		expect((await bar.boundingBox())!.height, size.name).toBeLessThanOrEqual(64);
		const here = p.getByRole('button', { name: /^2 here now/ });
		await expect(here).toBeInViewport();
		await here.click();
		await expect(here).toHaveAttribute('aria-expanded', 'true');
		await expect(p.getByTestId('presence').getByText('Lee')).toBeInViewport();
		await p.keyboard.press('Escape');
		await expect(here).toHaveAttribute('aria-expanded', 'false');
		await expect(here).toBeFocused();
		// Tabbing to a field far down the page leaves it in full view, below the bar.
		await p.locator('#add-steps').focus();
		await p.keyboard.press('Tab');
		await p.keyboard.press('Shift+Tab');
		await expect(p.locator('#add-steps')).toBeFocused();
		const field = (await p.locator('#add-steps').boundingBox())!;
		expect(field.y, `${size.name}: the focused field is not under the bar`).toBeGreaterThanOrEqual(await bottomOf(p, bar));
	}
	await p.setViewportSize({ width: 390, height: 844 });
	await expectAccessible(p, 'the board at 390 px with the folded bar');
});

test('a ruler takes at most two rows on a phone and at 400 % zoom, and one row on a computer', async ({ browser }) => {
	const { person } = await planWithClinician(browser, { person: 'Pat', clinician: 'Lee' });
	const p = person.page;
	const goal = await addBoardItem(p, 'goals', 'Walk to the park');
	const rows = () =>
		p.locator(`#importance-${goal} .wm-ruler__step span`).evaluateAll((spans) => new Set(spans.map((s) => Math.round(s.getBoundingClientRect().top))).size);
	expect(await rows()).toBe(1);
	for (const size of SIZES) {
		await p.setViewportSize(size);
		expect(await rows(), size.name).toBeLessThanOrEqual(2);
		// Each number is still a target of at least 24 × 24 px.
		const box = (await p.locator(`#importance-${goal} .wm-ruler__step span`).first().boundingBox())!;
		expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(24);
	}
});
