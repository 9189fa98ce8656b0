/**
 * Caps on sync sockets: per account and per client address, each refused with HTTP 429 before
 * the WebSocket handshake (the stock client retries later, with backoff), while every other
 * member carries on. Caps are lowered through the environment so the test stays quick.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import net from 'node:net';
import WebSocket from 'ws';
import { addItem, listItems } from '../../src/lib/board/index.js';
import { userId } from '../helpers/database.js';
import { signedUp, type Client } from '../helpers/http-client.js';
import { accept, invite, planWithEveryRole, type PlanWithEveryone } from '../helpers/plans.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { connectProvider, eventually, whenSynced, wsBase, type TestProvider } from '../helpers/sync-client.js';

const PER_ACCOUNT = 20;
const PER_ADDRESS = 30;
let server: TestServer;
let plan: PlanWithEveryone;
let honest: TestProvider[] = [];

beforeAll(async () => {
	server = await startServer({ SYNC_MAX_SOCKETS_PER_ACCOUNT: String(PER_ACCOUNT), SYNC_MAX_SOCKETS_PER_ADDRESS: String(PER_ADDRESS) });
	plan = await planWithEveryRole(server.url);
	honest = [connectProvider(server.url, plan.boardId, plan.clients.person), connectProvider(server.url, plan.boardId, plan.clients.clinician)];
	await Promise.all(honest.map((h) => whenSynced(h.provider)));
});
afterAll(async () => {
	for (const h of honest) h.destroy();
	await server?.stop();
});

type Outcome = { socket: WebSocket; result: 'open' | number };

/** Opens one raw sync socket from `localAddress` (any 127.x.y.z reaches this machine). */
function openSocket(client: Client, localAddress: string): Promise<Outcome> {
	return new Promise((resolve) => {
		const socket = new WebSocket(`${wsBase(server.url)}/${plan.boardId}`, { headers: { cookie: client.cookieHeader() }, localAddress });
		socket.once('open', () => resolve({ socket, result: 'open' }));
		socket.once('unexpected-response', (_req, res) => {
			resolve({ socket, result: res.statusCode ?? 0 });
			res.resume();
		});
		socket.once('error', () => resolve({ socket, result: -1 }));
	});
}

/** Opens `total` sockets, `batch` at a time, so the test stays bounded. */
async function openMany(total: number, batch: number, open: (i: number) => Promise<Outcome>): Promise<Outcome[]> {
	const outcomes: Outcome[] = [];
	for (let start = 0; start < total; start += batch) {
		outcomes.push(...(await Promise.all(Array.from({ length: Math.min(batch, total - start) }, (_, k) => open(start + k)))));
	}
	return outcomes;
}

function closeAll(outcomes: Outcome[]): void {
	for (const { socket } of outcomes) socket.terminate();
}

async function membersStillSync(text: string): Promise<void> {
	addItem(honest[0].doc, 'notes', { author: userId(server.dataDir, plan.emails.person), text });
	await eventually(() => listItems(honest[1].doc, 'notes').some((i) => i.text === text), `relay of "${text}"`);
	expect(honest.every((h) => h.provider.wsconnected)).toBe(true);
}

describe('connection caps', () => {
	it(`refuses an account's sockets beyond ${PER_ACCOUNT} with 429, out of 3,000, while other members sync`, async () => {
		const flooder = plan.clients.peer_advocate;
		// Spread over many addresses, so only the account cap is at work here.
		const flood = openMany(3000, 250, (i) => openSocket(flooder, `127.0.${1 + (i % 200)}.${1 + Math.floor(i / 200)}`));
		await membersStillSync('Synced during the flood of one account');
		const outcomes = await flood;
		{
			const opened = outcomes.filter((o) => o.result === 'open').length;
			const refused = outcomes.filter((o) => o.result === 429).length;
			expect({ opened, refused }).toEqual({ opened: PER_ACCOUNT, refused: 3000 - PER_ACCOUNT });
			await membersStillSync('Synced after the flood of one account');
			expect(server.output()).toContain('too many for one account');
		}
		// The stock client, refused with 429, keeps retrying with backoff and gets in once places free up.
		const late = connectProvider(server.url, plan.boardId, flooder);
		try {
			await new Promise((r) => setTimeout(r, 500));
			expect(late.provider.synced).toBe(false);
			closeAll(outcomes);
			await whenSynced(late.provider);
		} finally {
			late.destroy();
		}
	});

	it(`refuses one address's sockets beyond ${PER_ADDRESS} with 429, whoever signs in, while members elsewhere sync`, async () => {
		const accounts = await Promise.all(
			['Ann', 'Ben', 'Cat'].map(async (name) => {
				const account = await signedUp(server.url, `${name} Sharing`);
				await accept(account.client, await invite(plan.clients.person, plan.boardId, 'supporter', name));
				return account.client;
			})
		);
		// Three accounts at one clinic address: 3 × 15 = 45 wanted, 30 allowed.
		const outcomes = await openMany(45, 15, (i) => openSocket(accounts[i % 3], '127.0.0.2'));
		try {
			expect(outcomes.filter((o) => o.result === 'open')).toHaveLength(PER_ADDRESS);
			expect(outcomes.filter((o) => o.result === 429)).toHaveLength(45 - PER_ADDRESS);
			await membersStillSync('Synced while one address is full');
			expect(server.output()).toContain('too many from one address');
		} finally {
			closeAll(outcomes);
		}
	});

	it('sockets without a session take no place under the address cap, even if they never answer the close', async () => {
		// Raw upgrades that read the 101 and then ignore everything, from the clinic's address.
		const silent = await Promise.all(
			Array.from({ length: PER_ADDRESS + 10 }, () =>
				new Promise<net.Socket>((resolve) => {
					const socket = net.connect({ port: server.port, host: '127.0.0.1', localAddress: '127.0.0.3' }, () => {
						socket.write(`GET /yjs/${plan.boardId} HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`);
						socket.once('data', () => resolve(socket));
					});
					socket.on('error', () => undefined);
				})
			)
		);
		try {
			// A member at the same address still gets in.
			const member = await openSocket(plan.clients.person, '127.0.0.3');
			expect(member.result).toBe('open');
			member.socket.terminate();
		} finally {
			for (const socket of silent) socket.destroy();
		}
	});
});
