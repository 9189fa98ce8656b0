/** The scenarios of `npm run bench`, each measured against the reference in the same run. */

export interface LoadScenario {
	name: string;
	/** What it stands for, in words, for the report. */
	title: string;
	boards: number;
	clientsPerBoard: number;
	/** How many of each board's clients type at once (default: all). */
	typistsPerBoard?: number;
	updatesPerSecond: number;
}

export const LOAD_SCENARIOS: LoadScenario[] = [
	{ name: 'boards', title: '1,000 clients on 250 boards, 500 updates/s', boards: 250, clientsPerBoard: 4, updatesPerSecond: 500 },
	{ name: 'many-boards', title: '3,000 clients on 750 boards, 1,000 updates/s', boards: 750, clientsPerBoard: 4, updatesPerSecond: 1000 },
	{ name: 'one-plan', title: 'one plan with 100 people on it, 20 of them typing at once, 100 updates/s', boards: 1, clientsPerBoard: 100, typistsPerBoard: 20, updatesPerSecond: 100 }
];

/** A new client syncing a plan of ten full sections (bench/sync-scenario.ts). */
export const LARGE_PLAN_SCENARIO = 'large-plan';

export const SCENARIO_NAMES = [...LOAD_SCENARIOS.map((s) => s.name), LARGE_PLAN_SCENARIO];
