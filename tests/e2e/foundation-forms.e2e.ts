/**
 * Keyboard-only use and form errors on the foundation pages.
 */
import { expect, test, type Page } from '@playwright/test';
import { main, newAccount, PASSWORD, ready } from './fixtures';

// Every test makes its own accounts, so they can share the workers.
test.describe.configure({ mode: 'parallel' });

/** What has focus now, described well enough to match against. */
async function focused(page: Page): Promise<{ tag: string; id: string; text: string; name: string; href: string; type: string }> {
	return page.evaluate(() => {
		const el = document.activeElement as HTMLElement | null;
		return {
			tag: el?.tagName.toLowerCase() ?? '',
			id: el?.id ?? '',
			text: (el?.textContent ?? '').trim(),
			name: el?.getAttribute('name') ?? '',
			href: el?.getAttribute('href') ?? '',
			type: el?.getAttribute('type') ?? ''
		};
	});
}

/** Presses Tab until the focused element matches `selector`; fails if it is never reached. */
async function tabTo(page: Page, selector: string, maxPresses = 25): Promise<void> {
	for (let i = 0; i < maxPresses; i++) {
		await page.keyboard.press('Tab');
		if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
	}
	throw new Error(`Tab never reached ${selector}; focus is on ${JSON.stringify(await focused(page))}`);
}

test('the skip link is the first Tab stop and moves focus to the main content', async ({ page }) => {
	for (const path of ['/', '/signup']) {
		await page.goto(path);
		await page.keyboard.press('Tab');
		const first = await focused(page);
		expect(first, `first Tab stop on ${path}`).toMatchObject({ tag: 'a', text: 'Skip to main content', href: '#maincontent' });
		await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeInViewport();
		await page.keyboard.press('Enter');
		await expect(page.locator('main#maincontent')).toBeFocused();
		// The next Tab continues inside main, not back at the header.
		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.querySelector('main')?.contains(document.activeElement) ?? false), `Tab after skip on ${path}`).toBe(true);
	}
});

test('sign up and start a plan using only the keyboard', async ({ page }) => {
	const account = newAccount('Keyboard');
	await page.goto('/');
	// From the landing page to the sign-up form.
	await tabTo(page, 'main a[href="/signup"]');
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/signup$/);
	await ready(page);

	await tabTo(page, '#name');
	await page.keyboard.type(account.name);
	await page.keyboard.press('Tab');
	expect((await focused(page)).id).toBe('email');
	await page.keyboard.type(account.email);
	await page.keyboard.press('Tab');
	expect((await focused(page)).id).toBe('password');
	await page.keyboard.type(PASSWORD);
	await page.keyboard.press('Tab');
	expect(await focused(page)).toMatchObject({ tag: 'button', text: 'Create account' });
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/boards$/);
	await expect(page.getByRole('heading', { level: 1, name: 'My care plans' })).toBeVisible();
	await expect(page.getByText(`Signed in as ${account.name}`)).toBeVisible();

	// "Start a care plan" → "For me" (Space on the radio) → "Start the plan" (Enter).
	await tabTo(page, 'main a[href="/boards/new"]');
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/boards\/new$/);
	await ready(page);
	await tabTo(page, 'input[name="planFor"]');
	expect((await focused(page)).id).toBe('planFor-me');
	await page.keyboard.press('Space');
	await expect(page.locator('#planFor-me')).toBeChecked();
	await tabTo(page, 'button[type="submit"]:not(.wm-linkbutton)');
	expect((await focused(page)).text).toBe('Start the plan');
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/boards\/[a-z2-7]{20}$/);
	await expect(page.getByRole('heading', { level: 1, name: 'My care plan' })).toBeVisible();
	await expect(page.getByTestId('my-role')).toHaveText('This is your plan. You decide who takes part.');

	// The plan is in the list, reachable by keyboard too.
	const boardPath = new URL(page.url()).pathname;
	await page.goto('/boards');
	await tabTo(page, `main a[href="${boardPath}"]`);
	expect((await focused(page)).text).toBe('My plan');
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(new RegExp(`${boardPath}$`));
});

test('an empty sign-up shows a focused error summary linking to each field, and keeps what was typed', async ({ page }) => {
	await page.goto('/signup');
	await page.getByRole('button', { name: 'Create account' }).click();

	const summary = page.getByRole('alert');
	await expect(summary).toBeVisible();
	await expect(summary).toBeFocused();
	await expect(summary.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
	await expect(page).toHaveTitle(/^Error: /);
	const links = summary.getByRole('link');
	await expect(links).toHaveCount(3);
	for (const field of ['name', 'email', 'password']) {
		const link = summary.locator(`a[href="#${field}"]`);
		await expect(link, `summary link to #${field}`).toHaveCount(1);
		await expect(link).not.toHaveText('');
		// Each field shows its own message and is marked invalid.
		await expect(page.locator(`#${field}`)).toHaveAttribute('aria-invalid', 'true');
		await expect(page.locator(`#${field}-error`)).toBeVisible();
		await expect(page.locator(`#${field}`)).toHaveAttribute('aria-describedby', new RegExp(`${field}-error`));
	}
	// Following a summary link takes focus to its field.
	await summary.locator('a[href="#email"]').click();
	await expect(page.locator('#email')).toBeFocused();

	// Name and email typed, a password that is refused: name and email come back, the password does not.
	const account = newAccount('Rowan');
	await ready(page);
	await page.locator('#name').fill(account.name);
	await page.locator('#email').fill(account.email);
	await page.locator('#password').fill('password123');
	await page.getByRole('button', { name: 'Create account' }).click();
	await expect(page.getByRole('alert')).toBeFocused();
	await expect(page.getByRole('alert').locator('a[href="#password"]')).toBeVisible();
	await expect(page.getByRole('alert').locator('a[href="#name"]')).toHaveCount(0);
	await expect(page.getByRole('alert').locator('a[href="#email"]')).toHaveCount(0);
	await expect(page.locator('#name')).toHaveValue(account.name);
	await expect(page.locator('#email')).toHaveValue(account.email);
	await expect(page.locator('#password')).toHaveValue('');
	// Nothing was created: still on the sign-up page, not signed in.
	await expect(page).toHaveURL((url) => url.pathname === '/signup');
	await expect(page.getByRole('button', { name: 'Sign out' })).toHaveCount(0);
});

test('a 10,000-character name gets a clear message, not an error page', async ({ page }) => {
	const account = newAccount('Long');
	await page.goto('/signup');
	await ready(page);
	await page.locator('#name').fill('A'.repeat(10_000));
	await page.locator('#email').fill(account.email);
	await page.locator('#password').fill(PASSWORD);
	const [response] = await Promise.all([
		page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/signup'),
		page.getByRole('button', { name: 'Create account' }).click()
	]);
	expect(response.status()).toBeLessThan(500);
	const summary = page.getByRole('alert');
	await expect(summary).toBeFocused();
	await expect(summary.locator('a[href="#name"]')).toHaveText('Your name can have up to 100 characters.');
	await expect(page.locator('#name-error')).toContainText('Your name can have up to 100 characters.');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Create an account');
	await expect(main(page).getByText('Sorry, something went wrong')).toHaveCount(0);
	// The email is kept, and the page does not send the whole name back.
	await expect(page.locator('#email')).toHaveValue(account.email);
	const echoed = await page.locator('#name').inputValue();
	expect(echoed.length).toBeGreaterThan(0);
	expect(echoed.length).toBeLessThan(10_000);

	// Fixing the name lets the same person sign up.
	await ready(page);
	await page.locator('#name').fill(account.name);
	await page.locator('#password').fill(PASSWORD);
	await page.getByRole('button', { name: 'Create account' }).click();
	await expect(page).toHaveURL(/\/boards$/);
});

/**
 * People on slow connections type before the page's JavaScript arrives; taking over the page
 * must not reset what they typed or chose (fields use defaultValue / defaultChecked).
 */
test('what is typed before the page finishes loading is kept', async ({ page }) => {
	let release!: () => void;
	const scriptsHeld = new Promise<void>((resolve) => (release = resolve));
	// Hold the app's JavaScript (not its CSS) until the person has typed.
	await page.route(/\/_app\/immutable\/.*\.js$/, async (route) => {
		await scriptsHeld;
		await route.continue();
	});
	await page.goto('/signup', { waitUntil: 'commit' });
	await page.locator('#name').fill('Early Bird');
	await page.locator('#email').fill('early.bird@example.test');
	await expect(page.locator('#name')).toHaveValue('Early Bird');
	release();
	await ready(page);
	await expect(page.locator('#name')).toHaveValue('Early Bird', { timeout: 1_000 });
	await expect(page.locator('#email')).toHaveValue('early.bird@example.test', { timeout: 1_000 });
});
