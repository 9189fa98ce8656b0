/**
 * Connection limits: a too-fast or oversized connection is closed alone, with its named code
 * and a log line; every other connection and the stored board carry on unchanged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { addItem, listItems } from '../../src/lib/board/index.js';
import { CloseCode } from '../../src/lib/protocol/close-codes.js';
import { storedDoc, userId } from '../helpers/database.js';
import { planWithEveryRole, type PlanWithEveryone } from '../helpers/plans.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { connectProvider, eventually, whenSynced, wsBase, type TestProvider } from '../helpers/sync-client.js';

let server: TestServer;
let plan: PlanWithEveryone;
let honest: TestProvider[];
beforeAll(async () => {
	server = await startServer({ SYNC_MESSAGES_PER_SECOND: '20', SYNC_MESSAGE_BURST: '50' });
	plan = await planWithEveryRole(server.url);
	honest = [connectProvider(server.url, plan.boardId, plan.clients.person), connectProvider(server.url, plan.boardId, plan.clients.clinician)];
	await Promise.all(honest.map((h) => whenSynced(h.provider)));
});
afterAll(async () => {
	for (const h of honest ?? []) h.destroy();
	await server?.stop();
});

/** Opens a writer's raw socket, sends `frames`, and resolves with the close code. */
function flood(frames: Uint8Array[]): Promise<number> {
	return new Promise((resolve, reject) => {
		const socket = new WebSocket(`${wsBase(server.url)}/${plan.boardId}`, { headers: { cookie: plan.clients.peer_advocate.cookieHeader() } });
		socket.on('open', () => frames.forEach((frame) => socket.send(frame)));
		socket.on('close', (code) => resolve(code));
		socket.on('error', reject);
	});
}

async function honestStillWorks(text: string): Promise<void> {
	const personId = userId(server.dataDir, plan.emails.person);
	addItem(honest[0].doc, 'notes', { author: personId, text });
	await eventually(() => listItems(honest[1].doc, 'notes').some((i) => i.text === text), `relay of "${text}"`);
	expect(honest.every((h) => h.provider.wsconnected)).toBe(true);
}

describe('limits', () => {
	it('closes a connection that sends too many messages too fast with RateLimited, and only it', async () => {
		const queryAwareness = Uint8Array.of(3);
		expect(await flood(Array.from({ length: 200 }, () => queryAwareness))).toBe(CloseCode.RateLimited);
		expect(server.output()).toMatch(/Closed a sync connection.*"code":4429/);
		await honestStillWorks('After the flood');
	});

	it('closes a connection that sends a frame over the size limit with TooLarge, and only it', async () => {
		const before = listItems(storedDoc(server.dataDir, plan.boardId), 'notes').length;
		expect(await flood([new Uint8Array(1024 * 1024 + 1)])).toBe(CloseCode.TooLarge);
		expect(server.output()).toMatch(/Closed a sync connection.*"code":1009/);
		await honestStillWorks('After the big frame');
		expect(listItems(storedDoc(server.dataDir, plan.boardId), 'notes')).toHaveLength(before + 1);
	});
});
