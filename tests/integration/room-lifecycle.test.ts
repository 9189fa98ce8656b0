/**
 * Loading, joining and closing a board are one lifecycle: a socket that joins while another
 * socket's departure closes the room must land in a live room, so its edits are stored and
 * relayed. Storage loads are held at a gate so the race happens every time.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import WebSocket from 'ws';
import { addItem, listItems } from '../../src/lib/board/index.js';
import type { Services } from '../../src/lib/server/services.js';
import { loadConfig } from '../../server/config.js';
import { createServices } from '../../server/services.js';
import { attachRealtime, type Realtime } from '../../server/attach.js';
import * as Y from 'yjs';
import type { Client } from '../helpers/http-client.js';
import { tempDir } from '../helpers/server.js';
import { connectProvider, eventually, whenSynced, wsBase } from '../helpers/sync-client.js';

const BOARD = 'lifecycleboardaaaaaa';
let services: Services;
let server: http.Server;
let realtime: Realtime;
let url: string;
let cookie: string;
let openGate: () => void = () => {};

beforeAll(async () => {
	services = await createServices(loadConfig({ DATA_DIR: tempDir(), LOG_LEVEL: 'error' }));
	const { storage } = services;
	await storage.users.create({ id: 'pat', email: 'pat@example.org', name: 'Pat', passwordHash: 'x', createdAt: 0 });
	await storage.boards.create({ id: BOARD, personName: 'Pat', ownerId: 'pat', createdBy: 'pat', createdAt: Date.now() }, 'person', {
		at: Date.now(),
		actorId: 'pat',
		boardId: BOARD,
		action: 'board.created',
		detail: {}
	});
	cookie = `wm_session=${(await services.sessions.create('pat')).token}`;
	// Every load of the board waits until the test opens the gate.
	const load = storage.docs.load.bind(storage.docs);
	let gate = Promise.resolve();
	storage.docs.load = async (boardId) => {
		await gate;
		return load(boardId);
	};
	server = http.createServer();
	realtime = await attachRealtime(server, services);
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	gate = new Promise((resolve) => (openGate = resolve));
});
afterAll(async () => {
	openGate();
	await realtime?.close();
	server?.close();
	await services?.storage.close();
});

it('a socket joining while the last one leaves a loading board gets a live room', async () => {
	// The first socket starts the load and goes away before it finishes.
	const first = new WebSocket(`${wsBase(url)}/${BOARD}`, { headers: { cookie } });
	await new Promise((resolve) => first.once('open', resolve));

	// The second arrives while the board is still loading.
	const second = connectProvider(url, BOARD, { cookieHeader: () => cookie } as Client);
	await new Promise((resolve) => setTimeout(resolve, 300));
	first.close();
	await new Promise((resolve) => first.once('close', resolve));
	openGate();

	await whenSynced(second.provider);
	addItem(second.doc, 'notes', { author: 'pat', text: 'Written in the race' });
	// Served to a third socket, and stored: the room it joined was live.
	const third = connectProvider(url, BOARD, { cookieHeader: () => cookie } as Client);
	await whenSynced(third.provider);
	await eventually(() => listItems(third.doc, 'notes').some((i) => i.text === 'Written in the race'), 'the edit reached a third socket');
	const stored = await services.storage.docs.load(BOARD);
	const doc = new Y.Doc();
	for (const update of [stored.snapshot, ...stored.updates]) if (update) Y.applyUpdate(doc, update);
	expect(listItems(doc, 'notes').map((i) => i.text)).toContain('Written in the race');
	second.destroy();
	third.destroy();
});
