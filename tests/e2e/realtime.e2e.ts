/**
 * The live channel (socket.io) with three people, each in their own browser: follow the
 * presenter (asked, chosen, stopped by the button, by Escape; the person declining never
 * moves), the plan list of a third person updating live, a notice on another plan's page
 * dismissed by keyboard, axe with all of it showing, and "paused" when the channel is down
 * while editing carries on.
 */
import { expect, test, type Browser, type WebSocketRoute } from '@playwright/test';
import {
	addBoardItem,
	addSupporter,
	connectionStatus,
	expectAccessible,
	invite,
	join,
	newActor,
	openBoard,
	planWithClinician,
	pressUntilFocused,
	ready,
	startPlanForMe,
	type Actor
} from './fixtures';

test.describe.configure({ mode: 'parallel' });

/** Pat Morgan's plan with Dr Li Chen (clinician) and Sam Okafor (peer advocate), all three on it. */
async function planOfThree(browser: Browser): Promise<{ person: Actor; clinician: Actor; advocate: Actor; boardId: string }> {
	const [{ person, clinician, boardId }, advocate] = await Promise.all([
		planWithClinician(browser, { person: 'Pat Morgan', clinician: 'Dr Li Chen' }),
		newActor(browser, 'Sam Okafor')
	]);
	const link = await invite(person.page, boardId, 'Sam Okafor', 'peer_advocate');
	await join(advocate.page, link, boardId);
	await Promise.all([openBoard(person.page, boardId), openBoard(advocate.page, boardId), openBoard(clinician.page, boardId)]);
	return { person, clinician, advocate, boardId };
}

test('follow the presenter by keyboard alone: asked and chosen; the view moves; Escape and Stop following end it; the person declining never moves', async ({ browser }) => {
	// Three accounts, a plan and several rounds of following: longer than one page's test.
	test.setTimeout(120_000);
	const { person, clinician, advocate } = await planOfThree(browser);
	const [p, c, a] = [person.page, clinician.page, advocate.page];

	// The clinician asks: Tab to the button, Enter.
	await pressUntilFocused(c, c.getByRole('button', { name: 'Ask everyone to follow me' }), 'Tab');
	await c.keyboard.press('Enter');
	await expect(c.getByTestId('presenting-bar')).toContainText('Nobody is following you yet.');
	// Each is asked, without a dialog taking over the page.
	await expect(p.getByTestId('follow-request')).toContainText('Dr Li Chen asks everyone to follow them.');
	await expect(a.getByTestId('follow-request')).toContainText('Dr Li Chen asks everyone to follow them.');
	await expect(p.getByTestId('follow-announcer')).toContainText('Dr Li Chen asks everyone to follow them.');
	await expectAccessible(p, 'the board with a follow request');

	// The person declines (Tab past "Follow", Space); the advocate follows (Tab, Enter).
	await pressUntilFocused(p, p.getByRole('button', { name: 'No, thank you' }), 'Tab');
	await p.keyboard.press('Space');
	await expect(p.getByTestId('follow-request')).toBeHidden();
	const personScroll = await p.evaluate(() => window.scrollY);
	await pressUntilFocused(a, a.getByRole('button', { name: 'Follow Dr Li Chen' }), 'Tab');
	await a.keyboard.press('Enter');
	await expect(a.getByTestId('follow-bar')).toContainText('Following Dr Li Chen');
	await expect(c.getByTestId('presenting-bar')).toContainText('Following you: Sam Okafor.');
	await expectAccessible(a, 'the board with the follow bar');
	await expectAccessible(c, 'the board while presenting');

	// The presenter goes to "My goals": the follower's view goes there too, and its heading has the focus.
	await c.getByRole('link', { name: 'My goals' }).click();
	await expect(a.locator('#section-goals-title')).toBeInViewport();
	await expect(a.locator('#section-goals-title')).toBeFocused();
	await expect(a.getByTestId('follow-bar')).toContainText('now at My goals');
	// The person said no: their view stays where it was.
	expect(await p.evaluate(() => window.scrollY)).toBe(personScroll);
	await expect(p.getByTestId('follow-bar')).toBeHidden();

	// Escape stops following: the presenter moving again no longer moves the advocate.
	await a.keyboard.press('Escape');
	await expect(a.getByTestId('follow-bar')).toBeHidden();
	await expect(a.getByTestId('follow-announcer')).toHaveText('You stopped following Dr Li Chen.');
	await expect(c.getByTestId('presenting-bar')).toContainText('Nobody is following you yet.');
	await c.getByRole('link', { name: 'If things get difficult', exact: true }).click();
	await c.getByRole('link', { name: 'Our time today' }).click();
	await expect(a.locator('#section-goals-title')).toBeInViewport();

	// Asked again, the advocate follows, then stops with the button.
	await c.getByRole('button', { name: 'Stop presenting' }).click();
	await c.getByRole('button', { name: 'Ask everyone to follow me' }).click();
	await pressUntilFocused(a, a.getByRole('button', { name: 'Follow Dr Li Chen' }), 'Shift+Tab');
	await a.keyboard.press('Space');
	await expect(a.getByTestId('follow-bar')).toBeVisible();
	// The presenter writes in a note: the follower is taken to that very item.
	const note = await addBoardItem(c, 'notes', 'We talked about the garden');
	await expect(a.getByTestId('follow-bar')).toBeVisible();
	await c.locator(`#text-${note}`).focus();
	await expect(a.locator(`#item-${note}`)).toBeInViewport();
	await expect(a.locator(`#item-${note}`)).toBeFocused();
	// From there, Shift+Tab back up to "Stop following": passing through fields is not writing, so
	// the advocate still follows when they get there, and the presenter moving does not take the focus away.
	const stop = a.getByRole('button', { name: 'Stop following' });
	await pressUntilFocused(a, stop, 'Shift+Tab', 250);
	await expect(a.getByTestId('follow-bar')).toBeVisible();
	await c.getByRole('link', { name: 'My strengths' }).click();
	await expect(a.locator('#section-strengths-title')).toBeInViewport();
	await expect(a.getByTestId('follow-bar')).toContainText('now at My strengths');
	await expect(stop).toBeFocused();
	await a.keyboard.press('Enter');
	await expect(a.getByTestId('follow-bar')).toBeHidden();
	await expect(c.getByTestId('presenting-bar')).toContainText('Nobody is following you yet.');

	// Starting to write elsewhere stops following too: Tab to a field, still following; type, and it stops.
	await c.getByRole('button', { name: 'Stop presenting' }).click();
	await c.getByRole('button', { name: 'Ask everyone to follow me' }).click();
	await pressUntilFocused(a, a.getByRole('button', { name: 'Follow Dr Li Chen' }), 'Shift+Tab');
	await a.keyboard.press('Enter');
	await expect(c.getByTestId('presenting-bar')).toContainText('Following you: Sam Okafor.');
	await pressUntilFocused(a, a.locator('#add-matters'), 'Tab');
	await expect(a.getByTestId('follow-bar')).toBeVisible();
	await a.keyboard.type('My cat');
	await expect(a.getByTestId('follow-bar')).toBeHidden();
	await expect(c.getByTestId('presenting-bar')).toContainText('Nobody is following you yet.');
	// The person was never moved by any of it.
	expect(await p.evaluate(() => window.scrollY)).toBe(personScroll);
});

test('a new follower starts where the presenter is; writing in that same item keeps them following', async ({ browser }) => {
	test.setTimeout(120_000);
	const { person, clinician, advocate } = await planOfThree(browser);
	const [p, c, a] = [person.page, clinician.page, advocate.page];
	const goal = await addBoardItem(c, 'goals', 'Sleep better');
	await expect(p.locator(`#text-${goal}`)).toHaveValue('Sleep better');

	await c.getByRole('button', { name: 'Ask everyone to follow me' }).click();
	await a.getByRole('button', { name: 'Follow Dr Li Chen' }).click();
	await expect(a.getByTestId('follow-bar')).toBeVisible();
	// The presenter goes into the goal. The advocate is taken there: the server knows where the presenter is.
	await c.locator(`#text-${goal}`).focus();
	await expect(a.locator(`#item-${goal}`)).toBeFocused();

	// The person, asked all along, chooses now (by keyboard) and lands on that goal at once,
	// before the presenter moves again.
	await expect(p.locator(`#item-${goal}`)).not.toBeInViewport();
	await pressUntilFocused(p, p.getByRole('button', { name: 'Follow Dr Li Chen' }), 'Tab');
	await p.keyboard.press('Enter');
	await expect(p.getByTestId('follow-bar')).toContainText('Following Dr Li Chen: now at My goals');
	await expect(p.locator(`#item-${goal}`)).toBeInViewport();
	await expect(p.locator(`#item-${goal}`)).toBeFocused();
	await expect(c.getByTestId('presenting-bar')).toContainText('Following you: Sam Okafor and Pat Morgan.');

	// Writing in the item the presenter is in is not "somewhere else": the person still follows.
	await pressUntilFocused(p, p.locator(`#text-${goal}`), 'Tab', 5);
	await p.keyboard.press('Control+End');
	await p.keyboard.type(' at night');
	await expect(c.locator(`#text-${goal}`)).toHaveValue('Sleep better at night');
	await expect(p.getByTestId('follow-bar')).toBeVisible();
	await expect(c.getByTestId('presenting-bar')).toContainText('Following you: Sam Okafor and Pat Morgan.');
	// The presenter moves on: the person, still writing, keeps their place; the bar says where the presenter went.
	await c.getByRole('link', { name: 'My strengths' }).click();
	await expect(a.locator('#section-strengths-title')).toBeFocused();
	await expect(p.getByTestId('follow-bar')).toContainText('now at My strengths');
	await expect(p.locator(`#text-${goal}`)).toBeFocused();
	await expect(p.locator(`#text-${goal}`)).toBeInViewport();
	// Writing anywhere else (the presenter has left this goal) stops following: moving on to the
	// next field does not, typing there does.
	await p.keyboard.press('Tab');
	await expect(p.locator(`#okLooksLike-${goal}`)).toBeFocused();
	await expect(p.getByTestId('follow-bar')).toBeVisible();
	await p.keyboard.type('Sleeping through');
	await expect(p.getByTestId('follow-bar')).toBeHidden();
	await expect(c.getByTestId('presenting-bar')).toContainText('Following you: Sam Okafor.');
});

test('a supporter is never asked to follow and cannot present; the plan list names nobody to them', async ({ browser }) => {
	const { person, clinician, boardId } = await planWithClinician(browser, { person: 'Pat Morgan', clinician: 'Dr Li Chen' });
	const supporter = await addSupporter(browser, person.page, boardId, 'Robin Reed');
	await expect(supporter.page.getByRole('button', { name: 'Ask everyone to follow me' })).toHaveCount(0);
	await clinician.page.getByRole('button', { name: 'Ask everyone to follow me' }).click();
	// The ask has gone out (the person has it), and the supporter has none.
	await expect(person.page.getByTestId('follow-request')).toBeVisible();
	await expect(supporter.page.getByTestId('follow-request')).toHaveCount(0);
	await expect(supporter.page.getByTestId('follow-announcer')).toHaveText('');

	await supporter.page.goto('/boards');
	await ready(supporter.page);
	// The person and the clinician are on the plan, but a supporter is not told who.
	const card = supporter.page.getByTestId(`plan-live-${boardId}`);
	await expect(card).toBeAttached();
	await expect(card).not.toContainText('On this plan now');
	await expect(supporter.page.getByText(/Dr Li Chen/)).toHaveCount(0);
});

test('the plan list updates live when a plan is opened and changed; notices on another plan’s page are dismissed by keyboard (Enter, Escape)', async ({ browser }) => {
	test.setTimeout(150_000);
	const { person, clinician, advocate, boardId } = await planOfThree(browser);
	const [p, c, a] = [person.page, clinician.page, advocate.page];
	// The person has a second plan, with the advocate on it too.
	const second = await startPlanForMe(p);
	await join(a, await invite(p, second, 'Sam Okafor', 'peer_advocate'), second);
	// The advocate goes to a plan of their own; the clinician to the plan list; the person leaves too.
	await startPlanForMe(a);
	await openBoard(a, a.url().split('/').at(-1)!);
	await p.goto('/account');
	await c.goto('/boards');
	await ready(c);
	const card = c.getByTestId(`plan-live-${boardId}`);
	await expect(card).toContainText('Nobody else is on this plan now.');

	// The person opens their plan: the clinician's list says so, without a reload.
	await openBoard(p, boardId);
	await expect(card).toContainText('On this plan now: Pat Morgan.');

	// The person adds a note: the list says who changed it, and the advocate, on another plan, is told.
	await addBoardItem(p, 'notes', 'My sister came round');
	await expect(card).toContainText('Changed just now by Pat Morgan.');
	const notices = a.getByTestId('realtime-notice');
	await expect(notices).toHaveCount(1);
	await expect(notices).toContainText('Pat Morgan added a note to their plan.');
	await expect(a.getByTestId('notice-announcer')).toContainText('Pat Morgan added a note to their plan.');
	// The writer is not told of their own change.
	await expect(p.getByTestId('realtime-notice')).toHaveCount(0);

	// The person writes on their second plan: a second notice, and the list says they left the first.
	await openBoard(p, second);
	await addBoardItem(p, 'strengths', 'I am good with plants');
	await expect(notices).toHaveCount(2);
	await expect(notices.nth(1)).toContainText('Pat Morgan added');
	await expect(card).toContainText('Nobody else is on this plan now.');
	await expectAccessible(a, 'another plan with two notices');
	await expectAccessible(c, 'the plan list, live');

	// Tab to the first notice's "Dismiss" and press Enter: it goes, and the focus moves to the next one's.
	const dismissFirst = notices.nth(0).getByRole('button', { name: /^Dismiss/ });
	const dismissSecond = a.locator(`#${await notices.nth(1).getByRole('button', { name: /^Dismiss/ }).getAttribute('id')}`);
	await pressUntilFocused(a, dismissFirst, 'Tab');
	await a.keyboard.press('Enter');
	await expect(notices).toHaveCount(1);
	await expect(notices).not.toContainText('a note');
	await expect(dismissSecond).toBeFocused();
	// Escape on a notice dismisses it too; the focus goes back to the page, not lost.
	await a.keyboard.press('Escape');
	await expect(notices).toHaveCount(0);
	await expect(a.locator('#maincontent')).toBeFocused();
});

test('a page left while its live connection moves to a WebSocket does not stay on the plan: notices still come', async ({ browser }) => {
	test.setTimeout(120_000);
	const { person, clinician, advocate, boardId } = await planOfThree(browser);
	const [p, a] = [person.page, advocate.page];
	await clinician.context.close();
	// The advocate's connection is caught halfway to a WebSocket: the browser's side of the
	// upgrade answers when told to, and from a moment on its next poll never reaches the server.
	// Then the client holds what it sends until the upgrade is done, and the server has no
	// request of it open: nothing tells the server the page went, but a goodbye that outlives it.
	let probe: WebSocketRoute | undefined;
	await a.routeWebSocket(/\/socket\.io\//, (ws) => ws.onMessage((message) => message === '2probe' && (probe = ws)));
	let holding = false;
	let old = '';
	let held: () => void = () => {};
	const aPollIsHeld = new Promise<void>((resolve) => (held = resolve));
	await a.route(/\/socket\.io\/\?/, (route) => {
		const sid = new URL(route.request().url()).searchParams.get('sid');
		if (!holding || route.request().method() !== 'GET' || sid === null || (old && sid !== old)) return route.continue();
		old = sid;
		held(); // Never answered: the server hears nothing of this poll, nor of its end.
	});
	await a.reload();
	await openBoard(a, boardId);
	await expect(a.getByRole('button', { name: 'Ask everyone to follow me' })).toBeEnabled();
	holding = true;
	await aPollIsHeld;
	await expect.poll(() => probe !== undefined, { message: 'the upgrade is tried' }).toBe(true);
	probe!.send('3probe');
	await a.evaluate(() => new Promise((resolve) => setTimeout(resolve, 100)));

	// The advocate leaves for their account page; then the person writes on the plan.
	await a.goto('/account');
	await expect(a.getByRole('heading', { level: 1 })).toBeVisible();
	// Told within seconds: the page they left said goodbye, so the server does not count them
	// still on the plan (without the goodbye it would for most of a minute, until the ping
	// timeout). The new page's own live channel connects a moment after it shows, and a note
	// stored before that is rightly told to nobody: so the person writes again if none came.
	const notice = a.getByTestId('realtime-notice');
	for (let attempt = 1; ; attempt++) {
		await addBoardItem(p, 'notes', `I went to the library, visit ${attempt}`);
		try {
			await expect(notice).toContainText('Pat Morgan added', { timeout: 5_000 });
			break;
		} catch (error) {
			if (attempt === 3) throw error;
		}
	}
	await a.unrouteAll({ behavior: 'ignoreErrors' });
});

test('with the plan’s own connection down, "Here now" says others show once connected, and they come back', async ({ browser }) => {
	// The person stays on the plan in their own browser throughout.
	const { clinician, boardId } = await planWithClinician(browser, { person: 'Pat Morgan', clinician: 'Dr Li Chen' });
	const c = clinician.page;
	const hereNow = c.getByTestId('presence').locator('li');
	await expect(hereNow.filter({ hasText: 'Pat Morgan' })).toBeVisible();
	let down = true;
	await c.routeWebSocket(/\/yjs\//, (ws) => (down ? ws.close({ code: 1001, reason: 'away' }) : ws.connectToServer()));
	await c.reload();
	await expect(connectionStatus(c)).not.toHaveAttribute('data-state', 'live');
	await expect(hereNow).toHaveCount(1);
	await expect(hereNow).toContainText('You');
	await expect(c.locator('.wm-presence__note')).toHaveText('You will see who else is here when you are connected.');
	await expectAccessible(c, 'the board with its connection down');
	down = false;
	await openBoard(c, boardId);
	await expect(hereNow.filter({ hasText: 'Pat Morgan' })).toBeVisible();
	await expect(c.locator('.wm-presence__note')).toHaveCount(0);
});

test('with the live channel down, the page says live updates are paused, and editing still works', async ({ browser }) => {
	const { person, clinician, boardId } = await planWithClinician(browser, { person: 'Pat Morgan', clinician: 'Dr Li Chen' });
	await clinician.context.route('**/socket.io/**', (route) => route.abort());
	await clinician.page.reload();
	await openBoard(clinician.page, boardId);
	const paused = clinician.page.getByTestId('realtime-paused');
	await expect(paused).toContainText('Live updates are paused while we reconnect.');
	await expect(paused).toContainText('Your changes to a plan are still saved and shared');
	await expect(paused).toContainText('still shows who is here and where');
	await expect(connectionStatus(clinician.page)).toHaveAttribute('data-state', 'live');
	await expectAccessible(clinician.page, 'the board with live updates paused');
	// True: who is here, and where, travels with the plan (/yjs), not this channel.
	await person.page.locator('[data-section="notes"]').evaluate((el) => el.scrollIntoView({ block: 'start' }));
	await expect(clinician.page.getByTestId('presence').locator('li').filter({ hasText: 'Pat Morgan' })).toContainText('looking at Notes between visits');

	const id = await addBoardItem(clinician.page, 'goals', 'Walk to the park');
	await expect(person.page.locator(`#text-${id}`)).toHaveValue('Walk to the park');

	// It comes back by itself.
	await clinician.context.unroute('**/socket.io/**');
	await expect(paused).toBeHidden({ timeout: 20_000 });
	await expect(clinician.page.getByRole('button', { name: 'Ask everyone to follow me' })).toBeEnabled();
});

test('with the live channel down, the plan list says who is on each plan is only the last known, and is live again when it comes back', async ({ browser }) => {
	// Two accounts, a plan, and a reconnect that waits for the client's backoff.
	test.setTimeout(150_000);
	// The person has their plan open in their own browser; the clinician is on the plan list.
	const { person, clinician, boardId } = await planWithClinician(browser, { person: 'Pat Morgan', clinician: 'Dr Li Chen' });
	const c = clinician.page;
	// The clinician's channel goes through here: a WebSocket we can close, and polls we can refuse.
	let down = false;
	let upgraded: WebSocketRoute | undefined;
	await c.routeWebSocket(/\/socket\.io\//, (ws) => {
		if (down) return ws.close({ code: 1001, reason: 'away' });
		const server = ws.connectToServer();
		ws.onMessage((message) => {
			// engine.io's upgrade packet: from now on the channel runs on this WebSocket alone.
			if (message === '5') upgraded = ws;
			server.send(message);
		});
	});
	await c.route(/\/socket\.io\//, (route) => (down ? route.abort() : route.continue()));
	await c.goto('/boards');
	await ready(c);
	const card = c.getByTestId(`plan-live-${boardId}`);
	await expect(card).toContainText('On this plan now: Pat Morgan.');
	await expect(card.getByTestId('plan-live-old')).toHaveCount(0);
	await expect.poll(() => upgraded !== undefined, { message: 'the channel moves to a WebSocket' }).toBe(true);

	// The channel goes down: the banner says so, and the card no longer says who is on it "now".
	down = true;
	await upgraded!.close({ code: 1001, reason: 'away' });
	await expect(c.getByTestId('realtime-paused')).toContainText('Live updates are paused while we reconnect.');
	await expect(card).toContainText('Last known on this plan: Pat Morgan.');
	await expect(card).not.toContainText('On this plan now');
	await expect(card.getByTestId('plan-live-old')).toHaveText('This may be out of date until live updates come back.');
	await expectAccessible(c, 'the plan list with live updates paused');

	// Meanwhile the person leaves their plan: missed while down, so the card cannot know yet.
	await person.page.goto('/account');
	await expect(card).toContainText('Last known on this plan: Pat Morgan.');

	// It comes back by itself, asks again, and the card is live and right again.
	down = false;
	await expect(c.getByTestId('realtime-paused')).toBeHidden({ timeout: 20_000 });
	await expect(card).toContainText('Nobody else is on this plan now.');
	await expect(card).not.toContainText('Last known');
	await expect(card.getByTestId('plan-live-old')).toHaveCount(0);
	await c.unrouteAll({ behavior: 'ignoreErrors' });
});
