/** The large-plan section of the results: a new client syncing ten full sections. */
import type { SyncRun, SyncTiming } from './sync-scenario.js';
import { round } from './stats.js';

const timing = (t: SyncTiming) => `${round(t.median, 0)} ms (slowest ${round(t.max, 0)} ms)`;

export function largePlanSection(run: SyncRun): string[] {
	return [
		`### A new client syncing a plan of ${run.items.toLocaleString('en-GB')} items`,
		'',
		`Scenario \`large-plan\`: ten sections of 500 items (${round(run.documentBytes / 2 ** 20, 1)} MiB as one Yjs update), stored compacted as the server keeps it; the reference is given the same document by a first client. Time from opening the socket to synced, median of ${run.oursCold.samples}, on loopback.`,
		'',
		'| | median (slowest) | ours / reference |',
		'| --- | --- | --- |',
		`| WhatMatters, cold (loaded from storage for this client) | ${timing(run.oursCold)} | ${round(run.oursCold.median / run.reference.median)}× |`,
		`| WhatMatters, warm (another client has it open) | ${timing(run.oursWarm)} | ${round(run.oursWarm.median / run.reference.median)}× |`,
		`| y-websocket@1 reference (in memory, another client has it open) | ${timing(run.reference)} | |`,
		''
	];
}
