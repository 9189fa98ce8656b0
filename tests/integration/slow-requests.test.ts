/**
 * Slowly-sent requests: 5,000 sockets each sending a sync upgrade's headers a byte at a time
 * are dropped once HEADERS_TIMEOUT_MS has passed, and while they hang a member still syncs and
 * /healthz still answers. The timeout is lowered through the environment so the test is quick.
 * Also: the server refuses to start with MAX_CONNECTIONS above its open-files limit.
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addItem, listItems } from '../../src/lib/board/index.js';
import { userId } from '../helpers/database.js';
import { planWithEveryRole, type PlanWithEveryone } from '../helpers/plans.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { connectProvider, eventually, whenSynced } from '../helpers/sync-client.js';

const SLOW = 5000;
const HEADERS_TIMEOUT_MS = 2000;
let server: TestServer;
let plan: PlanWithEveryone;

beforeAll(async () => {
	server = await startServer({ HEADERS_TIMEOUT_MS: String(HEADERS_TIMEOUT_MS), REQUEST_TIMEOUT_MS: String(HEADERS_TIMEOUT_MS) });
	plan = await planWithEveryRole(server.url);
});
afterAll(async () => server?.stop());

/** Opens a TCP socket that starts an upgrade to the sync endpoint and never finishes its headers. */
function slowUpgrade(path: string, closed: () => void): Promise<net.Socket> {
	return new Promise((resolve) => {
		const socket = net.connect(server.port, '127.0.0.1', () => {
			socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nX-Slow: `);
			resolve(socket);
		});
		socket.on('error', () => resolve(socket));
		socket.once('close', closed);
	});
}

/**
 * Keeps SLOW slow upgrades open: each one the server drops is replaced at once, as an attacker
 * would, so the member below syncs while all of them hang. Records how long each one lived.
 */
function slowAttack(path: string) {
	const sockets = new Set<net.Socket>();
	const lifetimes: number[] = [];
	let running = true;
	const open = async (): Promise<void> => {
		const since = Date.now();
		const socket = await slowUpgrade(path, () => {
			sockets.delete(socket);
			if (!running) return;
			lifetimes.push(Date.now() - since);
			void open();
		});
		if (running) sockets.add(socket);
		else socket.destroy();
	};
	// One more byte of header every 200 ms on every socket: never finishing.
	const drip = setInterval(() => {
		for (const socket of sockets) if (!socket.destroyed) socket.write('a');
	}, 200);
	return {
		sockets,
		lifetimes,
		async start() {
			for (let i = 0; i < SLOW; i += 500) await Promise.all(Array.from({ length: 500 }, open));
		},
		stop() {
			running = false;
			clearInterval(drip);
			for (const socket of sockets) socket.destroy();
		}
	};
}

describe('slowly-sent requests', () => {
	it(`drops upgrades sent a byte at a time, while ${SLOW} of them hang a member still syncs and /healthz answers`, async () => {
		const attack = slowAttack(`/yjs/${plan.boardId}`);
		try {
			await attack.start();
			const person = connectProvider(server.url, plan.boardId, plan.clients.person);
			const clinician = connectProvider(server.url, plan.boardId, plan.clients.clinician);
			try {
				await Promise.all([whenSynced(person.provider), whenSynced(clinician.provider)]);
				addItem(person.doc, 'notes', { author: userId(server.dataDir, plan.emails.person), text: 'Synced among slow sockets' });
				await eventually(() => listItems(clinician.doc, 'notes').some((i) => i.text === 'Synced among slow sockets'), 'relay');
				expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
			} finally {
				person.destroy();
				clinician.destroy();
			}
			// The server drops them once the headers timeout has passed (checked every quarter of it).
			await eventually(() => attack.lifetimes.length >= SLOW, `${SLOW} slow sockets dropped`, HEADERS_TIMEOUT_MS + 10_000);
			expect(Math.min(...attack.lifetimes)).toBeGreaterThanOrEqual(HEADERS_TIMEOUT_MS - 100);
		} finally {
			attack.stop();
		}
	});

	it('refuses to start with MAX_CONNECTIONS above the open-files limit, naming the variable', async () => {
		await expect(startServer({ MAX_CONNECTIONS: '100000000' })).rejects.toThrow(/MAX_CONNECTIONS must be/);
	});
});
