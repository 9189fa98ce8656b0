/** The scenarios of `npm run bench`, each measured against the reference in the same run. */

export interface LoadScenario {
	name: string;
	boards: number;
	clientsPerBoard: number;
	/** How many of each board's clients type at once (default: all). */
	typistsPerBoard?: number;
	updatesPerSecond: number;
}

export const LOAD_SCENARIOS: LoadScenario[] = [
	{ name: 'boards', boards: 250, clientsPerBoard: 4, updatesPerSecond: 500 },
	{ name: 'many-boards', boards: 750, clientsPerBoard: 4, updatesPerSecond: 1000 },
	{ name: 'one-plan', boards: 1, clientsPerBoard: 100, typistsPerBoard: 20, updatesPerSecond: 100 }
];

/** What a scenario stands for, in words, for the report. */
export function describeScenario(s: LoadScenario): string {
	const n = (value: number) => value.toLocaleString('en-GB');
	const rate = `${n(s.updatesPerSecond)} updates/s`;
	if (s.boards === 1) return `One plan with ${n(s.clientsPerBoard)} people on it, ${s.typistsPerBoard ? `${n(s.typistsPerBoard)} of them typing at once, ` : ''}${rate}`;
	return `${n(s.boards * s.clientsPerBoard)} clients on ${n(s.boards)} boards, ${rate}`;
}

/** A new client syncing a plan of ten full sections (bench/sync-scenario.ts). */
export const LARGE_PLAN_SCENARIO = 'large-plan';

export const SCENARIO_NAMES = [...LOAD_SCENARIOS.map((s) => s.name), LARGE_PLAN_SCENARIO];
