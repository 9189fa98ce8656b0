/**
 * A new client syncing a large plan (ten sections of 500 items): the time from connecting to
 * synced, on loopback. Ours is timed twice: "cold", the plan loaded from storage for this client
 * (no one else has it open), and "warm", while another client has it open. The reference
 * stores nothing, so a first client pushes it the same document and stays; then new clients
 * are timed, as ours warm.
 */
import * as Y from 'yjs';
import { BOARD_SECTION_KEYS, listItems } from '../src/lib/board/index.js';
import { SESSION_COOKIE } from '../src/lib/server/auth/sessions.js';
import { ITEMS_PER_SECTION } from './large-plan.js';
import { ProtocolClient } from './protocol-client.js';
import type { SeededBoard } from './seed.js';
import { freePort, stopServer, waitForHealth, type ServerStart } from './servers.js';
import { percentile } from './stats.js';

const SAMPLES = 7;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface SyncTiming {
	median: number;
	max: number;
	samples: number;
}

export interface SyncRun {
	items: number;
	documentBytes: number;
	oursCold: SyncTiming;
	oursWarm: SyncTiming;
	reference: SyncTiming;
}

const hasWholePlan = (doc: Y.Doc) => BOARD_SECTION_KEYS.every((section) => listItems(doc, section).length === ITEMS_PER_SECTION);

/** One new client, from opening its socket to its first sync answered; checks it got every item. */
async function timeNewClient(url: string, cookie: string): Promise<number> {
	const client = new ProtocolClient(url, cookie);
	const started = performance.now();
	await client.connect();
	const ms = performance.now() - started;
	client.close();
	if (!hasWholePlan(client.doc)) throw new Error('the new client did not get the whole plan');
	client.doc.destroy();
	return ms;
}

async function timeSamples(url: string, cookie: string, between: number): Promise<SyncTiming> {
	const times: number[] = [];
	for (let i = 0; i < SAMPLES; i++) {
		times.push(await timeNewClient(url, cookie));
		// Cold: long enough for the room to be unloaded once its last client has gone.
		await sleep(between);
	}
	times.sort((a, b) => a - b);
	return { median: percentile(times, 50), max: times.at(-1)!, samples: times.length };
}

async function withServer<T>(start: ServerStart, measure: (wsBase: string) => Promise<T>): Promise<T> {
	const port = freePort();
	const server = start(port, { env: {}, nodeArgs: [] });
	try {
		await waitForHealth(`http://127.0.0.1:${port}/healthz`, server);
		return await measure(`ws://127.0.0.1:${port}/yjs`);
	} finally {
		await stopServer(server);
	}
}

/** Times new clients on ours (the plan stored for `board`) and on the reference (pushed `state`). */
export async function measureLargePlanSync(board: SeededBoard, state: Uint8Array, ours: ServerStart, reference: ServerStart): Promise<SyncRun> {
	const cookie = `${SESSION_COOKIE}=${board.tokens[0]}`;
	console.log(`  large plan: a new client syncing ${BOARD_SECTION_KEYS.length} sections of ${ITEMS_PER_SECTION} items (${Math.round(state.byteLength / 1024)} KiB), ours and the reference…`);
	const [oursCold, oursWarm] = await withServer(ours, async (wsBase) => {
		const url = `${wsBase}/${board.id}`;
		const cold = await timeSamples(url, cookie, 300);
		const holder = new ProtocolClient(url, cookie);
		await holder.connect();
		const warm = await timeSamples(url, cookie, 50);
		holder.close();
		return [cold, warm];
	});
	const referenceTiming = await withServer(reference, async (wsBase) => {
		const url = `${wsBase}/${board.id}`;
		const pusher = new ProtocolClient(url, cookie);
		await pusher.connect();
		Y.applyUpdate(pusher.doc, state);
		// The reference does not acknowledge: wait until a new client gets the whole plan.
		for (let tries = 0; ; tries++) {
			try {
				await timeNewClient(url, cookie);
				break;
			} catch (error) {
				if (tries > 50) throw error;
				await sleep(100);
			}
		}
		const timing = await timeSamples(url, cookie, 50);
		pusher.close();
		return timing;
	});
	return { items: BOARD_SECTION_KEYS.length * ITEMS_PER_SECTION, documentBytes: state.byteLength, oursCold, oursWarm, reference: referenceTiming };
}
