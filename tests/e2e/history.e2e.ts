/**
 * The plan's history and "since your last visit", in real browsers: the person, the clinician and
 * the peer advocate each in their own context. Each history entry names who really made the change
 * and whose words they were; changes made while the person was away are summarised and marked
 * on the board until the person has seen them.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, test, type Page } from '@playwright/test';
import {
	addBoardItem,
	boardItem,
	boardItems,
	expectAccessible,
	invite,
	join,
	LIVE_MS,
	newActor,
	openBoard,
	planWithClinician,
	pressUntilFocused,
	startPlanForMe,
	talkAs
} from './fixtures';

test.describe.configure({ mode: 'parallel' });
const live = { timeout: LIVE_MS };

/** The server's database, to age a stored visit: "two hours ago" cannot be waited for. */
function database(): Database.Database {
	const dir = process.env.E2E_DATA_DIR;
	if (!dir) throw new Error('E2E_DATA_DIR is not set: run through tests/playwright.config.ts');
	const db = new Database(path.join(dir, 'whatmatters.sqlite'));
	db.pragma('busy_timeout = 5000');
	return db;
}

const entry = (page: Page, sentence: string) => page.getByTestId('history-entry').filter({ hasText: sentence });

test('each history entry names who made the change, and whose words they were', async ({ browser }) => {
	const { person, clinician, boardId } = await planWithClinician(browser, { person: 'Pat', clinician: 'Dr Li Chen' });
	const advocate = await newActor(browser, 'Sam Okafor');
	await join(advocate.page, await invite(person.page, boardId, 'Sam Okafor', 'peer_advocate'), boardId);
	await Promise.all([openBoard(person.page, boardId), openBoard(advocate.page, boardId)]);
	const [p, c, a] = [person.page, clinician.page, advocate.page];

	const today = await addBoardItem(p, 'today', 'talk about sleep');
	// The clinician types the person's words on a shared screen.
	await talkAs(c, 'Pat (Person)');
	const goal = await addBoardItem(c, 'goals', "Take the bus to my daughter's");
	await p.locator(`#confidence-${goal}`).getByRole('radio', { name: '4', exact: true }).check();
	await expect(c.locator(`#confidence-${goal}`).getByRole('radio', { name: '4', exact: true })).toBeChecked(live);
	await c.locator(`#confidence-${goal}`).getByRole('radio', { name: '5', exact: true }).check();
	await expect(boardItem(a, today)).toBeVisible(live);
	await boardItem(a, today).locator(`#delete-${today}`).click();
	await expect(boardItem(p, today)).toHaveCount(0, live);
	await addBoardItem(a, 'notes', 'Slept better this week');
	const step = await addBoardItem(p, 'steps', 'Call the housing office');
	const gp = await addBoardItem(p, 'steps', 'See the GP');
	await p.locator(`#move-up-${gp}`).click();
	await expect(boardItems(c, 'steps').first()).toHaveAttribute('data-item-id', gp, live);
	await p.locator(`#status-${step}`).selectOption('done');
	await expect(c.locator(`#status-${step}`)).toHaveValue('done', live);
	await expect(c.locator(`#confidence-${goal}`).getByRole('radio', { name: '5', exact: true })).toBeChecked();

	await p.getByRole('link', { name: 'See every change' }).click();
	await expect(p.getByRole('heading', { level: 1, name: 'Every change to my care plan' })).toBeVisible();
	const added = entry(p, "Dr Li Chen added a goal: 'Take the bus to my daughter's'");
	await expect(added).toHaveCount(1);
	await expect(added).toContainText('(typed by Dr Li Chen as your words)');
	await expect(entry(p, 'Dr Li Chen changed "How sure are you that you can do it?" from 4 to 5')).toHaveCount(1);
	await expect(entry(p, 'You set "How sure are you that you can do it?" to 4')).toHaveCount(1);
	const deleted = entry(p, "Sam Okafor deleted 'Our time today: talk about sleep'");
	await expect(deleted).toHaveCount(1);
	await expect(deleted.getByRole('button', { name: 'Bring back' })).toBeVisible();
	await expect(entry(p, "Sam Okafor wrote a note: 'Slept better this week'")).toHaveCount(1);
	await expect(entry(p, "You marked 'Call the housing office' done")).toHaveCount(1);
	await expect(entry(p, `You moved 'See the GP' in "Next steps" from place 2 to place 1`)).toHaveCount(1);
	// Exactly one such entry first, or "not typed by" would pass with none at all.
	const mine = entry(p, "You added to \"Our time today\": 'talk about sleep'");
	await expect(mine).toHaveCount(1);
	await expect(mine).not.toContainText('typed by');
	// Newest first, with the time in words and exactly.
	await expect(p.getByTestId('history-entry').first()).toContainText("You marked 'Call the housing office' done");
	await expect(added.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}T/);
	await expectAccessible(p, 'the history page');

	// "Bring back" puts the deleted item back as a new change, seen live, and named in the
	// history; reached and pressed by keyboard alone.
	await pressUntilFocused(p, deleted.getByRole('button', { name: 'Bring back' }), 'Tab', 120);
	await p.keyboard.press('Enter');
	await expect(p).toHaveURL(new RegExp(`/boards/${boardId}\\?restored=item`));
	await expect(a.locator(`#text-${today}`)).toHaveValue('talk about sleep', live);
	await p.goto(`/boards/${boardId}/history`);
	await expect(p.getByTestId('history-entry').first()).toContainText("You brought back 'Our time today: talk about sleep'");

	// Only one person's changes, by the form (which works without JavaScript too).
	await p.getByLabel('Who made the change').selectOption({ label: 'Sam Okafor' });
	await p.getByRole('button', { name: 'Show these changes' }).click();
	await expect(p).toHaveURL(/who=/);
	await expect(p.getByTestId('history-entry')).toHaveCount(2);
	await expect(p.getByTestId('history-entry').filter({ hasNotText: 'Sam Okafor' })).toHaveCount(0);
});

test('since your last visit: the advocate’s changes are summarised and marked until the person has seen them', async ({ browser }) => {
	const person = await newActor(browser, 'Pat');
	const advocate = await newActor(browser, 'Sam Okafor');
	const boardId = await startPlanForMe(person.page);
	await join(advocate.page, await invite(person.page, boardId, 'Sam Okafor', 'peer_advocate'), boardId);
	await openBoard(person.page, boardId);
	const step = await addBoardItem(person.page, 'steps', 'Call the housing office');
	await openBoard(advocate.page, boardId);
	await expect(advocate.page.locator(`#text-${step}`)).toHaveValue('Call the housing office');
	// The person goes away.
	await person.page.goto('/boards');

	const a = advocate.page;
	const notes = [await addBoardItem(a, 'notes', 'Went to the cafe'), await addBoardItem(a, 'notes', 'Slept better')];
	await a.locator(`#status-${step}`).selectOption('doing');
	const db = database();
	try {
		const advocateId = db.prepare<[string], { id: string }>('SELECT id FROM users WHERE email = ?').get(advocate.account.email)!.id;
		await expect
			.poll(() => (db.prepare('SELECT COUNT(*) AS n FROM board_updates WHERE board_id = ? AND user_id = ?').get(boardId, advocateId) as { n: number }).n, {
				message: "the advocate's changes are stored"
			})
			.toBeGreaterThanOrEqual(3);
		// The person's visit was two hours ago.
		db.prepare(
			`UPDATE visits SET started_at = started_at - 7200000, last_seen_at = last_seen_at - 7200000
			 WHERE board_id = ? AND user_id = (SELECT owner_id FROM boards WHERE id = ?)`
		).run(boardId, boardId);
	} finally {
		db.close();
	}

	// Before opening it, the plan list says there is something new, and who changed it last.
	const p = person.page;
	await p.goto('/boards');
	const card = p.locator('li').filter({ has: p.locator(`a[href="/boards/${boardId}"]`) });
	await expect(card.getByTestId('plan-new')).toHaveText('New changes since your last visit');
	await expect(card.getByTestId('plan-last-change')).toContainText('by Sam Okafor');

	await openBoard(p, boardId);
	const summary = p.getByTestId('since-summary');
	await expect(summary).toContainText('Sam Okafor added 2 notes and changed a next step.');
	for (const id of notes) await expect(boardItem(p, id).getByTestId('since-mark')).toHaveText('New since your last visit');
	await expect(boardItem(p, step).getByTestId('since-mark')).toHaveText('Changed since your last visit');
	await expectAccessible(p, 'the board with the since-last-visit summary');

	// Following the summary's link takes me into the note: it is seen.
	await summary.getByRole('link', { name: 'Went to the cafe' }).click();
	await expect(boardItem(p, notes[0]!).getByTestId('since-mark')).toHaveCount(0);
	await expect(boardItem(p, notes[1]!).getByTestId('since-mark')).toHaveCount(1);
	// Being in an item (focus inside it) counts as seeing it.
	await p.locator(`#text-${notes[1]}`).focus();
	await expect(boardItem(p, notes[1]!).getByTestId('since-mark')).toHaveCount(0);
	await summary.getByRole('button', { name: 'Mark all as seen' }).click();
	await expect(p.getByTestId('since-mark')).toHaveCount(0);

	// Kept on the server: after a reload nothing is marked, and the plan list has nothing new.
	await expect.poll(async () => {
		await p.reload();
		await openBoard(p, boardId);
		return p.getByTestId('since-summary').count();
	}).toBe(0);
	await expect(p.getByTestId('since-mark')).toHaveCount(0);
	await p.goto('/boards');
	await expect(card.getByTestId('plan-new')).toHaveCount(0);
	await expect(card.getByTestId('plan-last-change')).toBeVisible();
});
