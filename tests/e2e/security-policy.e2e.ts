/**
 * The Content-Security-Policy in a real browser: the app works under it (sign-up, a plan,
 * an invitation, the live board over a WebSocket, typing seen by another person) with no
 * violation reported, while a script injected into the page is refused.
 */
import { expect, test } from '@playwright/test';
import { addBoardItem, LIVE_MS, planWithClinician, securityPolicyViolations } from './fixtures';

test('the app runs under its Content-Security-Policy without a single violation', async ({ browser }) => {
	const { person, clinician, boardId } = await planWithClinician(browser, { person: 'Cass', clinician: 'Pol' });
	const id = await addBoardItem(person.page, 'matters', 'Walking my dog every morning');
	await expect(clinician.page.locator(`#text-${id}`)).toHaveValue('Walking my dog every morning', { timeout: LIVE_MS });
	await person.page.goto(`/boards/${boardId}/people`);
	await expect(person.page.getByRole('heading', { level: 1 })).toBeVisible();
	for (const actor of [person, clinician]) expect(securityPolicyViolations(actor.page)).toEqual([]);

	// Every feature the Permissions-Policy names is one this browser knows (an unknown one is logged).
	const policyWarnings: string[] = [];
	person.page.on('console', (message) => /Permissions-Policy|Permissions policy/i.test(message.text()) && policyWarnings.push(message.text()));
	await person.page.goto('/boards');
	await expect(person.page.getByRole('heading', { level: 1 })).toBeVisible();
	expect(policyWarnings).toEqual([]);

	// The policy is really there: an injected inline script does not run, and is reported.
	const ran = await clinician.page.evaluate(async () => {
		const script = document.createElement('script');
		script.textContent = 'window.__injected = true';
		document.body.append(script);
		await new Promise((resolve) => setTimeout(resolve, 100));
		return (window as unknown as { __injected?: boolean }).__injected === true;
	});
	expect(ran).toBe(false);
	await expect.poll(() => securityPolicyViolations(clinician.page).length).toBeGreaterThan(0);
	await Promise.all([person.context.close(), clinician.context.close()]);
});
