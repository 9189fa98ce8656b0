/**
 * One load process: clients on boards, each editing its board's shared item at a steady rate,
 * every receipt timed. bench/load-processes.ts runs several, each with its own boards, and is
 * their one clock: it says when to start typing, when to measure and when to stop (over IPC).
 *   node --import tsx bench/load.ts <plan.json>   (as a child with an IPC channel)
 */
import fs from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import { addItem, getItemText, listItems } from '../src/lib/board/index.js';
import { caretToken } from '../src/lib/board/caret.js';
import { summariseEventLoopDelay, EVENT_LOOP_RESOLUTION_MS, type EventLoopDelay } from '../server/diagnostics.js';
import { crossInstanceLatencies, latencies, madeAt, measuring, ProtocolClient, setMeasuring, updateKey } from './protocol-client.js';
import type { Summary } from './stats.js';

export interface LoadPlan {
	wsBase: string;
	/** With several instances: each board's clients are spread over these, in turn (wsBase unused). */
	wsBases?: string[];
	boards: { id: string; tokens: string[]; userIds: string[] }[];
	probeBoards: { id: string; tokens: string[]; userIds: string[] }[];
	updatesPerSecond: number;
	warmupSeconds: number;
	measureSeconds: number;
	/** Presence and caret updates each client sends per second (0: none). */
	presencePerClient?: number;
	/** How many of each board's clients type (the first ones); the others only read. Default: all. */
	typistsPerBoard?: number;
}

/** What the parent tells a load process, in order. */
export type LoadCommand = 'go' | 'measure' | 'stop';

/** What one load process measured: raw samples, so the parent can merge them. */
export interface LoadPartResult {
	clients: number;
	boards: number;
	updatesSent: number;
	expectedReceipts: number;
	latencies: number[];
	crossInstanceLatencies: number[];
	probeLatencies: number[];
	connectSeconds: number;
	errors: number;
	presenceSent: number;
	measuredSeconds: number;
	/** This process's own CPU while measuring (% of one core). */
	cpuPercent: number;
	/** How late this process's event loop ran while measuring: its receipts are late by as much. */
	eventLoopDelayMs: EventLoopDelay;
}

/** One load process's own cost while measuring. */
export interface LoadProcessUsage {
	clients: number;
	cpuPercent: number;
	eventLoopDelayMs: EventLoopDelay;
	/** Shorter than asked: its event loop was held up when told to start or stop measuring. */
	measuredSeconds: number;
}

/** The merged result of every load process. */
export interface LoadResult {
	clients: number;
	boards: number;
	updatesSent: number;
	updatesPerSecond: number;
	receipts: number;
	expectedReceipts: number;
	propagationMs: Summary;
	/** Receipts on another instance than the sender's (empty with one instance). */
	crossInstanceMs: Summary;
	probeMs: Summary;
	connectSeconds: number;
	errors: number;
	presenceSent: number;
	presencePerSecond: number;
	/** The load generator's CPU while measuring, all its processes together (% of one core). */
	loadCpuPercent: number;
	/** Each load process on its own: near 100 % CPU or a late event loop, it was the limit. */
	loadProcesses: LoadProcessUsage[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const DRAIN_MAX_MS = 10_000;

/** Everyone on a board edits one shared note; the first client makes it, as its member. */
async function connectAll(plan: LoadPlan): Promise<ProtocolClient[][]> {
	const boards: ProtocolClient[][] = [];
	for (let i = 0; i < plan.boards.length; i += 25) {
		// Connect in waves, as people arrive, not all in one instant.
		const wave = plan.boards.slice(i, i + 25).map(async (board) => {
			const bases = plan.wsBases ?? [plan.wsBase];
			const clients = board.tokens.map((token, c) => new ProtocolClient(`${bases[c % bases.length]}/${board.id}`, `wm_session=${token}`, c % bases.length));
			await Promise.all(clients.map((c) => c.connect()));
			return clients;
		});
		boards.push(...(await Promise.all(wave)));
	}
	return boards;
}

async function prepareSharedItem(clients: ProtocolClient[], author: string): Promise<string> {
	addItem(clients[0].doc, 'notes', { author, text: 'Shared note ' });
	const deadline = Date.now() + 20_000;
	while (!clients.every((c) => listItems(c.doc, 'notes').length > 0)) {
		if (Date.now() > deadline) throw new Error('shared item did not reach every client');
		await sleep(20);
	}
	return listItems(clients[0].doc, 'notes')[0].id;
}

function typeOneCharacter(doc: Y.Doc, itemId: string): void {
	const text = getItemText(doc, 'notes', itemId);
	if (text) text.insert(Math.floor(Math.random() * (text.length + 1)), 'x');
}

/** Two stock WebsocketProviders per probe board: one types ten times a second, one listens. */
function startProbes(plan: LoadPlan): { stop(): void; samples: number[] } {
	const samples: number[] = [];
	const providers: WebsocketProvider[] = [];
	const timers: NodeJS.Timeout[] = [];
	for (const board of plan.probeBoards) {
		const bases = plan.wsBases ?? [plan.wsBase];
		// With several instances the probe's reader is on another instance than its writer.
		const [writer, reader] = board.tokens.map((token, c) => {
			const cookie = `wm_session=${token}`;
			const Socket = class extends WebSocket {
				constructor(url: string | URL, protocols?: string | string[]) {
					super(url, protocols, { headers: { cookie } });
				}
			};
			const provider = new WebsocketProvider(bases[c % bases.length], board.id, new Y.Doc(), { WebSocketPolyfill: Socket as never, disableBc: true });
			providers.push(provider);
			return provider;
		});
		reader.doc.on('update', (update: Uint8Array, origin: unknown) => {
			if (origin !== reader) return;
			const key = updateKey(update);
			const made = key ? madeAt.get(key) : undefined;
			if (made !== undefined && measuring) samples.push(performance.now() - made);
		});
		writer.on('sync', (synced: boolean) => {
			if (!synced || timers.length >= plan.probeBoards.length) return;
			const id = addItem(writer.doc, 'notes', { author: board.userIds[0], text: 'Probe ' });
			timers.push(setInterval(() => typeOneCharacter(writer.doc, id), 100));
		});
		writer.doc.on('update', (update: Uint8Array, origin: unknown) => {
			if (origin === writer) return;
			const key = updateKey(update);
			if (key) madeAt.set(key, performance.now());
		});
	}
	return {
		samples,
		stop() {
			for (const timer of timers) clearInterval(timer);
			for (const provider of providers) provider.destroy();
		}
	};
}

/** A few presence states per client (carets at different places), made again every second. */
const PRESENCE_VARIANTS = 4;
const presenceStates = new Map<ProtocolClient, { madeAt: number; json: string[]; next: number }>();

/**
 * One presence update as the board sends it: the section in view, the item, the field and the
 * caret. The states are made ahead, so the load generator's own work does not crowd the
 * machine the server shares with it; the server still gets a changed caret every time.
 */
function sendPresence(client: ProtocolClient, itemId: string): void {
	let cached = presenceStates.get(client);
	const now = performance.now();
	if (!cached || now - cached.madeAt > 1000) {
		const text = getItemText(client.doc, 'notes', itemId);
		if (!text) return;
		const json = Array.from({ length: PRESENCE_VARIANTS }, (_, i) => {
			const at = Math.floor(((i + Math.random()) / PRESENCE_VARIANTS) * (text.length + 1));
			const caret = { anchor: caretToken(text, at), head: caretToken(text, at) };
			return JSON.stringify({ user: { id: 'claimed', name: 'claimed', role: 'person' }, viewing: 'notes', editing: { section: 'notes', itemId, field: 'text', caret }, drafting: null });
		});
		cached = { madeAt: now, json, next: 0 };
		presenceStates.set(client, cached);
	}
	client.sendPresenceJson(cached.json[cached.next++ % PRESENCE_VARIANTS]!);
}

/** Resolves on the parent's next command of this kind. */
function command(kind: LoadCommand): Promise<void> {
	return new Promise((resolve) => {
		const listener = (message: unknown) => {
			if (message !== kind) return;
			process.off('message', listener);
			resolve();
		};
		process.on('message', listener);
	});
}

async function run(plan: LoadPlan): Promise<LoadPartResult> {
	const go = command('go');
	const measure = command('measure');
	const stop = command('stop');
	const started = performance.now();
	const boards = await connectAll(plan);
	const connectSeconds = (performance.now() - started) / 1000;
	const items = await Promise.all(boards.map((clients, b) => prepareSharedItem(clients, plan.boards[b].userIds[0])));
	const probes = startProbes(plan);
	process.send!({ type: 'ready' });
	await go;

	const readers = boards.flatMap((clientsOfBoard, b) => clientsOfBoard.map((client) => ({ client, item: items[b] })));
	const typistsPerBoard = plan.typistsPerBoard ?? Infinity;
	const typists = boards.flatMap((clientsOfBoard, b) => clientsOfBoard.slice(0, typistsPerBoard).map((client) => ({ client, item: items[b], peers: clientsOfBoard.length - 1 })));
	// Those who only read need not keep their copy up to date (without presence, which reads it).
	if (!plan.presencePerClient) for (const clientsOfBoard of boards) for (const reader of clientsOfBoard.slice(typistsPerBoard)) reader.applyUpdates = false;
	let sent = 0;
	let expected = 0;
	let presenceSent = 0;
	const presenceInterval = plan.presencePerClient ? 1000 / (plan.presencePerClient * readers.length) : Infinity;
	let nextPresence = performance.now();
	let presenceTurn = 0;
	let measuringNow = false;
	const interval = 1000 / plan.updatesPerSecond;
	let next = performance.now();
	let turn = 0;
	// One steady clock for the whole process, so the rate is exact; each tick a different typist types.
	const ticker = setInterval(() => {
		const now = performance.now();
		while (typists.length && next <= now) {
			const { client, item, peers } = typists[(turn++ * 7919) % typists.length];
			typeOneCharacter(client.doc, item);
			if (measuringNow) {
				sent++;
				expected += peers;
			}
			next += interval;
		}
		// Each client in turn says where it is and where its caret is, at its throttled rate.
		while (plan.presencePerClient && nextPresence <= now) {
			const { client, item } = readers[presenceTurn++ % readers.length];
			sendPresence(client, item);
			if (measuringNow) presenceSent++;
			nextPresence += presenceInterval;
		}
	}, 1);

	await measure;
	measuringNow = true;
	setMeasuring(true);
	const loopDelay = monitorEventLoopDelay({ resolution: EVENT_LOOP_RESOLUTION_MS });
	loopDelay.enable();
	const measureStart = performance.now();
	const cpuStart = process.cpuUsage();
	await stop;
	const cpu = process.cpuUsage(cpuStart);
	loopDelay.disable();
	measuringNow = false;
	const measured = (performance.now() - measureStart) / 1000;
	clearInterval(ticker);
	// Let the last receipts arrive before counting: a second, and longer (up to ten) while some are missing.
	const drainUntil = performance.now() + DRAIN_MAX_MS;
	await sleep(1000);
	while (latencies.length < expected && performance.now() < drainUntil) await sleep(50);
	setMeasuring(false);
	probes.stop();
	const errors = boards.flat().filter((c) => c.closedWith !== null).length;
	for (const client of boards.flat()) client.close();
	return {
		clients: readers.length,
		boards: boards.length,
		updatesSent: sent,
		expectedReceipts: expected,
		latencies,
		crossInstanceLatencies,
		probeLatencies: probes.samples,
		connectSeconds,
		errors,
		presenceSent,
		measuredSeconds: measured,
		cpuPercent: ((cpu.user + cpu.system) / 1e6 / measured) * 100,
		eventLoopDelayMs: summariseEventLoopDelay(loopDelay)
	};
}

const plan = JSON.parse(fs.readFileSync(process.argv[2], 'utf8')) as LoadPlan;
run(plan)
	.then((result) => process.send!({ type: 'result', result }, () => process.exit(0)))
	.catch((error) => {
		console.error(error);
		process.exit(1);
	});
