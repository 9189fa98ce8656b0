/**
 * "Print or save as PDF" in a real browser: the plan written by two people live, opened from
 * the board, rendered to PDF by Chromium (page.pdf) and read back as text with unpdf. The PDF
 * has every section, the words, names and dates, the person's name and the date on every page,
 * "If things get difficult" first, and no buttons, navigation or web addresses. Larger print is
 * larger on paper. The page passes axe, and opening it shows once in the person's access log.
 */
import { expect, test, type Page } from '@playwright/test';
import { extractText, getDocumentProxy } from 'unpdf';
import { addBoardItem, BOARD_SECTIONS, boardItem, expectAccessible, LIVE_MS, planWithClinician, ready, securityPolicyViolations } from './fixtures';

/** The text of each page of the PDF Chromium prints for `page` (A4, as the page's own CSS asks). */
async function pdfPages(page: Page): Promise<string[]> {
	const pdf = await page.pdf({ preferCSSPageSize: true });
	const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: false });
	return text;
}

const todayWords = () => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date());

test('the plan prints with every section, the words, who wrote them and when, and nothing to press', async ({ browser }) => {
	test.setTimeout(120_000);
	const { person, clinician, boardId } = await planWithClinician(browser, { person: "Pat O'Brien", clinician: 'Lee Chen' });
	const p = person.page;
	const c = clinician.page;

	// Something in every section, from both people, and the fields a printout must say in words.
	const ids: Record<string, string> = {};
	for (const { key, title } of BOARD_SECTIONS) ids[key] = await addBoardItem(p, key, `Pat wrote this for ${title}`);
	ids.clinicianStep = await addBoardItem(c, 'steps', 'Lee will phone the housing office');
	await p.locator(`#importance-${ids.goals}`).getByRole('radio', { name: '9', exact: true }).check();
	await p.locator(`#confidence-${ids.goals}`).getByRole('radio', { name: '6', exact: true }).check();
	await p.locator(`#owner-${ids.steps}`).selectOption({ label: 'Me' });
	await p.locator(`#goalId-${ids.steps}`).selectOption(ids.goals);
	await p.locator(`#dueDate-${ids.steps}`).fill('2026-05-20');
	await p.locator(`#dueDate-${ids.steps}`).press('Tab');
	await p.locator(`#status-${ids.steps}`).selectOption('doing');
	await p.locator(`#date-${ids.notes}`).fill('2026-04-01');
	await p.locator(`#date-${ids.notes}`).press('Tab');
	await p.locator(`#kind-${ids.contingency}`).selectOption('who_to_call');
	await p.locator(`#phone-${ids.contingency}`).fill('0300 123 4567');
	await p.locator(`#phone-${ids.contingency}`).press('Tab');
	await expect(boardItem(c, ids.contingency).locator(`#phone-${ids.contingency}`)).toHaveValue('0300 123 4567', { timeout: LIVE_MS });

	// From the board, as a person would. Passing over the link does not open (or log) the page.
	const link = p.getByRole('link', { name: 'Print or save as PDF' });
	await link.hover();
	await p.waitForTimeout(500);
	await link.click();
	await expect(p).toHaveURL(new RegExp(`/boards/${boardId}/print$`));
	await ready(p);
	await expect(p.getByRole('heading', { level: 1 })).toHaveText('My care and support plan');
	await expect(p.getByRole('button', { name: 'Print or save as PDF' })).toBeVisible();
	await expectAccessible(p, 'the print page');
	// The margin words are an inline style: the page's security policy allows it, and nothing else.
	expect(securityPolicyViolations(p), 'Content-Security-Policy violations').toEqual([]);

	const pages = await pdfPages(p);
	const all = pages.join('\n');
	for (const { title } of BOARD_SECTIONS) {
		expect(all, title).toContain(title);
		expect(all, title).toContain(`Pat wrote this for ${title}`);
	}
	expect(all).toContain('Lee will phone the housing office');
	expect(all).toContain("Written by Pat O'Brien (Person) on " + todayWords());
	expect(all).toContain('Written by Lee Chen (Clinician) on ' + todayWords());
	expect(all).toContain('9 out of 10 important to me');
	expect(all).toContain('6 out of 10 sure I can do it');
	expect(all).toContain('20 May 2026');
	// How a step is going, and the day a note is about, in words.
	expect(all).toMatch(/How it is going:\s*Doing it/);
	expect(all).toMatch(/Date:\s*1 April 2026/);
	expect(all).toContain('Our conversations');
	expect(all).toContain('0300 123 4567');
	expect(all).toContain('Who is on this plan');
	// "If things get difficult" is found first: on page 1, before every other section.
	expect(pages[0]!.indexOf('If things get difficult')).toBeGreaterThan(-1);
	expect(pages[0]!.indexOf('If things get difficult')).toBeLessThan(pages[0]!.indexOf('Our time today'));
	// Whose plan and the date on every page, and its number.
	pages.forEach((text, i) => {
		expect(text, `page ${i + 1}`).toContain("Pat O'Brien: care and support plan");
		expect(text, `page ${i + 1}`).toContain(`Printed on ${todayWords()}`);
		expect(text, `page ${i + 1}`).toContain(`Page ${i + 1} of ${pages.length}`);
	});
	// Nothing to press, no navigation, no web addresses.
	for (const control of ['Move up', 'Move down', 'Delete', 'Add to', 'Undo', 'Print or save as PDF', 'Larger print', 'Back to the plan', 'My care plans', 'Sign out', 'Download', 'Link:', 'http', 'Speaking as']) {
		expect(all, control).not.toContain(control);
	}

	// Larger print, chosen on the page: larger on paper, and the page is not opened again.
	const standardSize = await printedFontSize(p);
	await p.getByRole('link', { name: 'Larger print' }).click();
	await expect(p).toHaveURL(/\?size=large$/);
	await expect(p.getByText('Larger print (chosen)')).toBeVisible();
	expect(await printedFontSize(p)).toBeGreaterThan(standardSize * 1.25);
	const larger = await pdfPages(p);
	expect(larger.length).toBeGreaterThanOrEqual(pages.length);
	expect(larger.join('\n')).toContain(`Pat wrote this for If things get difficult`);
	await expectAccessible(p, 'the print page in larger print');

	// The clinician prints it too; the person sees both, once each, in their access log.
	await c.goto(`/boards/${boardId}/print`);
	await expect(c.getByRole('heading', { level: 1 })).toHaveText("Pat O'Brien's care and support plan");
	await p.goto(`/boards/${boardId}/access`);
	const log = p.getByRole('list', { name: 'Visits, copies and changes to who is on the plan' });
	await expect(log.getByText('You opened the plan to print it or save it as a PDF')).toHaveCount(1);
	await expect(log.getByText('Lee Chen opened the plan to print it or save it as a PDF')).toHaveCount(1);

	await person.context.close();
	await clinician.context.close();
});

/** The font size of the plan's words when printed, in CSS pixels. */
async function printedFontSize(page: Page): Promise<number> {
	await page.emulateMedia({ media: 'print' });
	const size = await page.locator('.wm-read-item__text').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
	await page.emulateMedia({ media: null });
	return size;
}

test('the print page works from the keyboard alone', async ({ browser }) => {
	const { person, boardId } = await planWithClinician(browser, { person: 'Ros', clinician: 'Ife' });
	await addBoardItem(person.page, 'matters', 'My garden');
	const p = person.page;
	await p.goto(`/boards/${boardId}/print`);
	await ready(p);
	// Tab reaches the print button, the size choice and the downloads, in the order they are read.
	const reached: string[] = [];
	for (let i = 0; i < 40 && !reached.includes('Download all your data'); i++) {
		await p.keyboard.press('Tab');
		const name = await p.evaluate(() => (document.activeElement as HTMLElement | null)?.innerText?.trim() ?? '');
		if (name && !reached.includes(name)) reached.push(name);
	}
	const order = ['Back to the plan', 'Print or save as PDF', 'Larger print', 'Download the plan for a GP\'s system', 'Download all your data'];
	expect(reached.filter((name) => order.includes(name))).toEqual(order);
	// Enter on "Larger print" chooses it.
	await p.getByRole('link', { name: 'Larger print' }).focus();
	await p.keyboard.press('Enter');
	await expect(p).toHaveURL(/\?size=large$/);
	await expect(p.getByText('Larger print (chosen)')).toBeVisible();
	await person.context.close();
});
