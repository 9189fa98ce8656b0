/** One load scenario, ours then the reference, on the same seeded plans in one run. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LoadPlan } from './load.js';
import { measureServers } from './measure.js';
import type { ServerRun } from './report.js';
import { describeScenario, type LoadScenario } from './scenarios.js';
import { seed } from './seed.js';
import { startOurs, startReference } from './servers.js';

export interface LoadScenarioOptions {
	root: string;
	seconds: number;
	loadProcesses: number;
	/** Write both servers' CPU profiles under this folder (none without). */
	cpuProfileDir?: string;
	/** Where to write the servers' allocation profiles (none without). */
	allocationProfileDir?: string;
	/** Ours only: for trying a change quickly. */
	skipReference?: boolean;
	/** Presence and caret updates each client sends per second. */
	presencePerClient?: number;
}

export interface LoadScenarioRun {
	scenario: LoadScenario;
	seconds: number;
	ours: ServerRun;
	reference: ServerRun | null;
}

/** Seeds the scenario's boards (and two probe boards of two members each) in a fresh data folder. */
export async function seedScenario(dataDir: string, scenario: LoadScenario, seconds: number): Promise<Omit<LoadPlan, 'wsBase'>> {
	console.log(`Seeding ${scenario.boards} boards × ${scenario.clientsPerBoard} members (+2 probe boards)…`);
	const boards = await seed(dataDir, scenario.boards, scenario.clientsPerBoard);
	const probeBoards = await seed(dataDir, 2, 2, scenario.boards * scenario.clientsPerBoard);
	return { boards, probeBoards, updatesPerSecond: scenario.updatesPerSecond, typistsPerBoard: scenario.typistsPerBoard, warmupSeconds: 5, measureSeconds: seconds };
}

export async function runLoadScenario(scenario: LoadScenario, options: LoadScenarioOptions): Promise<LoadScenarioRun> {
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'whatmatters-bench-'));
	try {
		console.log(`Scenario ${scenario.name}: ${describeScenario(scenario)}`);
		const plan = { ...(await seedScenario(dataDir, scenario, options.seconds)), presencePerClient: options.presencePerClient };
		const profileDir = (server: string) => (options.cpuProfileDir ? path.join(options.cpuProfileDir, `${scenario.name}-${server}`) : undefined);
		const measure = { root: options.root, loadProcesses: options.loadProcesses };
		const allocationDir = (server: string) => (options.allocationProfileDir ? path.join(options.allocationProfileDir, `${scenario.name}-${server}`) : undefined);
		const ours = await measureServers('WhatMatters', [startOurs(options.root, dataDir)], plan, { ...measure, cpuProfileDir: profileDir('ours'), allocationProfileDir: allocationDir('ours') });
		const reference = options.skipReference
			? null
			: await measureServers('y-websocket@1 reference', [startReference(options.root)], plan, { ...measure, cpuProfileDir: profileDir('reference'), allocationProfileDir: allocationDir('reference') });
		return { scenario, seconds: options.seconds, ours, reference };
	} finally {
		fs.rmSync(dataDir, { recursive: true, force: true });
	}
}
