/**
 * The board on a slow connection: Chromium throttled to a poor mobile connection and a slow
 * phone opens an empty plan and a full one (ten sections, 200 items), cold, a few times each,
 * and we take the medians of the time to a live, editable board and of the bytes it took.
 * Needs the built app. Alone: `npm run bench:slow` (builds, prints JSON and a table, and writes
 * its section of docs/benchmarks.md); `--no-write` leaves the docs alone.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { SECTIONS } from '../src/lib/board/index.js';
import { startBuiltServer } from './built-server.js';
import { openThrottled, THROTTLE, type BytesSent, type PageRun, type Timeline } from './slow-connection-page.js';
import { seedPlans } from './slow-connection-seed.js';
import { describeMachine, slowConnectionTable, writeSlowConnectionSection } from './slow-connection-report.js';
import { percentile } from './stats.js';

export interface PlanOpen {
	readableMs: number;
	scriptsMs: number;
	liveMs: number;
	textInHtml: boolean;
	/** Bytes of the median run (by time to live). */
	bytes: BytesSent;
	/** Every run's time to live, in order. */
	liveRunsMs: number[];
	/** The steps of the median run (by time to live). */
	timeline: Timeline;
}

export interface SlowConnectionResult {
	date: string;
	machine: string;
	runs: number;
	throttle: typeof THROTTLE;
	empty: PlanOpen;
	full: PlanOpen;
}

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

function summarise(runs: PageRun[]): PlanOpen {
	const median = (pick: (run: PageRun) => number) => percentile(runs.map(pick).sort((a, b) => a - b), 50);
	const byLive = [...runs].sort((a, b) => a.liveMs - b.liveMs);
	return {
		readableMs: Math.round(median((r) => r.readableMs)),
		scriptsMs: Math.round(median((r) => r.scriptsMs)),
		liveMs: Math.round(median((r) => r.liveMs)),
		textInHtml: runs.every((r) => r.textInHtml),
		bytes: byLive[Math.floor(byLive.length / 2)]!.bytes,
		timeline: byLive[Math.floor(byLive.length / 2)]!.timeline,
		liveRunsMs: runs.map((r) => Math.round(r.liveMs))
	};
}

export async function measureSlowConnection(runs = 5, chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'): Promise<SlowConnectionResult> {
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'whatmatters-slow-'));
	const plans = await seedPlans(dataDir);
	const server = await startBuiltServer(dataDir);
	const browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
	try {
		const open = (boardId: string, items: number, marker: string) => openThrottled(browser, server.base, plans.token, boardId, items, marker);
		// One unmeasured open of each first: the server's first render and first load of a plan are not what a phone waits for.
		await open(plans.emptyId, 0, SECTIONS[1]!.title);
		await open(plans.fullId, plans.fullItems, plans.firstText);
		const empty: PageRun[] = [];
		const full: PageRun[] = [];
		for (let i = 0; i < runs; i++) {
			empty.push(await open(plans.emptyId, 0, SECTIONS[1]!.title));
			full.push(await open(plans.fullId, plans.fullItems, plans.firstText));
		}
		return {
			date: new Date().toISOString().slice(0, 10),
			machine: describeMachine(),
			runs,
			throttle: THROTTLE,
			empty: summarise(empty),
			full: summarise(full)
		};
	} finally {
		await browser.close();
		server.stop();
		fs.rmSync(dataDir, { recursive: true, force: true });
	}
}

if (process.argv[1]?.endsWith('slow-connection.ts')) {
	const runsAt = process.argv.indexOf('--runs');
	const result = await measureSlowConnection(runsAt > 0 ? Number(process.argv[runsAt + 1]) : 5);
	console.log(JSON.stringify(result, null, 2));
	console.log(`\n${slowConnectionTable(result)}`);
	if (!process.argv.includes('--no-write')) writeSlowConnectionSection(result);
}
