/**
 * `npm run bench`: each scenario against WhatMatters and against the protocol's reference
 * server (y-websocket@1, in memory) in one run, plus in-process memory and load-time checks;
 * writes docs/benchmarks.md. The load runs in several processes (--load-processes N, default 2).
 * Options:
 *   --scenario NAME   one scenario alone, printed, nothing written (boards, many-boards, one-plan, large-plan)
 *   --seconds N       how long each load scenario measures (default 30)
 *   --boards N --clients-per-board N --rate N   the `boards` scenario's load
 *   --cpu-prof        CPU profiles of both servers, with where they went and their top self times
 *   --alloc-prof      allocation profiles of both servers over the measured window, with the top allocating functions
 *   --skip-reference  only ours, printed, nothing written: for trying a change quickly
 *   --presence        ours and the reference, each without and with every client sending presence and carets
 *   --instances N     one instance on SQLite, one on PostgreSQL, N on PostgreSQL and Redis (bench/instances.ts)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runNode } from './child-process.js';
import { benchInstances } from './instances.js';
import { storeLargePlan } from './large-plan.js';
import { runLoadScenario, seedScenario, type LoadScenarioOptions, type LoadScenarioRun } from './load-scenario.js';
import { measureServers } from './measure.js';
import { writePresenceReport, PRESENCE_PER_CLIENT } from './presence-report.js';
import { scenarioResults, writeReport } from './report.js';
import { LARGE_PLAN_SCENARIO, LOAD_SCENARIOS, SCENARIO_NAMES, type LoadScenario } from './scenarios.js';
import { seed } from './seed.js';
import { startOurs, startReference } from './servers.js';
import { measureLargePlanSync, type SyncRun } from './sync-scenario.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name: string, fallback: number): number => {
	const i = args.indexOf(`--${name}`);
	return i >= 0 ? Number(args[i + 1]) : fallback;
};
const text = (name: string): string | null => {
	const i = args.indexOf(`--${name}`);
	return i >= 0 ? (args[i + 1] ?? null) : null;
};
const SECONDS = option('seconds', 30);
const LOAD_PROCESSES = Math.max(1, option('load-processes', 2));
const COMMAND = ['npm run bench', ...(args.length ? ['--', ...args] : [])].join(' ');
const tempDir = (name: string) => fs.mkdtempSync(path.join(os.tmpdir(), `whatmatters-bench-${name}-`));

/** The scenarios, the first as --boards, --clients-per-board and --rate say. */
const [defaultBoards, ...otherLoads] = LOAD_SCENARIOS;
const BOARDS_SCENARIO: LoadScenario = {
	...defaultBoards,
	boards: option('boards', defaultBoards.boards),
	clientsPerBoard: option('clients-per-board', defaultBoards.clientsPerBoard),
	updatesPerSecond: option('rate', defaultBoards.updatesPerSecond)
};
const loadScenarios = [BOARDS_SCENARIO, ...otherLoads];

function loadOptions(): LoadScenarioOptions {
	const cpuProfileDir = args.includes('--cpu-prof') ? tempDir('cpu-prof') : undefined;
	const allocationProfileDir = args.includes('--alloc-prof') ? tempDir('alloc-prof') : undefined;
	return { root: ROOT, seconds: SECONDS, loadProcesses: LOAD_PROCESSES, cpuProfileDir, allocationProfileDir, skipReference: args.includes('--skip-reference') };
}

async function largePlan(): Promise<SyncRun> {
	const dataDir = tempDir('large-plan');
	try {
		const [board] = await seed(dataDir, 1, 1);
		const state = await storeLargePlan(dataDir, board);
		return await measureLargePlanSync(board, state, startOurs(ROOT, dataDir), startReference(ROOT));
	} finally {
		fs.rmSync(dataDir, { recursive: true, force: true });
	}
}

/** --presence: ours and the reference, each without and with presence, on the same seeded plans. */
async function presence(): Promise<void> {
	const dataDir = tempDir('presence');
	try {
		const plan = await seedScenario(dataDir, BOARDS_SCENARIO, SECONDS);
		const { cpuProfileDir, allocationProfileDir } = loadOptions();
		const options = (name: string) => ({
			root: ROOT,
			loadProcesses: LOAD_PROCESSES,
			cpuProfileDir: cpuProfileDir && path.join(cpuProfileDir, name),
			allocationProfileDir: allocationProfileDir && path.join(allocationProfileDir, name)
		});
		const without = await measureServers('WhatMatters', [startOurs(ROOT, dataDir)], plan, options('without'));
		const withPresence = await measureServers('WhatMatters with presence', [startOurs(ROOT, dataDir)], { ...plan, presencePerClient: PRESENCE_PER_CLIENT }, options('with'));
		const referenceWithout = await measureServers('y-websocket@1 reference', [startReference(ROOT)], plan, options('reference-without'));
		const referenceWith = await measureServers('y-websocket@1 reference with presence', [startReference(ROOT)], { ...plan, presencePerClient: PRESENCE_PER_CLIENT }, options('reference-with'));
		const report = { command: COMMAND, without, with: withPresence, referenceWithout, referenceWith, rate: BOARDS_SCENARIO.updatesPerSecond, seconds: SECONDS };
		console.log(writePresenceReport(path.join(ROOT, 'docs/benchmarks.md'), report));
	} finally {
		fs.rmSync(dataDir, { recursive: true, force: true });
	}
}

/** --scenario NAME (or --skip-reference): the chosen scenarios, printed, nothing written. */
async function printOnly(names: string[]): Promise<void> {
	const runs: LoadScenarioRun[] = [];
	for (const scenario of loadScenarios.filter((s) => names.includes(s.name))) runs.push(await runLoadScenario(scenario, loadOptions()));
	const sync = names.includes(LARGE_PLAN_SCENARIO) ? await largePlan() : null;
	console.log(['', ...scenarioResults(runs, sync)].join('\n'));
}

async function main() {
	if (args.includes('--instances')) {
		const instances = Math.max(2, option('instances', 2));
		const { cpuProfileDir, allocationProfileDir } = loadOptions();
		const dirName = (name: string) => name.replace(/\W+/g, '-');
		const measure = (name: string) => ({
			root: ROOT,
			loadProcesses: LOAD_PROCESSES,
			cpuProfileDir: cpuProfileDir && path.join(cpuProfileDir, dirName(name)),
			allocationProfileDir: allocationProfileDir && path.join(allocationProfileDir, dirName(name))
		});
		const { boards, clientsPerBoard: perBoard, updatesPerSecond: rate } = BOARDS_SCENARIO;
		console.log(await benchInstances({ root: ROOT, instances, boards, perBoard, rate, seconds: SECONDS, command: COMMAND, measure: (name, starts, plan) => measureServers(name, starts, plan, measure(name)) }));
		return;
	}
	if (args.includes('--presence')) return presence();
	const chosen = text('scenario');
	if (chosen !== null && !SCENARIO_NAMES.includes(chosen)) throw new Error(`--scenario: one of ${SCENARIO_NAMES.join(', ')}`);
	if (chosen !== null) return printOnly([chosen]);
	if (args.includes('--skip-reference')) return printOnly([BOARDS_SCENARIO.name]);

	const scenarios: LoadScenarioRun[] = [];
	for (const scenario of loadScenarios) scenarios.push(await runLoadScenario(scenario, loadOptions()));
	const sync = await largePlan();
	console.log('  in-process: heap per board, cold load, open/close cycles…');
	const inProcess = JSON.parse(await runNode(ROOT, 'bench/in-process.ts', [tempDir('mem')], ['--expose-gc']));
	console.log('  history: first page of a plan with 100,000 stored updates…');
	const history = JSON.parse(await runNode(ROOT, 'bench/history.ts', [tempDir('history')]));
	console.log('  copies: print page, FHIR and all my data of a plan with 500 goals of 10,000 characters…');
	const copies = JSON.parse(await runNode(ROOT, 'bench/print-export.ts', [tempDir('copies')]));
	console.log(writeReport(path.join(ROOT, 'docs/benchmarks.md'), { command: COMMAND, scenarios, sync, inProcess, history, copies }));
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
