/**
 * The plan list and notices between visits, fed by the sync rooms: who opens and leaves a plan,
 * and members' changes once stored. Names only for roles that may see who is on the plan;
 * nobody hears of their own changes, nor of a plan they are looking at.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addItem } from '../../src/lib/board/index.js';
import { userId } from '../helpers/database.js';
import { planWithEveryRole, type PlanWithEveryone } from '../helpers/plans.js';
import { connectRealtime, connected, type TestSocket } from '../helpers/realtime-client.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { connectProvider, eventually, whenSynced } from '../helpers/sync-client.js';

let server: TestServer;
let plan: PlanWithEveryone;
const open: TestSocket[] = [];

beforeAll(async () => {
	server = await startServer({ REALTIME_NOTICE_EVERY_MS: '1500' });
	plan = await planWithEveryRole(server.url);
});
afterAll(async () => {
	for (const s of open) s.close();
	await server?.stop();
});

async function socketOf(who: keyof PlanWithEveryone['clients']): Promise<TestSocket> {
	const test = connectRealtime(server.url, plan.clients[who]);
	open.push(test);
	await connected(test);
	return test;
}

it('the plan list hears who opens and leaves a plan, with names only for roles that may see them', async () => {
	const [advocate, supporter] = await Promise.all([socketOf('peer_advocate'), socketOf('supporter')]);
	const first = await advocate.ask('plans:watch');
	expect(first).toEqual({ ok: true, plans: [{ boardId: plan.boardId, here: [] }] });
	expect(await supporter.ask('plans:watch')).toEqual({ ok: true, plans: [{ boardId: plan.boardId, here: null }] });

	const clinician = connectProvider(server.url, plan.boardId, plan.clients.clinician);
	await whenSynced(clinician.provider);
	const clinicianId = userId(server.dataDir, plan.emails.clinician);
	await eventually(() => advocate.of('plans:here').some((h) => JSON.stringify(h.here) === JSON.stringify([{ id: clinicianId, name: 'Cleo Clinician' }])), 'the advocate sees the clinician arrive');

	clinician.destroy();
	await eventually(() => JSON.stringify(advocate.of('plans:here').at(-1)?.here) === '[]', 'the advocate sees the clinician leave');
	// A supporter may not see who is on the plan: they are not even told someone came and went.
	expect(supporter.of('plans:here')).toEqual([]);
});

it('a note added tells the others elsewhere once, with a kind; not the writer, not whoever has the plan open', async () => {
	const [person, advocate, supporter, writerSocket] = await Promise.all([socketOf('person'), socketOf('peer_advocate'), socketOf('supporter'), socketOf('clinician')]);
	// The advocate has the plan's page open: no notice for them.
	expect(await advocate.ask('plan:open', { boardId: plan.boardId })).toEqual({ ok: true });
	expect(await person.ask('plans:watch')).toMatchObject({ ok: true });
	expect(await writerSocket.ask('plans:watch')).toMatchObject({ ok: true });

	const writer = connectProvider(server.url, plan.boardId, plan.clients.clinician);
	await whenSynced(writer.provider);
	const clinicianId = userId(server.dataDir, plan.emails.clinician);
	addItem(writer.doc, 'notes', { author: clinicianId, text: 'Called about the housing form' });

	await eventually(() => person.of('notice').length === 1, 'the person is told');
	expect(person.of('notice')[0]).toEqual({
		boardId: plan.boardId,
		personName: 'Pat Person',
		isMine: true,
		who: ['Cleo Clinician'],
		change: { kind: 'added', section: 'notes' }
	});
	await eventually(() => person.of('plans:changed').length > 0, 'the plan list hears of the change');
	expect(person.of('plans:changed').at(-1)).toMatchObject({ boardId: plan.boardId, by: 'Cleo Clinician' });
	// A supporter is told too, but not who (they may see only the person's name).
	await eventually(() => supporter.of('notice').length === 1, 'the supporter is told');
	expect(supporter.of('notice')[0]).toMatchObject({ who: [], change: { kind: 'added', section: 'notes' } });

	// More changes within the period are coalesced into one more notice, not one each.
	addItem(writer.doc, 'goals', { author: clinicianId, text: 'Walk to the shop' });
	addItem(writer.doc, 'notes', { author: clinicianId, text: 'Second note' });
	await eventually(() => person.of('notice').length === 2, 'one coalesced notice', 5_000);
	expect(person.of('notice')[1]).toMatchObject({ who: ['Cleo Clinician'], change: { kind: 'changed' } });

	expect(advocate.of('notice')).toEqual([]);
	// The writer hears of nothing they did themselves.
	expect(writerSocket.of('notice')).toEqual([]);
	expect(writerSocket.of('plans:changed')).toEqual([]);
	writer.destroy();
});
