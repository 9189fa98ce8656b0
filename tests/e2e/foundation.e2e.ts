/**
 * Foundation flows across several people, each in their own browser context:
 * starting plans, inviting by link, joining, and who may see and manage what.
 */
import { expect, test } from '@playwright/test';
import {
	invite,
	join,
	main,
	newAccount,
	newActor,
	newVisitor,
	signUpThroughInvitation,
	startPlanForMe,
	startPlanWith
} from './fixtures';

// Every test makes its own accounts, so they can share the workers.
test.describe.configure({ mode: 'parallel' });

test('a plan for me: a clinician joins by invitation, a stranger gets 404, a supporter cannot manage people', async ({ browser }) => {
	// 1. Sam signs up and starts a plan for themself.
	const sam = await newActor(browser, 'Sam');
	await expect(main(sam.page).getByText('You are not on any care plans yet')).toBeVisible();
	const boardId = await startPlanForMe(sam.page);
	await expect(sam.page.getByTestId('my-role')).toHaveText('This is your plan. You decide who takes part.');
	await sam.page.goto('/boards');
	await expect(main(sam.page).getByRole('link', { name: 'My plan', exact: true })).toHaveAttribute('href', `/boards/${boardId}`);

	// 2. Sam invites a clinician.
	await sam.page.goto(`/boards/${boardId}`);
	await sam.page.getByRole('link', { name: 'People on this plan' }).click();
	await expect(sam.page).toHaveURL(new RegExp(`/boards/${boardId}/people$`));
	const clinicianLink = await invite(sam.page, boardId, 'Dr Lee', 'clinician');
	const pending = sam.page.getByRole('list', { name: 'Invitations sent' });
	await expect(pending.getByText('Invited as Clinician.')).toBeVisible();
	// The link is shown once only.
	await sam.page.reload();
	await expect(sam.page.getByTestId('invite-link')).toHaveCount(0);

	// 3. In a second browser, the clinician opens the link signed out, signs up through it and joins.
	const clinician = await newVisitor(browser);
	const drLee = newAccount('Lee');
	await clinician.page.goto(clinicianLink);
	await expect(clinician.page.getByRole('heading', { level: 1 })).toHaveText(`${sam.account.name} invites you to their care plan`);
	const details = main(clinician.page).locator('dl');
	await expect(details.locator('.nhsuk-summary-list__row', { hasText: 'Your role' }).locator('dd')).toHaveText(`Clinician: a health or care worker who helps ${sam.account.name} write their plan.`);
	await expect(details.locator('.nhsuk-summary-list__row', { hasText: 'Invited by' }).locator('dd')).toHaveText(sam.account.name);
	await signUpThroughInvitation(clinician.page, clinicianLink, drLee, boardId);
	await expect(clinician.page.getByRole('heading', { level: 1 })).toHaveText(`${sam.account.name}'s care plan`);
	await expect(clinician.page.getByTestId('my-role')).toContainText('Your role on this plan: Clinician.');
	await clinician.page.goto('/boards');
	const planCard = main(clinician.page).getByRole('link', { name: `${sam.account.name}'s plan` });
	await expect(planCard).toHaveAttribute('href', `/boards/${boardId}`);

	// Sam sees the clinician as a member, and the invitation is no longer pending.
	await sam.page.reload();
	const members = sam.page.getByRole('list', { name: 'Members' });
	await expect(members.getByRole('heading', { name: drLee.name })).toBeVisible();
	await expect(sam.page.getByRole('button', { name: 'Cancel the invitation for Dr Lee' })).toHaveCount(0);

	// The used link now shows a clear page.
	await clinician.page.goto(clinicianLink);
	await expect(clinician.page.getByRole('heading', { level: 1 })).toHaveText('This invitation has already been used');
	await expect(clinician.page.getByRole('button', { name: 'Join the plan' })).toHaveCount(0);

	// 4. A third account, not on the plan, gets 404 on every URL of it.
	const stranger = await newActor(browser, 'Robin');
	for (const path of [`/boards/${boardId}`, `/boards/${boardId}/people`]) {
		const response = await stranger.page.goto(path);
		expect(response?.status(), path).toBe(404);
		await expect(stranger.page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
	}
	await stranger.page.goto('/boards');
	await expect(main(stranger.page).getByRole('link', { name: `${sam.account.name}'s plan` })).toHaveCount(0);

	// 5. The stranger is then invited as a supporter: they can read the plan but not manage people.
	const supporterLink = await invite(sam.page, boardId, 'Robin', 'supporter');
	await join(stranger.page, supporterLink, boardId);
	await expect(stranger.page.getByTestId('my-role')).toContainText('Your role on this plan: Supporter.');
	await expect(stranger.page.getByRole('link', { name: 'People on this plan' })).toHaveCount(0);
	const forbidden = await stranger.page.goto(`/boards/${boardId}/people`);
	expect(forbidden?.status()).toBe(403);
	await expect(stranger.page.getByRole('heading', { level: 1 })).toHaveText('You cannot do that on this plan');
	await expect(stranger.page.getByRole('button', { name: 'Make an invitation link' })).toHaveCount(0);

	// A clinician sees the people page but cannot manage who takes part: the plan is Sam's.
	await clinician.page.goto(`/boards/${boardId}/people`);
	await expect(clinician.page.getByRole('heading', { level: 1, name: 'People on this plan' })).toBeVisible();
	await expect(clinician.page.getByText(`${sam.account.name} decides who takes part in this plan.`)).toBeVisible();
	await expect(clinician.page.getByRole('heading', { name: 'Invite someone' })).toHaveCount(0);
	await expect(clinician.page.getByRole('button', { name: /^Remove / })).toHaveCount(0);

	await Promise.all([sam.context.close(), clinician.context.close(), stranger.context.close()]);
});

test('a plan with someone: the person joins by their link and then decides who takes part', async ({ browser }) => {
	// A clinician starts a plan with Alex and gets Alex's link.
	const clinician = await newActor(browser, 'Jordan');
	const { boardId, link } = await startPlanWith(clinician.page, 'Alex', 'clinician');
	await expect(clinician.page.getByRole('list', { name: 'Invitations sent' }).getByText('Invited as Person.')).toBeVisible();
	// Before a person has joined, the creator manages people and could invite the person.
	await expect(clinician.page.getByRole('heading', { name: 'Invite someone' })).toBeVisible();
	await expect(clinician.page.locator('#role-person')).toHaveCount(1);
	await clinician.page.goto('/boards');
	await expect(main(clinician.page).getByRole('link', { name: "Alex's plan" })).toHaveAttribute('href', `/boards/${boardId}`);

	// Alex opens the link in another browser, creates an account through it and joins.
	const alex = await newVisitor(browser);
	await alex.page.goto(link);
	await expect(alex.page.getByRole('heading', { level: 1 })).toHaveText(`${clinician.account.name} has started a care plan with you`);
	await expect(main(alex.page).getByText('The plan will be yours.')).toBeVisible();
	await signUpThroughInvitation(alex.page, link, newAccount('Alex'), boardId);
	await expect(alex.page.getByRole('heading', { level: 1 })).toHaveText('My care plan');
	await alex.page.goto('/boards');
	await expect(main(alex.page).getByRole('link', { name: 'My plan', exact: true })).toHaveAttribute('href', `/boards/${boardId}`);

	// The clinician can no longer manage people; Alex can.
	await clinician.page.goto(`/boards/${boardId}/people`);
	await expect(clinician.page.getByRole('heading', { level: 1, name: 'People on this plan' })).toBeVisible();
	await expect(clinician.page.getByText('Alex decides who takes part in this plan.')).toBeVisible();
	await expect(clinician.page.getByRole('heading', { name: 'Invite someone' })).toHaveCount(0);
	await expect(clinician.page.getByRole('button', { name: 'Make an invitation link' })).toHaveCount(0);
	await expect(clinician.page.getByRole('button', { name: /^Remove / })).toHaveCount(0);

	await alex.page.goto(`/boards/${boardId}/people`);
	await expect(alex.page.getByRole('heading', { name: 'Invite someone' })).toBeVisible();
	// The plan has its person now: that role is no longer offered.
	await expect(alex.page.locator('#role-person')).toHaveCount(0);
	await expect(alex.page.locator('#role-clinician')).toHaveCount(1);
	await expect(alex.page.getByRole('button', { name: `Remove ${clinician.account.name} from this plan` })).toBeVisible();
	await expect(alex.page.locator(`select[id^="role-"]`)).toHaveValue('clinician');
	// And Alex can invite: the form works for them.
	const advocateLink = await invite(alex.page, boardId, 'Casey', 'peer_advocate');
	expect(advocateLink).toContain('/invite/');

	await Promise.all([clinician.context.close(), alex.context.close()]);
});

test('a cancelled link and a used link each show a clear page', async ({ browser }) => {
	const owner = await newActor(browser, 'Morgan');
	const boardId = await startPlanForMe(owner.page);
	const patLink = await invite(owner.page, boardId, 'Pat', 'supporter');
	const kimLink = await invite(owner.page, boardId, 'Kim', 'peer_advocate');
	expect(patLink).not.toBe(kimLink);

	// Cancel Pat's invitation: it leaves the list, Kim's stays.
	await owner.page.getByRole('button', { name: 'Cancel the invitation for Pat' }).click();
	await expect(owner.page).toHaveURL(new RegExp(`/boards/${boardId}/people$`));
	const pending = owner.page.getByRole('list', { name: 'Invitations sent' });
	await expect(pending.getByRole('heading', { name: 'Pat' })).toHaveCount(0);
	await expect(pending.getByRole('heading', { name: 'Kim' })).toBeVisible();

	// The cancelled link: a clear page, no way to join.
	const visitor = await newVisitor(browser);
	await visitor.page.goto(patLink);
	await expect(visitor.page.getByRole('heading', { level: 1 })).toHaveText('This invitation was cancelled');
	await expect(main(visitor.page).getByText('Ask them for a new link')).toBeVisible();
	await expect(main(visitor.page).getByRole('link', { name: 'Create an account' })).toHaveCount(0);

	// Kim joins through the other link; using it again shows the "already used" page.
	await signUpThroughInvitation(visitor.page, kimLink, newAccount('Kim'), boardId);
	await visitor.page.goto(kimLink);
	await expect(visitor.page.getByRole('heading', { level: 1 })).toHaveText('This invitation has already been used');
	await expect(visitor.page.getByRole('button', { name: 'Join the plan' })).toHaveCount(0);
	// Even signed in, the cancelled link cannot be used.
	await visitor.page.goto(patLink);
	await expect(visitor.page.getByRole('heading', { level: 1 })).toHaveText('This invitation was cancelled');
	await expect(visitor.page.getByRole('button', { name: 'Join the plan' })).toHaveCount(0);

	// A made-up link.
	await visitor.page.goto('/invite/not-a-real-invitation-token');
	await expect(visitor.page.getByRole('heading', { level: 1 })).toHaveText('This invitation link does not work');

	// Kim is on the plan; Pat never joined.
	await owner.page.reload();
	await expect(owner.page.getByRole('list', { name: 'Members' }).getByRole('heading', { name: 'Kim' })).toBeVisible();
	await expect(owner.page.getByText('There are no invitations waiting.')).toBeVisible();

	await Promise.all([owner.context.close(), visitor.context.close()]);
});
