/**
 * Versions and restores against a real server: bad version numbers are 404 without telling
 * anything about another plan, a supporter's restore is 403 and stores nothing, a restore is
 * a new stored update sent by the restorer that everyone on the plan sees live, and a restore
 * racing someone's typing loses neither.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addItem, deleteItem, getItemText, listItems, updateFields } from '../../src/lib/board/index.js';
import { count, openDatabase, storedDoc, userId } from '../helpers/database.js';
import { planWithEveryRole, type PlanWithEveryone } from '../helpers/plans.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { connectProvider, eventually, whenSynced, type TestProvider } from '../helpers/sync-client.js';

let server: TestServer;
let plan: PlanWithEveryone;
let other: PlanWithEveryone;
const open: TestProvider[] = [];

async function connect(who: keyof PlanWithEveryone['clients'], on = plan): Promise<TestProvider> {
	const provider = connectProvider(server.url, on.boardId, on.clients[who]);
	open.push(provider);
	await whenSynced(provider.provider);
	return provider;
}

const updatesOf = (boardId: string) => count(server.dataDir, 'SELECT COUNT(*) AS n FROM board_updates WHERE board_id = ?', boardId);
function lastUpdate(boardId: string): { seq: number; user_id: string | null } {
	const db = openDatabase(server.dataDir);
	try {
		return db.prepare<[string], { seq: number; user_id: string | null }>('SELECT seq, user_id FROM board_updates WHERE board_id = ? ORDER BY seq DESC LIMIT 1').get(boardId)!;
	} finally {
		db.close();
	}
}
/** The restorer's one stored update on a plan, and the plan's update just before it. */
function restoreOf(boardId: string, restorer: string): { restoreSeq: number; beforeRestore: number } {
	const db = openDatabase(server.dataDir);
	try {
		const mine = db.prepare<[string, string], { seq: number }>('SELECT seq FROM board_updates WHERE board_id = ? AND user_id = ? ORDER BY seq').all(boardId, restorer);
		expect(mine, 'one update by the restorer').toHaveLength(1);
		const restoreSeq = mine[0].seq;
		const before = db.prepare<[string, number], { seq: number }>('SELECT MAX(seq) AS seq FROM board_updates WHERE board_id = ? AND seq < ?').get(boardId, restoreSeq)!;
		return { restoreSeq, beforeRestore: before.seq };
	} finally {
		db.close();
	}
}

/**
 * Waits until the server has stored everything these clients wrote (the stored plan's clock of
 * each is at least its own), then returns the seq of the plan's last update.
 */
async function settled(boardId: string, ...writers: Y.Doc[]): Promise<number> {
	const clockOf = (doc: Y.Doc, client: number) => Y.decodeStateVector(Y.encodeStateVector(doc)).get(client) ?? 0;
	await eventually(() => {
		const stored = storedDoc(server.dataDir, boardId);
		return writers.every((doc) => clockOf(stored, doc.clientID) >= clockOf(doc, doc.clientID));
	}, 'updates stored', 5_000);
	return lastUpdate(boardId).seq;
}

const versionUrl = (seq: number | string, tail = '', on = plan) => `/boards/${on.boardId}/history/${seq}${tail}`;

let personId: string;
let advocateId: string;
let clinicianId: string;
let deletedItem: string;
let beforeDeletion: number;
let goal: string;
let cook: string;

beforeAll(async () => {
	server = await startServer();
	[plan, other] = await Promise.all([planWithEveryRole(server.url), planWithEveryRole(server.url)]);
	personId = userId(server.dataDir, plan.emails.person);
	advocateId = userId(server.dataDir, plan.emails.peer_advocate);
	clinicianId = userId(server.dataDir, plan.emails.clinician);

	// The other plan gets many more updates than this one, so its seqs run past ours.
	const elsewhere = await connect('person', other);
	const otherId = userId(server.dataDir, other.emails.person);
	for (let i = 0; i < 40; i++) addItem(elsewhere.doc, 'notes', { author: otherId, text: `Secret note ${i}` });

	const person = await connect('person');
	deletedItem = addItem(person.doc, 'today', { author: personId, text: 'Our time today: talk about sleep' });
	goal = addItem(person.doc, 'goals', { author: personId, text: 'Take the bus', confidence: 4 });
	cook = addItem(person.doc, 'strengths', { author: personId, text: 'I can cook' });
	beforeDeletion = await settled(plan.boardId, person.doc);
	deleteItem(person.doc, 'today', deletedItem);
	deleteItem(person.doc, 'strengths', cook);
	updateFields(person.doc, 'goals', goal, { confidence: 5 }, personId);
	await settled(plan.boardId, person.doc);
	await settled(other.boardId, elsewhere.doc);
	for (const p of open.splice(0)) p.destroy();
});
afterEach(() => {
	for (const provider of open.splice(0)) provider.destroy();
});
afterAll(async () => server?.stop());

describe('seeing a version', () => {
	it('shows the plan as it was, with words no longer on the board', async () => {
		const answer = await plan.clients.person.get(versionUrl(beforeDeletion));
		expect(answer.status).toBe(200);
		expect(answer.text).toContain('Our time today: talk about sleep');
		expect(answer.text).toContain('Not on the plan now');
	});

	it('compares a version with now: removed words and changed fields', async () => {
		const answer = await plan.clients.clinician.get(versionUrl(beforeDeletion, '/compare'));
		expect(answer.status).toBe(200);
		expect(answer.text).toMatch(/<del[^>]*><span class="nhsuk-u-visually-hidden">removed: <\/span>Our time today: talk about sleep<\/del>/);
		expect(answer.text).toContain('4 out of 10');
	});

	it('lets every member who may view the plan see versions, a supporter too', async () => {
		expect((await plan.clients.supporter.get(versionUrl(beforeDeletion))).status).toBe(200);
		expect((await plan.clients.supporter.get(versionUrl(beforeDeletion, '/compare'))).status).toBe(200);
	});

	it('answers 404 to version numbers that are not versions of this plan, and never shows another plan', async () => {
		const ours = lastUpdate(plan.boardId).seq;
		const theirs = lastUpdate(other.boardId).seq;
		expect(theirs).toBeGreaterThan(ours + 5);
		const bad = ['0', '-1', '-5', '99999999999999999999', '9007199254740993', '1e3', '1.5', 'abc', '%20', String(ours + 5), String(theirs)];
		for (const seq of bad) {
			for (const tail of ['', '/compare', '/restore']) {
				const answer = await plan.clients.person.get(versionUrl(seq, tail));
				expect(answer.status, `${seq}${tail}`).toBe(404);
				expect(answer.text).not.toContain('Secret note');
			}
		}
	});

	it('answers 404 to someone not on the plan, for a version that exists', async () => {
		for (const tail of ['', '/compare', '/restore']) {
			expect((await plan.clients.outsider.get(versionUrl(beforeDeletion, tail))).status).toBe(404);
		}
		const post = await plan.clients.outsider.post(`${versionUrl(beforeDeletion)}?/restoreItem`, { itemId: deletedItem, seq: String(beforeDeletion) });
		expect(post.status).toBe(404);
	});
});

describe('restoring', () => {
	it('refuses a supporter (403) and stores nothing', async () => {
		const before = updatesOf(plan.boardId);
		const item = await plan.clients.supporter.post(`${versionUrl(beforeDeletion)}?/restoreItem`, { itemId: deletedItem, seq: String(beforeDeletion) });
		const whole = await plan.clients.supporter.post(`${versionUrl(beforeDeletion)}?/restorePlan`, { confirm: 'yes' });
		const confirm = await plan.clients.supporter.get(versionUrl(beforeDeletion, '/restore'));
		expect([item.status, whole.status, confirm.status]).toEqual([403, 403, 403]);
		expect(updatesOf(plan.boardId)).toBe(before);
		expect(listItems(storedDoc(server.dataDir, plan.boardId), 'today')).toEqual([]);
	});

	it('brings a deleted item back as a new stored update sent by the restorer, seen live by others', async () => {
		const clinician = await connect('clinician');
		const before = lastUpdate(plan.boardId).seq;
		const answer = await plan.clients.peer_advocate.post(`${versionUrl(beforeDeletion)}?/restoreItem`, { itemId: deletedItem, seq: String(beforeDeletion) });
		expect(answer.status).toBe(303);
		expect(answer.location).toContain(`#item-${deletedItem}`);
		const last = lastUpdate(plan.boardId);
		expect(last.seq).toBe(before + 1);
		expect(last.user_id).toBe(advocateId);
		await eventually(() => listItems(clinician.doc, 'today').some((i) => i.id === deletedItem), 'the clinician sees it back');
		const back = listItems(clinician.doc, 'today')[0]!;
		expect(back).toMatchObject({ text: 'Our time today: talk about sleep', author: personId, updatedBy: advocateId });
		// Nothing earlier was rewritten: the version before the deletion still reads the same.
		expect((await plan.clients.person.get(versionUrl(beforeDeletion))).text).toContain('Our time today: talk about sleep');
	});

	it('asks before putting the whole plan back, saying what will change', async () => {
		const page = await plan.clients.person.get(versionUrl(beforeDeletion, '/restore'));
		expect(page.status).toBe(200);
		expect(page.text).toMatch(/change 1 item back/);
		const unconfirmed = await plan.clients.person.post(`${versionUrl(beforeDeletion)}?/restorePlan`, {});
		expect(unconfirmed.status).toBe(303);
		expect(unconfirmed.location).toBe(versionUrl(beforeDeletion, '/restore'));
	});

	it('a restore racing someone’s typing loses neither', async () => {
		const clinician = await connect('clinician');
		const text = getItemText(clinician.doc, 'goals', goal)!;
		let typed = 0;
		const timer = setInterval(() => text.insert(text.length, ` w${typed++}`), 2);
		const answer = await plan.clients.peer_advocate.post(`${versionUrl(beforeDeletion)}?/restoreItem`, { itemId: cook, seq: String(beforeDeletion) });
		await new Promise((r) => setTimeout(r, 50));
		clearInterval(timer);
		expect(answer.status).toBe(303);
		await settled(plan.boardId, clinician.doc);
		const stored = storedDoc(server.dataDir, plan.boardId);
		expect(typed).toBeGreaterThan(0);
		const words = listItems(stored, 'goals').find((g) => g.id === goal)!.text;
		for (let i = 0; i < typed; i++) expect(words).toContain(` w${i}`);
		expect(listItems(stored, 'strengths').map((i) => i.text)).toEqual(['I can cook']);
		await eventually(() => listItems(clinician.doc, 'strengths').length === 1, 'the clinician sees it back');
	});

	// Typing in the very item a restore writes: the restore lands (the item reads as in the
	// version), and every word typed is kept: those the server had before the restore are in
	// the version just before it, and those typed while it was made are on the board after it.
	for (const how of ['restoreItem', 'restorePlan'] as const) {
		it(`a ${how === 'restoreItem' ? 'restore of an item' : 'restore of the whole plan'} racing typing in that same item loses no word and still lands`, async () => {
			const race = await planWithEveryRole(server.url);
			const person = await connect('person', race);
			const raceAuthor = userId(server.dataDir, race.emails.person);
			const restorer = userId(server.dataDir, race.emails.peer_advocate);
			const goalIn = (doc: Y.Doc) => listItems(doc, 'goals').find((g) => g.id === item);
			const storedGoal = () => goalIn(storedDoc(server.dataDir, race.boardId));
			const item = addItem(person.doc, 'goals', { author: raceAuthor, text: 'Take the bus', confidence: 4 });
			const version = await settled(race.boardId, person.doc);
			getItemText(person.doc, 'goals', item)!.insert('Take the bus'.length, ' every day');
			updateFields(person.doc, 'goals', item, { confidence: 6 }, raceAuthor);
			const since = addItem(person.doc, 'notes', { author: raceAuthor, text: 'Added after the version' });
			await settled(race.boardId, person.doc);

			const clinician = await connect('clinician', race);
			const text = getItemText(clinician.doc, 'goals', item)!;
			let typed = 0;
			const timer = setInterval(() => text.insert(text.length, ` w${typed++}.`), 2);
			await new Promise((r) => setTimeout(r, 30));
			const form: Record<string, string> = how === 'restoreItem' ? { itemId: item, seq: String(version) } : { confirm: 'yes' };
			const answer = await race.clients.peer_advocate.post(`${versionUrl(version, '', race)}?/${how}`, form);
			await new Promise((r) => setTimeout(r, 50));
			clearInterval(timer);
			expect(answer.status).toBe(303);
			// Everything typed, and the restore, stored and seen by the typist.
			await eventually(() => goalIn(clinician.doc)?.confidence === 4, 'the typist has the restore');
			await settled(race.boardId, clinician.doc);

			// The restore is one forward change by the restorer, after some of the typing.
			const { restoreSeq, beforeRestore } = restoreOf(race.boardId, restorer);
			const stored = storedGoal()!;
			const justBefore = (await race.clients.person.get(versionUrl(beforeRestore, '', race))).text;
			const chunks = Array.from({ length: typed }, (_, i) => ` w${i}.`);
			const kept = chunks.filter((chunk) => stored.text.includes(chunk));
			const replaced = chunks.filter((chunk) => justBefore.includes(chunk));
			for (const chunk of chunks) expect(kept.includes(chunk) || replaced.includes(chunk), `"${chunk}" is kept somewhere`).toBe(true);
			// It was a race: the restore replaced words typed before it, and words typed meanwhile stayed.
			expect(replaced.length, 'words the restore replaced').toBeGreaterThan(0);
			expect(kept.length, 'words typed while it was made').toBeGreaterThan(0);
			expect(restoreSeq).toBeGreaterThan(version);
			// It landed: the item reads as in the version, then what was typed while it was made.
			expect(stored.text).toBe(`Take the bus${kept.join('')}`);
			expect(stored.confidence).toBe(4);
			if (how === 'restorePlan') expect(listItems(storedDoc(server.dataDir, race.boardId), 'notes').map((n) => n.id)).not.toContain(since);
			// Everyone on the plan ends up with the same words, and the version restored is unchanged.
			await eventually(() => goalIn(person.doc)?.text === stored.text, 'the person sees the same words');
			expect((await race.clients.person.get(versionUrl(version, '', race))).text).not.toContain(' w0.');
		});
	}

	it('puts the whole plan back once confirmed, attributed to whoever did it', async () => {
		const answer = await plan.clients.clinician.post(`${versionUrl(beforeDeletion)}?/restorePlan`, { confirm: 'yes' });
		expect(answer.status).toBe(303);
		expect(lastUpdate(plan.boardId).user_id).toBe(clinicianId);
		const stored = storedDoc(server.dataDir, plan.boardId);
		expect(listItems(stored, 'goals')[0]).toMatchObject({ text: 'Take the bus', confidence: 4, updatedBy: clinicianId, author: personId });
		const same = await plan.clients.person.get(versionUrl(beforeDeletion, '/compare'));
		expect(same.text).toContain('Nothing has changed');
	});
});
