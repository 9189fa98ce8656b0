/**
 * Phones and zoom: the status and presence bar stays on screen at 390 px wide and at 200 % and
 * 400 % zoom (a 1280 × 720 window zoomed is 640 × 360 and 320 × 180 CSS pixels, which is what a
 * page then lays out in), folded to one line; what has the focus is never under it; on one shared
 * screen "Who is talking now?" folds into the same line; and the 0–10 rulers take at most two rows.
 */
import { expect, test, type Page } from '@playwright/test';
import { addBoardItem, connectionStatus, expectAccessible, planWithClinician, talkAs, talkingNow } from './fixtures';

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

test('on one shared screen, "Who is talking now?" folds into the bar’s one line on a phone and at 200 % and 400 % zoom, and still works by keyboard', async ({ browser }) => {
	const { clinician } = await planWithClinician(browser, { person: 'Pat', clinician: 'Lee' });
	const c = clinician.page;
	await addBoardItem(c, 'notes', 'A note far down the page');
	await c.getByRole('button', { name: 'Together on one screen' }).click();
	const bar = c.locator('.wm-board-bar');
	for (const size of SIZES) {
		await c.setViewportSize(size);
		await c.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
		await expect(connectionStatus(c), size.name).toBeInViewport();
		// Still one line, so most of the screen is left for the plan.
		const height = (await bar.boundingBox())!.height;
		expect(height, size.name).toBeLessThanOrEqual(64);
		expect(size.height - height, `${size.name}: room left for the plan`).toBeGreaterThanOrEqual(size.height / 2);
		const fold = c.getByRole('button', { name: 'Talking now: Pat (Person)' });
		await expect(fold, size.name).toBeInViewport();
		// The status word, "here now" and who is talking sit side by side, none over another.
		const boxes = await Promise.all(
			[c.locator('.wm-status__short'), c.getByRole('button', { name: /^2 here now/ }), fold].map(async (l) => (await l.boundingBox())!)
		);
		for (const [i, box] of boxes.entries()) {
			expect(box.x, `${size.name}: in the screen`).toBeGreaterThanOrEqual(0);
			expect(box.x + box.width, `${size.name}: in the screen`).toBeLessThanOrEqual(size.width);
			if (i > 0) expect(box.x, `${size.name}: not over what is before it`).toBeGreaterThanOrEqual(boxes[i - 1]!.x + boxes[i - 1]!.width);
		}
		await fold.click();
		await expect(fold).toHaveAttribute('aria-expanded', 'true');
		// By keyboard: arrow from the person to the clinician; the focused choice stays in view.
		await talkingNow(c).getByRole('radio', { name: 'Pat (Person)' }).focus();
		await c.keyboard.press('ArrowDown');
		const lee = talkingNow(c).getByRole('radio', { name: 'Lee (you)' });
		await expect(lee).toBeChecked();
		await expect(lee).toBeFocused();
		await expect(lee, `${size.name}: the focused choice is in view`).toBeInViewport();
		if (size.width === 390) await expectAccessible(c, 'who is talking now, open, at 390 px');
		await c.keyboard.press('Escape');
		const folded = c.getByRole('button', { name: 'Talking now: Lee (you)' });
		await expect(folded).toHaveAttribute('aria-expanded', 'false');
		await expect(folded).toBeFocused();
		await expect(folded).toBeInViewport();
		await talkAs(c, 'Pat (Person)');
		await c.keyboard.press('Escape');
		// What has the focus far down the page is below the bar, not under it.
		await c.locator('#add-steps').focus();
		await c.keyboard.press('Tab');
		await c.keyboard.press('Shift+Tab');
		await expect(c.locator('#add-steps')).toBeFocused();
		const field = (await c.locator('#add-steps').boundingBox())!;
		expect(field.y, `${size.name}: the focused field is not under the bar`).toBeGreaterThanOrEqual(await bottomOf(c, bar));
	}
	await expectAccessible(c, 'one shared screen at 400 % zoom with the folded bar');
	await c.setViewportSize({ width: 390, height: 844 });
	await expectAccessible(c, 'one shared screen at 390 px with the folded bar');
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
