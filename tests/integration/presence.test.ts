/**
 * Presence claims against a running server, with the stock y-websocket provider on every side:
 * well-formed sections, items, fields, carets and drafts are relayed; forged or oversized ones
 * are dropped from the state, the sender stays connected, and everyone else is untouched; a
 * flood of presence is thinned to about ten a second without losing the last state.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeAwareness, encodeAwarenessEntries } from '../../server/sync/messages.js';
import { addItem, getItemText, listItems } from '../../src/lib/board/index.js';
import { caretOffset, caretToken, MAX_CARET_TOKEN_LENGTH } from '../../src/lib/board/caret.js';
import { readPresence } from '../../src/lib/protocol/presence.js';
import { userId } from '../helpers/database.js';
import { planWithEveryRole, type PlanWithEveryone, type Who } from '../helpers/plans.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { connectProvider, eventually, whenSynced, type TestProvider } from '../helpers/sync-client.js';

let server: TestServer;
let plan: PlanWithEveryone;
let person: TestProvider;
let advocate: TestProvider;
let goalId: string;

async function connected(who: Who): Promise<TestProvider> {
	const provider = connectProvider(server.url, plan.boardId, plan.clients[who]);
	await whenSynced(provider.provider);
	return provider;
}

/** The advocate's view of someone's window. */
const seenByAdvocate = (of: TestProvider) => readPresence(advocate.provider.awareness.getStates().get(of.doc.clientID));

beforeAll(async () => {
	server = await startServer();
	plan = await planWithEveryRole(server.url);
	person = await connected('person');
	advocate = await connected('peer_advocate');
	goalId = addItem(person.doc, 'goals', { author: userId(server.dataDir, plan.emails.person), text: 'Take the bus' });
	await eventually(() => listItems(advocate.doc, 'goals').length === 1, 'goal relayed');
}, 60_000);
afterAll(async () => {
	person?.destroy();
	advocate?.destroy();
	await server?.stop();
});

describe('presence claims', () => {
	it('a section, an item, a field, a caret and a draft reach the others, and the caret lands at the right offset', async () => {
		const text = getItemText(person.doc, 'goals', goalId)!;
		const caret = { anchor: caretToken(text, 5), head: caretToken(text, 8) };
		person.provider.awareness.setLocalState({ viewing: 'goals', editing: { section: 'goals', itemId: goalId, field: 'text', caret }, drafting: null });
		await eventually(() => seenByAdvocate(person)?.editing?.caret != null, 'caret relayed');
		const seen = seenByAdvocate(person)!;
		expect(seen).toMatchObject({ viewing: 'goals', editing: { section: 'goals', itemId: goalId, field: 'text', caret } });
		const theirs = getItemText(advocate.doc, 'goals', goalId)!;
		expect([caretOffset(theirs, seen.editing!.caret!.anchor), caretOffset(theirs, seen.editing!.caret!.head)]).toEqual([5, 8]);
		// Words put in before the caret move it along in the advocate's copy.
		theirs.insert(0, 'I will ');
		expect(caretOffset(theirs, seen.editing!.caret!.anchor)).toBe(12);

		person.provider.awareness.setLocalState({ viewing: 'steps', editing: null, drafting: { section: 'steps', text: 'Ring the GP' } });
		await eventually(() => seenByAdvocate(person)?.drafting?.text === 'Ring the GP', 'draft relayed');
	});

	it('forged and oversized claims are dropped; the sender stays connected and others are untouched', async () => {
		const attacker = await connected('clinician');
		const good = caretToken(getItemText(attacker.doc, 'goals', goalId)!, 2);
		attacker.provider.awareness.setLocalState({
			viewing: 'the-admin-page',
			editing: { section: 'goals', itemId: goalId, field: 'text', caret: { anchor: 'A'.repeat(MAX_CARET_TOKEN_LENGTH * 100), head: good } },
			drafting: { section: 'goals', text: 'x'.repeat(50_000) },
			user: { id: 'someone-else', name: 'The Person', role: 'person' }
		});
		await eventually(() => seenByAdvocate(attacker)?.editing?.itemId === goalId, 'attacker presence relayed');
		expect(seenByAdvocate(attacker)).toEqual({
			user: expect.objectContaining({ role: 'clinician' }),
			viewing: null,
			editing: { section: 'goals', itemId: goalId, field: 'text', caret: null },
			drafting: { section: 'goals', text: '' }
		});
		// Raw frames: a caret that is not a relative position, a field of another section, and
		// a caret claimed for a number field.
		const clock = (attacker.provider.awareness.meta.get(attacker.doc.clientID)?.clock ?? 0) + 1;
		const forged = { section: 'goals', itemId: goalId, field: 'importance', caret: { anchor: good, head: good } };
		attacker.provider.ws!.send(encodeAwareness(encodeAwarenessEntries([{ clientId: attacker.doc.clientID, clock, state: { editing: forged, viewing: 'goals' } }])));
		await eventually(() => seenByAdvocate(attacker)?.viewing === 'goals', 'forged frame handled');
		expect(seenByAdvocate(attacker)?.editing).toEqual({ section: 'goals', itemId: goalId, field: 'importance', caret: null });

		// Nobody was closed, and the person's own presence is as they set it.
		expect(attacker.closes).toEqual([]);
		expect(person.closes).toEqual([]);
		expect(seenByAdvocate(person)?.drafting?.text).toBe('Ring the GP');
		addItem(attacker.doc, 'notes', { author: userId(server.dataDir, plan.emails.clinician), text: 'still writing' });
		await eventually(() => listItems(advocate.doc, 'notes').length === 1, 'the attacker can still write');
		attacker.destroy();
	});

	it('a flood of presence is thinned, nobody is closed, and the last state arrives', async () => {
		const flooder = await connected('clinician');
		let changes = 0;
		const onChange = ({ updated, added }: { updated: number[]; added: number[] }) => {
			if ([...updated, ...added].includes(flooder.doc.clientID)) changes++;
		};
		advocate.provider.awareness.on('change', onChange);
		const text = getItemText(flooder.doc, 'goals', goalId)!;
		for (let i = 0; i < 300; i++) {
			flooder.provider.awareness.setLocalState({ viewing: 'goals', editing: { section: 'goals', itemId: goalId, field: 'text', caret: { anchor: caretToken(text, i % 5), head: caretToken(text, i % 5) } }, drafting: { section: 'notes', text: `n${i}` } });
		}
		await eventually(() => seenByAdvocate(flooder)?.drafting?.text === 'n299', 'the last state relayed');
		advocate.provider.awareness.off('change', onChange);
		// Three hundred states sent at once; a burst of ten and then ten a second get through.
		expect(changes).toBeLessThan(100);
		expect(flooder.closes).toEqual([]);
		flooder.destroy();
	});

	it('a supporter receives no presence at all', async () => {
		const supporter = await connected('supporter');
		person.provider.awareness.setLocalState({ viewing: 'notes', editing: null, drafting: { section: 'notes', text: 'private draft' } });
		await eventually(() => seenByAdvocate(person)?.drafting?.text === 'private draft', 'draft relayed to the advocate');
		const others = [...supporter.provider.awareness.getStates().keys()].filter((id) => id !== supporter.doc.clientID);
		expect(others).toEqual([]);
		supporter.destroy();
	});
});
