/**
 * Joining without losing the invitation: whichever "Sign in" or "Create an account" link someone
 * follows from an invitation (the page's own, the header's, or from one sign-in page to the
 * other), they come back to the invitation. The invitation says "invites you to their care plan"
 * when the person whose plan it is sent it.
 */
import { expect, test } from '@playwright/test';
import { fillSignUp, invite, main, newAccount, newActor, newVisitor, PASSWORD, ready, startPlanForMe, startPlanWith } from './fixtures';

test('every sign-in and sign-up link on an invitation comes back to it', async ({ browser }) => {
	const pat = await newActor(browser, 'Pat Morgan');
	const boardId = await startPlanForMe(pat.page);
	const link = await invite(pat.page, boardId, 'Lee', 'clinician');
	const invitePath = new URL(link).pathname;
	const backHere = (url: URL) => url.pathname === invitePath;

	// The header's "Create an account".
	const first = await newVisitor(browser);
	await first.page.goto(link);
	await expect(first.page.getByRole('heading', { level: 1 })).toHaveText('Pat Morgan invites you to their care plan');
	await first.page.locator('header').getByRole('link', { name: 'Create an account' }).click();
	await expect(first.page).toHaveURL((url) => url.pathname === '/signup' && url.searchParams.get('next') === invitePath);
	await fillSignUp(first.page, newAccount('Lee'));
	await expect(first.page).toHaveURL(backHere);
	await expect(first.page.getByRole('button', { name: 'Join the plan' })).toBeVisible();

	// The header's "Sign in", then that page's "Create an account".
	const second = await newVisitor(browser);
	await second.page.goto(link);
	await second.page.locator('header').getByRole('link', { name: 'Sign in' }).click();
	await expect(second.page).toHaveURL((url) => url.pathname === '/login' && url.searchParams.get('next') === invitePath);
	await main(second.page).getByRole('link', { name: 'Create an account' }).click();
	await expect(second.page).toHaveURL((url) => url.pathname === '/signup' && url.searchParams.get('next') === invitePath);
	await fillSignUp(second.page, newAccount('Kim'));
	await expect(second.page).toHaveURL(backHere);

	// Someone with an account: the page's "Sign in", and from the sign-up page the header's "Sign in".
	const lee = newAccount('Lee Again');
	const signup = await newVisitor(browser);
	await signup.page.goto('/signup');
	await fillSignUp(signup.page, lee);
	await expect(signup.page).toHaveURL(/\/boards$/);
	for (const via of ['page', 'header'] as const) {
		const visitor = await newVisitor(browser);
		await visitor.page.goto(link);
		if (via === 'page') await main(visitor.page).getByRole('link', { name: 'Sign in' }).click();
		else {
			await main(visitor.page).getByRole('link', { name: 'Create an account' }).click();
			await visitor.page.locator('header').getByRole('link', { name: 'Sign in' }).click();
		}
		await expect(visitor.page).toHaveURL((url) => url.pathname === '/login' && url.searchParams.get('next') === invitePath);
		await ready(visitor.page);
		await visitor.page.locator('#email').fill(lee.email);
		await visitor.page.locator('#password').fill(PASSWORD);
		await visitor.page.getByRole('button', { name: 'Sign in' }).click();
		await expect(visitor.page).toHaveURL(backHere);
		await visitor.context.close();
	}
});

test('an invitation from a helper names whose plan it is', async ({ browser }) => {
	const lee = await newActor(browser, 'Lee');
	const { boardId } = await startPlanWith(lee.page, 'Pat Morgan', 'clinician');
	const link = await invite(lee.page, boardId, 'Robin', 'supporter');
	const visitor = await newVisitor(browser);
	await visitor.page.goto(link);
	await expect(visitor.page.getByRole('heading', { level: 1 })).toHaveText("Lee invites you to Pat Morgan's care plan");
	await expect(visitor.page.getByTestId('invite-role')).toHaveText('Supporter: family or a carer. They can read the plan, but not change it.');
});
