/**
 * axe on every foundation page, in the states people meet them in:
 * zero WCAG 2.2 A and AA violations.
 */
import { expect, test } from '@playwright/test';
import { expectAccessible, invite, join, main, newActor, newVisitor, startPlanForMe } from './fixtures';

// Every test makes its own accounts, so they can share the workers.
test.describe.configure({ mode: 'parallel' });

test('public pages have no WCAG 2.2 A/AA violations', async ({ page }) => {
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1, name: 'Your care plan, in your words' })).toBeVisible();
	await expectAccessible(page, 'landing page');

	await page.goto('/signup');
	await expect(page.getByRole('heading', { level: 1, name: 'Create an account' })).toBeVisible();
	await expectAccessible(page, 'sign-up page');

	await page.getByRole('button', { name: 'Create account' }).click();
	await expect(page.getByRole('alert')).toBeFocused();
	await expectAccessible(page, 'sign-up page with errors');

	await page.goto('/login');
	await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
	await expectAccessible(page, 'sign-in page');

	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('alert')).toBeVisible();
	await expectAccessible(page, 'sign-in page with an error');

	const notFound = await page.goto('/no-such-page');
	expect(notFound?.status()).toBe(404);
	await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
	await expectAccessible(page, '404 page (signed out)');

	await page.goto('/invite/not-a-real-invitation-token');
	await expect(page.getByRole('heading', { level: 1, name: 'This invitation link does not work' })).toBeVisible();
	await expectAccessible(page, 'unknown invitation link');
});

test('plan list, new plan and people pages have no WCAG 2.2 A/AA violations', async ({ browser }) => {
	const owner = await newActor(browser, 'Ash');
	await expect(main(owner.page).getByText('You are not on any care plans yet')).toBeVisible();
	await expectAccessible(owner.page, 'plan list (empty)');

	await owner.page.goto('/boards/new');
	await expect(owner.page.getByRole('heading', { level: 1, name: 'Start a care plan' })).toBeVisible();
	await expectAccessible(owner.page, 'new plan page');

	await owner.page.getByRole('button', { name: 'Start the plan' }).click();
	await expect(owner.page.getByRole('alert')).toBeFocused();
	await expectAccessible(owner.page, 'new plan page with errors');

	const boardId = await startPlanForMe(owner.page);
	await expectAccessible(owner.page, 'plan page (person)');

	await owner.page.goto('/boards');
	await expect(main(owner.page).getByRole('link', { name: 'My plan', exact: true })).toBeVisible();
	await expectAccessible(owner.page, 'plan list (with a plan)');

	// People page as manager, with a new link shown and a pending invitation listed.
	const link = await invite(owner.page, boardId, 'Dr Chen', 'clinician');
	await expect(owner.page.getByRole('button', { name: 'Cancel the invitation for Dr Chen' })).toBeVisible();
	await expectAccessible(owner.page, 'people page (manager, new link shown, pending invitation)');

	// People page with a form error.
	await owner.page.getByRole('button', { name: 'Make an invitation link' }).click();
	await expect(owner.page.getByRole('alert')).toBeFocused();
	await expectAccessible(owner.page, 'people page with errors');

	// Invitation page signed out.
	const visitor = await newVisitor(browser);
	await visitor.page.goto(link);
	await expect(main(visitor.page).getByRole('link', { name: 'Create an account' })).toBeVisible();
	await expectAccessible(visitor.page, 'invitation page (signed out)');

	await Promise.all([owner.context.close(), visitor.context.close()]);
});

test('invitation pages (signed in, used), a member list, and the 403 and 404 pages have no WCAG 2.2 A/AA violations', async ({
	browser
}) => {
	const owner = await newActor(browser, 'Bea');
	const boardId = await startPlanForMe(owner.page);
	const link = await invite(owner.page, boardId, 'Dr Chen', 'clinician');
	const supporterLink = await invite(owner.page, boardId, 'Sky', 'supporter');

	// Invitation page signed in; then join, and the used link.
	const clinician = await newActor(browser, 'Chen');
	await clinician.page.goto(link);
	await expect(clinician.page.getByRole('button', { name: 'Join the plan' })).toBeVisible();
	await expectAccessible(clinician.page, 'invitation page (signed in)');
	await join(clinician.page, link, boardId);
	await expectAccessible(clinician.page, 'plan page (clinician)');
	await clinician.page.goto('/boards');
	await expect(main(clinician.page).getByRole('link', { name: `${owner.account.name}'s plan` })).toBeVisible();
	await expectAccessible(clinician.page, 'plan list (as a clinician)');
	await clinician.page.goto(link);
	await expect(clinician.page.getByRole('heading', { level: 1, name: 'This invitation has already been used' })).toBeVisible();
	await expectAccessible(clinician.page, 'invitation page (used link)');

	// People page with members to manage (role select, remove button).
	await owner.page.goto(`/boards/${boardId}/people`);
	await expect(owner.page.getByRole('button', { name: `Remove ${clinician.account.name} from this plan` })).toBeVisible();
	await expectAccessible(owner.page, 'people page (manager, with a member)');

	// 404: someone not on the plan. 403: the same person, once a supporter, on the people page.
	const supporter = await newActor(browser, 'Sky');
	const notMember = await supporter.page.goto(`/boards/${boardId}`);
	expect(notMember?.status()).toBe(404);
	await expect(supporter.page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
	await expectAccessible(supporter.page, '404 page (not on the plan)');
	await join(supporter.page, supporterLink, boardId);
	const forbidden = await supporter.page.goto(`/boards/${boardId}/people`);
	expect(forbidden?.status()).toBe(403);
	await expect(supporter.page.getByRole('heading', { level: 1, name: 'You cannot do that on this plan' })).toBeVisible();
	await expectAccessible(supporter.page, '403 page');

	await Promise.all([owner.context.close(), clinician.context.close(), supporter.context.close()]);
});
