/**
 * Two clients edit in a burst; the server is killed with SIGKILL mid-burst and restarted.
 * Everything either client had received from the other must be in storage after the
 * restart (it was stored before it was relayed), and the clients converge again. Stopped with
 * SIGTERM instead, the live channel (socket.io) comes back by itself when the server does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { listItems } from '../../src/lib/board/index.js';
import { storedDoc, userId } from '../helpers/database.js';
import { EDITED_SECTIONS as SECTIONS, keepEditing, knowledgeOf, receivedButNotStored } from '../helpers/editing.js';
import { planWithEveryRole, type PlanWithEveryone } from '../helpers/plans.js';
import { connected, connectRealtime } from '../helpers/realtime-client.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { connectProvider, eventually, whenSynced, type TestProvider } from '../helpers/sync-client.js';

let server: TestServer;
let plan: PlanWithEveryone;
beforeAll(async () => {
	server = await startServer();
	plan = await planWithEveryRole(server.url);
});
afterAll(async () => server?.stop());

/** Item ids in `doc` written by `author`. */
function itemsBy(doc: Y.Doc, author: string): Set<string> {
	return new Set(SECTIONS.flatMap((section) => listItems(doc, section).filter((i) => i.author === author).map((i) => i.id)));
}

describe('crash safety', () => {
	it('loses nothing that was relayed when the server is killed mid-burst, and clients converge', async () => {
		const a = connectProvider(server.url, plan.boardId, plan.clients.person);
		const b = connectProvider(server.url, plan.boardId, plan.clients.clinician);
		await Promise.all([whenSynced(a.provider), whenSynced(b.provider)]);
		const aId = userId(server.dataDir, plan.emails.person);
		const bId = userId(server.dataDir, plan.emails.clinician);

		const stopA = keepEditing(a.doc, aId, 'Person');
		const stopB = keepEditing(b.doc, bId, 'Clinician');
		await eventually(() => itemsBy(b.doc, aId).size >= 20 && itemsBy(a.doc, bId).size >= 20, 'edits flowing both ways');
		await new Promise((r) => setTimeout(r, 150 + Math.random() * 200));
		await server.kill();
		// What each had received from the other at the moment of the crash, texts included.
		const receivedByB = Y.encodeStateAsUpdate(b.doc);
		const receivedByA = Y.encodeStateAsUpdate(a.doc);
		const known = [knowledgeOf(a.doc), knowledgeOf(b.doc)];
		const aFromB = itemsBy(a.doc, bId);
		const bFromA = itemsBy(b.doc, aId);
		// They keep editing while the server is down.
		await new Promise((r) => setTimeout(r, 200));
		stopA();
		stopB();

		await server.restart();
		const stored = storedDoc(server.dataDir, plan.boardId);
		expect(known.flatMap((k) => receivedButNotStored(k, stored))).toEqual([]);
		for (const id of aFromB) expect(itemsBy(stored, bId).has(id), `B's item ${id} that A had received`).toBe(true);
		for (const id of bFromA) expect(itemsBy(stored, aId).has(id), `A's item ${id} that B had received`).toBe(true);
		// Every character of every text a client had received from the other is stored too.
		for (const [received, authorOfOther] of [[receivedByA, bId], [receivedByB, aId]] as const) {
			const seen = new Y.Doc();
			Y.applyUpdate(seen, received);
			for (const section of SECTIONS) {
				for (const item of listItems(seen, section).filter((i) => i.author === authorOfOther)) {
					const storedItem = listItems(stored, section).find((i) => i.id === item.id);
					expect(storedItem, `stored ${item.id}`).toBeDefined();
					// Authors only type at the start, so stored text ends with all the other side had seen.
					expect(storedItem!.text.endsWith(item.text), `text of ${item.id}`).toBe(true);
				}
			}
		}

		// The providers reconnect by themselves and converge, offline edits included.
		await eventually(() => a.provider.wsconnected && b.provider.wsconnected, 'both reconnected', 15_000);
		await eventually(
			() => Buffer.from(Y.encodeStateVector(a.doc)).equals(Buffer.from(Y.encodeStateVector(b.doc))),
			'state vectors equal',
			15_000
		);
		for (const section of SECTIONS) expect(listItems(a.doc, section)).toEqual(listItems(b.doc, section));
		await eventually(
			() => SECTIONS.every((s) => listItems(storedDoc(server.dataDir, plan.boardId), s).length === listItems(a.doc, s).length),
			'server stored the offline edits'
		);
		a.destroy();
		b.destroy();
	});

	it('after SIGTERM the live channel comes back by itself when the server is back', async () => {
		// As a browser's channel: the stock client, reconnecting by itself, on each transport.
		const channels = [
			connectRealtime(server.url, plan.clients.person, {}, 'websocket', { reconnection: true }),
			connectRealtime(server.url, plan.clients.clinician, {}, 'polling', { reconnection: true })
		];
		const lost: string[][] = channels.map(() => []);
		channels.forEach((c, i) => c.socket.on('disconnect', (reason) => lost[i].push(reason)));
		await Promise.all(channels.map(connected));
		await server.stop();
		expect(server.output()).toMatch(/Stopped: everything pending was stored/);
		// Lost as a connection is, never socket.io's "io server disconnect" (which is final).
		await eventually(() => lost.every((reasons) => reasons.length > 0), 'both channels lost');
		for (const reasons of lost) for (const reason of reasons) expect(['transport close', 'transport error']).toContain(reason);
		await server.restart();
		await eventually(() => channels.every((c) => c.socket.connected), 'both channels back', 15_000);
		for (const c of channels) expect(await c.ask('plan:open', { boardId: plan.boardId })).toEqual({ ok: true });
		for (const c of channels) c.close();
	});
});
