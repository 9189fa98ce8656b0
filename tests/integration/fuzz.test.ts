/**
 * 10,000 hostile frames, sent as a member who may write, against a live board with two honest
 * clients connected. The server stays up, the honest clients keep syncing, the stored board
 * is exactly what the honest clients wrote, and every bad connection is closed alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { addItem, listItems, SECTION_KEYS, validateBoardShape } from '../../src/lib/board/index.js';
import { CloseCode } from '../../src/lib/protocol/close-codes.js';
import { storedDoc, userId } from '../helpers/database.js';
import { frameGenerator, type FrameKind } from '../helpers/fuzz-frames.js';
import { planWithEveryRole, type PlanWithEveryone } from '../helpers/plans.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { connectProvider, eventually, whenSynced, wsBase } from '../helpers/sync-client.js';

const FRAMES = Number(process.env.FUZZ_FRAMES ?? 10_000);
const PARALLEL = 6;
const MAX_FRAME = 64 * 1024;

let server: TestServer;
let plan: PlanWithEveryone;
beforeAll(async () => {
	// A smaller frame limit keeps the oversized frames quick to send; the logic is the same.
	server = await startServer({ SYNC_MAX_FRAME_BYTES: String(MAX_FRAME), LOG_LEVEL: 'error' });
	plan = await planWithEveryRole(server.url);
});
afterAll(async () => server?.stop());

/** One fuzzing connection: sends frames until the server closes it; returns frames sent and the close code. */
function fuzzConnection(next: () => { kind: FrameKind; bytes: Uint8Array } | null, cookie: string, sent: Record<string, number>): Promise<number> {
	return new Promise((resolve, reject) => {
		const socket = new WebSocket(`${wsBase(server.url)}/${plan.boardId}`, { headers: { cookie } });
		const frames: string[] = [];
		const watchdog = setTimeout(() => {
			socket.terminate();
			reject(new Error(`the server did not answer within 10 s after: ${frames.join(', ')}`));
		}, 10_000);
		socket.on('error', () => undefined);
		socket.on('close', (code) => {
			clearTimeout(watchdog);
			resolve(code);
		});
		socket.on('open', async () => {
			// A few frames per connection, then wait briefly for the server's verdict.
			for (let i = 0; i < 5 && socket.readyState === WebSocket.OPEN; i++) {
				const frame = next();
				if (!frame) break;
				socket.send(frame.bytes);
				frames.push(`${frame.kind}:${Buffer.from(frame.bytes.slice(0, 64)).toString('hex')}`);
				sent[frame.kind] = (sent[frame.kind] ?? 0) + 1;
				await new Promise((r) => setImmediate(r));
			}
			setTimeout(() => socket.close(1000), 50);
		});
	});
}

describe('fuzzing the sync endpoint', () => {
	it(`survives ${FRAMES.toLocaleString('en-GB')} hostile frames with honest clients unharmed`, { timeout: 240_000 }, async () => {
		const person = connectProvider(server.url, plan.boardId, plan.clients.person);
		const clinician = connectProvider(server.url, plan.boardId, plan.clients.clinician);
		await Promise.all([whenSynced(person.provider), whenSynced(clinician.provider)]);
		const personId = userId(server.dataDir, plan.emails.person);
		const clinicianId = userId(server.dataDir, plan.emails.clinician);
		addItem(person.doc, 'matters', { author: personId, text: 'Before the storm' });
		await eventually(() => listItems(clinician.doc, 'matters').length === 1, 'first item relayed');

		const generate = frameGenerator(Number(process.env.FUZZ_SEED ?? 20261122), MAX_FRAME, userId(server.dataDir, plan.emails.peer_advocate));
		let remaining = FRAMES;
		const next = () => (remaining-- > 0 ? generate() : null);
		const sent: Record<string, number> = {};
		const codes = new Map<number, number>();
		const cookie = plan.clients.peer_advocate.cookieHeader();

		// Honest editing goes on throughout, and must keep flowing.
		let honest = 0;
		const honestTimer = setInterval(() => {
			const [doc, author] = honest % 2 ? [clinician.doc, clinicianId] : [person.doc, personId];
			addItem(doc, 'notes', { author, text: `Honest note ${honest++}` });
		}, 100);

		const workers = Array.from({ length: PARALLEL }, async () => {
			while (remaining > 0) {
				const code = await fuzzConnection(next, cookie, sent);
				codes.set(code, (codes.get(code) ?? 0) + 1);
				// 1006 is a connection dropped without a close frame: the server must never do that.
				if (code === 1006) throw new Error(`connection dropped; server said:\n${server.output().slice(-3000)}`);
			}
		});
		await Promise.all(workers);
		clearInterval(honestTimer);

		const total = Object.values(sent).reduce((a, b) => a + b, 0);
		expect(total).toBe(FRAMES);
		// Bad connections were closed with named codes.
		expect(codes.get(CloseCode.Malformed)).toBeGreaterThan(FRAMES / 10);
		expect(codes.get(CloseCode.TooLarge) ?? 0).toBeGreaterThan(0);
		expect(sent['item-junk']).toBeGreaterThan(FRAMES / 20);
		expect(codes.get(CloseCode.Refused)).toBeGreaterThan(FRAMES / 100);
		expect((await fetch(`${server.url}/healthz`)).status).toBe(200);

		// Honest clients still sync both ways, and agree.
		addItem(clinician.doc, 'strengths', { author: clinicianId, text: 'After the storm' });
		await eventually(() => listItems(person.doc, 'strengths').length === 1, 'relay still works');
		await eventually(() => listItems(person.doc, 'notes').length === honest && listItems(clinician.doc, 'notes').length === honest, 'all honest notes on both');

		// Stored board: exactly the honest content, and nothing off-schema.
		await eventually(() => listItems(storedDoc(server.dataDir, plan.boardId), 'notes').length === honest, 'honest notes stored');
		const stored = storedDoc(server.dataDir, plan.boardId);
		for (const section of SECTION_KEYS) expect(listItems(stored, section), section).toEqual(listItems(person.doc, section));
		expect(validateBoardShape(stored)).toEqual([]);
		expect([...stored.share.keys()].every((name) => name === 'meta' || name.startsWith('section:'))).toBe(true);
		person.destroy();
		clinician.destroy();
		console.log('fuzz frames by kind', sent, 'close codes', Object.fromEntries(codes));
	});
});
