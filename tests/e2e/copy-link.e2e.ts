/**
 * "Copy the link" on plain http from another computer, where browsers offer no
 * navigator.clipboard: the page is opened under a host name that is not localhost (Chromium
 * maps it to the test server), so it is a real insecure origin, as in a clinic's own network.
 */
import { expect, test, type Page } from '@playwright/test';
import config from '../playwright.config';
import { invite, newActor, startPlanForMe } from './fixtures';

const base = new URL(config.use!.baseURL!);
const INSECURE_HOST = 'careplans.clinic.test';
const launch = config.use!.launchOptions!;

test.use({
	baseURL: `http://${INSECURE_HOST}:${base.port}`,
	launchOptions: { ...launch, args: [...(launch.args ?? []), `--host-resolver-rules=MAP ${INSECURE_HOST} ${base.hostname}`] }
});

async function peoplePageWithLink(page: Page): Promise<string> {
	expect(await page.evaluate(() => ({ secure: window.isSecureContext, clipboard: 'clipboard' in navigator }))).toEqual({
		secure: false,
		clipboard: false
	});
	const boardId = await startPlanForMe(page);
	return invite(page, boardId, 'Ali', 'clinician');
}

test('copies the link on an insecure origin, where navigator.clipboard is missing', async ({ browser }) => {
	const { page, context } = await newActor(browser, 'Cora');
	const link = await peoplePageWithLink(page);
	expect(link.startsWith(`http://${INSECURE_HOST}:`)).toBe(true);
	await page.getByRole('button', { name: 'Copy the link' }).click();
	await expect(page.getByTestId('copy-message')).toHaveText('Link copied.');
	// What was copied is the link: paste it into another field.
	const label = page.locator('#label');
	await label.fill('');
	await label.focus();
	await page.keyboard.press('Control+V');
	await expect(label).toHaveValue(link);
	await context.close();
});

test('when the browser refuses to copy, selects the link and says how to copy it', async ({ browser }) => {
	const { page, context } = await newActor(browser, 'Cal');
	await context.addInitScript(() => {
		document.execCommand = () => false;
	});
	await page.reload();
	const link = await peoplePageWithLink(page);
	await page.getByRole('button', { name: 'Copy the link' }).click();
	const message = page.getByTestId('copy-message');
	await expect(message).toHaveText(/^The link is selected\. To copy it, press Ctrl and C together/);
	await expect(message).toHaveAttribute('aria-live', 'polite');
	const field = page.getByTestId('invite-link');
	await expect(field).toBeFocused();
	expect(await field.evaluate((el: HTMLTextAreaElement) => el.value.slice(el.selectionStart, el.selectionEnd))).toBe(link);
	await context.close();
});
