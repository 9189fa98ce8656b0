/**
 * Shared helpers for the browser tests: accounts, plans, invitations and the axe check.
 * Each helper drives the real UI (no shortcuts through the database), so the flows they
 * perform are tested every time they are used.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';

export const PASSWORD = 'kettle harbour violet';

export interface Account {
	name: string;
	email: string;
}

export interface Actor {
	context: BrowserContext;
	page: Page;
	account: Account;
}

let counter = 0;
/** A suffix no other test in this run (or an earlier run on the same data folder) uses. */
export function unique(): string {
	counter += 1;
	return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}${counter}`;
}

export function newAccount(name: string): Account {
	return { name, email: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}.${unique()}@example.test` };
}

/**
 * Waits until the page's JavaScript has loaded and Svelte has hydrated it. Needed before typing
 * or choosing anything: hydration currently resets inputs and radios to the values the server
 * rendered (an app bug, shown by the "typed before the page finishes loading" test), which
 * would otherwise make these tests flaky on a busy machine. Resolves at once if already idle.
 */
export async function ready(page: Page): Promise<void> {
	await page.waitForLoadState('networkidle');
}

/** The page's <main>: header links ("Create an account", "Sign in") repeat some main links. */
export function main(page: Page): Locator {
	return page.locator('main');
}

/** Fills and sends the sign-up form on the page already open (plain /signup or with ?next=). */
export async function fillSignUp(page: Page, account: Account, password = PASSWORD): Promise<void> {
	await ready(page);
	await page.locator('#name').fill(account.name);
	await page.locator('#email').fill(account.email);
	await page.locator('#password').fill(password);
	await page.getByRole('button', { name: 'Create account' }).click();
}

/** Signs up on /signup and waits for "My care plans". */
export async function signUp(page: Page, account: Account): Promise<Account> {
	await page.goto('/signup');
	await fillSignUp(page, account);
	await expect(page).toHaveURL(/\/boards$/);
	await expect(page.getByRole('heading', { level: 1, name: 'My care plans' })).toBeVisible();
	return account;
}

const violations = new WeakMap<Page, string[]>();

/**
 * Records every Content-Security-Policy violation a page reports: Chromium's console message
 * and the DOM's securitypolicyviolation event. `openBoard` and `boardLive` fail on any, so every
 * board test also proves the policy does not get in the app's way.
 */
async function watchSecurityPolicy(context: BrowserContext): Promise<BrowserContext> {
	await context.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (event) =>
			console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`)
		);
	});
	context.on('page', (page) => watchPage(page));
	return context;
}

function watchPage(page: Page): void {
	if (violations.has(page)) return;
	const seen: string[] = [];
	violations.set(page, seen);
	page.on('console', (message) => {
		if (/Content Security Policy|CSP violation/i.test(message.text())) seen.push(message.text());
	});
}

/** The CSP violations a page has reported so far. */
export function securityPolicyViolations(page: Page): string[] {
	return violations.get(page) ?? [];
}

async function newWatchedPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
	const context = await watchSecurityPolicy(await browser.newContext());
	const page = await context.newPage();
	watchPage(page);
	return { context, page };
}

/** A fresh browser context with its own signed-in account. */
export async function newActor(browser: Browser, name: string): Promise<Actor> {
	const { context, page } = await newWatchedPage(browser);
	const account = await signUp(page, newAccount(name));
	return { context, page, account };
}

/** A fresh browser context with nobody signed in. */
export async function newVisitor(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
	return newWatchedPage(browser);
}

/** Extracts the board id from a /boards/<id>[/...] URL. */
export function boardIdFrom(url: string): string {
	const match = /\/boards\/([a-z2-7]{20})(?:\/|$)/.exec(new URL(url).pathname);
	if (!match) throw new Error(`Not a plan URL: ${url}`);
	return match[1];
}

/** "Start a care plan" → "For me" → the plan's page. Returns the plan id. */
export async function startPlanForMe(page: Page): Promise<string> {
	await page.goto('/boards/new');
	await ready(page);
	await page.locator('#planFor-me').check();
	await page.getByRole('button', { name: 'Start the plan' }).click();
	await expect(page).toHaveURL(/\/boards\/[a-z2-7]{20}$/);
	await expect(page.getByRole('heading', { level: 1, name: 'My care plan' })).toBeVisible();
	return boardIdFrom(page.url());
}

/** "With someone I support": returns the plan id and the person's invitation link. */
export async function startPlanWith(
	page: Page,
	personName: string,
	myRole: 'clinician' | 'peer_advocate'
): Promise<{ boardId: string; link: string }> {
	await page.goto('/boards/new');
	await ready(page);
	await page.locator('#planFor-someone').check();
	await page.locator('#personName').fill(personName);
	await page.locator(`#myRole-${myRole}`).check();
	await page.getByRole('button', { name: 'Start the plan' }).click();
	await expect(page).toHaveURL(/\/boards\/[a-z2-7]{20}\/people$/);
	return { boardId: boardIdFrom(page.url()), link: await inviteLinkShown(page) };
}

/** The invitation link the people page shows once, checked to be an absolute /invite/ URL. */
export async function inviteLinkShown(page: Page): Promise<string> {
	const shown = page.getByTestId('invite-link');
	await expect(shown).toBeVisible();
	const link = (await shown.inputValue()).trim();
	expect(link).toMatch(/^https?:\/\/[^/]+\/invite\/[A-Za-z0-9_-]+$/);
	return link;
}

export type InviteRole = 'person' | 'clinician' | 'peer_advocate' | 'supporter';

/** On the people page, makes an invitation link for `label` with `role` and returns it. */
export async function invite(page: Page, boardId: string, label: string, role: InviteRole): Promise<string> {
	if (!page.url().endsWith(`/boards/${boardId}/people`)) await page.goto(`/boards/${boardId}/people`);
	await ready(page);
	await page.locator('#label').fill(label);
	await page.locator(`#role-${role}`).check();
	await page.getByRole('button', { name: 'Make an invitation link' }).click();
	await expect(page).toHaveURL(new RegExp(`/boards/${boardId}/people$`));
	return inviteLinkShown(page);
}

/** A signed-in page opens an invitation and presses "Join the plan"; ends on the plan's page. */
export async function join(page: Page, link: string, boardId: string): Promise<void> {
	await page.goto(link);
	await page.getByRole('button', { name: 'Join the plan' }).click();
	await expect(page).toHaveURL(new RegExp(`/boards/${boardId}$`));
}

/**
 * A signed-out page opens an invitation, follows its "Create an account" link, signs up and
 * comes back to the invitation, then joins. Ends on the plan's page.
 */
export async function signUpThroughInvitation(page: Page, link: string, account: Account, boardId: string): Promise<void> {
	const invitePath = new URL(link).pathname;
	await page.goto(link);
	await main(page).getByRole('link', { name: 'Create an account' }).click();
	await expect(page).toHaveURL((url) => url.pathname === '/signup' && url.searchParams.get('next') === invitePath);
	await fillSignUp(page, account);
	await expect(page).toHaveURL((url) => url.pathname === invitePath);
	await page.getByRole('button', { name: 'Join the plan' }).click();
	await expect(page).toHaveURL(new RegExp(`/boards/${boardId}$`));
}

/**
 * Presses `key` until `target` has the focus, as someone using only a keyboard would; fails
 * after `max` presses (the focus is lost, trapped, or never gets there). Returns the presses.
 */
export async function pressUntilFocused(page: Page, target: Locator, key: 'Tab' | 'Shift+Tab', max = 80): Promise<number> {
	for (let presses = 1; presses <= max; presses++) {
		await page.keyboard.press(key);
		if (await target.evaluate((el) => el === document.activeElement)) return presses;
	}
	throw new Error(`${key} ×${max} never reached ${target}`);
}

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Zero WCAG 2.2 A/AA violations from axe on the page as it is now; the message names each. */
export async function expectAccessible(page: Page, what: string): Promise<void> {
	const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
	const summary = violations.map((v) => ({
		id: v.id,
		impact: v.impact,
		help: v.help,
		targets: v.nodes.map((n) => n.target.join(' ')),
		failure: v.nodes[0]?.failureSummary
	}));
	expect(summary, `axe violations on ${what} (${page.url()}):\n${JSON.stringify(summary, null, 2)}`).toEqual([]);
}

// ---------------------------------------------------------------------------------------------
// The live board (boards/[id]): sections, items, connection status.
// ---------------------------------------------------------------------------------------------

/** The ten sections in display order: keys as in `data-section`, titles and add buttons as the UI shows them. */
export const BOARD_SECTIONS = [
	{ key: 'today', title: 'Our time today', add: 'Add to today' },
	{ key: 'matters', title: 'What matters to me', add: 'Add what matters' },
	{ key: 'goodDay', title: 'A good day / a hard day', add: 'Add about my days' },
	{ key: 'strengths', title: 'My strengths', add: 'Add a strength' },
	{ key: 'people', title: 'People who help me', add: 'Add someone' },
	{ key: 'obstacles', title: 'Things that get in the way', add: 'Add what gets in the way' },
	{ key: 'goals', title: 'My goals', add: 'Add a goal' },
	{ key: 'steps', title: 'Next steps', add: 'Add a step' },
	{ key: 'notes', title: 'Notes between visits', add: 'Add a note' },
	{ key: 'contingency', title: 'If things get difficult', add: 'Add to my plan for hard times' }
] as const;

/** A section's "Add" button, by the words it shows. */
export function addButton(page: Page, key: BoardSectionKey): Locator {
	const add = BOARD_SECTIONS.find((s) => s.key === key)!.add;
	return boardSection(page, key).getByRole('button', { name: add, exact: true });
}

export type BoardSectionKey = (typeof BOARD_SECTIONS)[number]['key'];

/** How long a change may take to reach another browser on the board: the product's requirement. */
export const LIVE_MS = 1_000;

/** The always-visible connection status line of the board. */
export function connectionStatus(page: Page): Locator {
	return page.getByTestId('connection-status');
}

/** Waits until the board is connected and synced with the server (status "live"). */
export async function boardLive(page: Page, timeout = 15_000): Promise<void> {
	await expect(connectionStatus(page)).toHaveAttribute('data-state', 'live', { timeout });
	expect(securityPolicyViolations(page), 'Content-Security-Policy violations').toEqual([]);
}

/** Opens a plan's board and waits until it is live. */
export async function openBoard(page: Page, boardId: string): Promise<void> {
	if (!page.url().endsWith(`/boards/${boardId}`)) await page.goto(`/boards/${boardId}`);
	await boardLive(page);
}

/** One section of the board, by its key. */
export function boardSection(page: Page, key: BoardSectionKey): Locator {
	return page.locator(`[data-section="${key}"]`);
}

/** The items of a section, in the order shown. */
export function boardItems(page: Page, key: BoardSectionKey): Locator {
	return boardSection(page, key).locator('[data-item-id]');
}

/** One item of the board, by id. */
export function boardItem(page: Page, id: string): Locator {
	return page.locator(`[data-item-id="${id}"]`);
}

/** The ids of a section's items, in the order shown. */
export async function boardItemIds(page: Page, key: BoardSectionKey): Promise<string[]> {
	return boardItems(page, key).evaluateAll((els) => els.map((el) => el.getAttribute('data-item-id') ?? ''));
}

/** The id of the item of a section whose main words are exactly `text` (textarea or read-only). */
export async function findItemId(page: Page, key: BoardSectionKey, text: string): Promise<string> {
	let found: string | undefined;
	await expect
		.poll(
			async () => {
				const items = await boardItems(page, key).evaluateAll((els) =>
					els.map((el) => {
						const id = el.getAttribute('data-item-id') ?? '';
						const box = el.querySelector<HTMLTextAreaElement>(`textarea[id="text-${id}"]`);
						const read = el.querySelector('.wm-item__text')?.textContent ?? '';
						return { id, words: box ? box.value : read };
					})
				);
				found = items.find((i) => i.words === text || i.words.endsWith(`: ${text}`))?.id;
				return found;
			},
			{ message: `an item "${text}" in ${key}` }
		)
		.toBeTruthy();
	return found!;
}

/** Writes `text` into a section's "Add" box and presses its button; returns the new item's id. */
export async function addBoardItem(page: Page, key: BoardSectionKey, text: string): Promise<string> {
	const box = page.locator(`#add-${key}`);
	await box.fill(text);
	await addButton(page, key).click();
	// The box empties once the item is in the document.
	await expect(box).toHaveValue('');
	const id = await findItemId(page, key, text);
	await expect(page.locator(`#text-${id}`)).toHaveValue(text);
	return id;
}

/** The person's plan with a clinician on it, each in their own browser context, both live on the board. */
export async function planWithClinician(
	browser: Browser,
	names: { person: string; clinician: string } = { person: 'Sam', clinician: 'Lee' }
): Promise<{ person: Actor; clinician: Actor; boardId: string }> {
	const [person, clinician] = await Promise.all([newActor(browser, names.person), newActor(browser, names.clinician)]);
	const boardId = await startPlanForMe(person.page);
	const link = await invite(person.page, boardId, names.clinician, 'clinician');
	await join(clinician.page, link, boardId);
	await Promise.all([openBoard(person.page, boardId), openBoard(clinician.page, boardId)]);
	return { person, clinician, boardId };
}

/** Adds a supporter (read-only) to the plan, in a third browser context, live on the board. */
export async function addSupporter(browser: Browser, owner: Page, boardId: string, name = 'Robin'): Promise<Actor> {
	const supporter = await newActor(browser, name);
	const link = await invite(owner, boardId, name, 'supporter');
	await join(supporter.page, link, boardId);
	await openBoard(supporter.page, boardId);
	await openBoard(owner, boardId);
	return supporter;
}

/**
 * The accessible name of an item's "Move up", "Move down" or "Delete" button, e.g.
 * "Move up, item 2 of What matters to me". Chromium computes "Move up , item 2 …" (a space
 * before the comma, because the visually hidden span is positioned absolutely); screen readers
 * say both the same, so either is accepted.
 */
export function itemAction(action: 'Move up' | 'Move down' | 'Delete', n: number, sectionTitle: string): RegExp {
	const escaped = sectionTitle.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
	return new RegExp(`^${action}\\s*, item ${n} of ${escaped}$`);
}

/** The "Who is talking now?" choice of one shared screen. */
export function talkingNow(page: Page): Locator {
	return page.getByRole('group', { name: 'Who is talking now?' });
}

/** Turns "Together on one screen" on (if it is not) and chooses who is talking, by their label. */
export async function talkAs(page: Page, label: string): Promise<void> {
	const shared = page.getByRole('button', { name: 'Together on one screen' });
	if ((await shared.getAttribute('aria-pressed')) !== 'true') await shared.click();
	// On a phone or at high zoom the choice is folded into one button: open it first.
	const fold = page.getByTestId('talking-now').locator('.wm-talking__toggle');
	if ((await fold.isVisible()) && (await fold.getAttribute('aria-expanded')) !== 'true') await fold.click();
	await talkingNow(page).getByRole('radio', { name: label, exact: true }).check();
	await expect(talkingNow(page).getByRole('radio', { name: label, exact: true })).toBeChecked();
}

/** Turns "Together on one screen" off: what is added is the signed-in account's words again. */
export async function stopSharingScreen(page: Page): Promise<void> {
	const shared = page.getByRole('button', { name: 'Together on one screen' });
	if ((await shared.getAttribute('aria-pressed')) === 'true') await shared.click();
	await expect(talkingNow(page)).toHaveCount(0);
}
