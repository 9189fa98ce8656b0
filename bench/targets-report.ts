/** The speed targets (issue "Speed"), each marked met or missed with its figures. */
import type { LoadScenarioRun } from './load-scenario.js';
import { round } from './stats.js';
import type { SyncRun } from './sync-scenario.js';

const verdict = (ok: boolean) => (ok ? 'met' : '**missed**');
const times = (a: number, b: number) => (Number.isFinite(a / b) ? `${round(a / b)}×` : 'n/a');

/** Parity with the reference at the board-shaped loads: latency, CPU, RSS and every receipt. */
function parityRows(run: LoadScenarioRun): string[] {
	const { ours, reference } = run;
	if (!reference) return [];
	const o = ours.load;
	const r = reference.load;
	const at = `${o.clients.toLocaleString('en-GB')} / ${o.boards} / ${run.scenario.updatesPerSecond}`;
	return [
		`| ${at}: p99 ≤ 1.0× the reference's | ${round(o.propagationMs.p99)} vs ${round(r.propagationMs.p99)} ms (${times(o.propagationMs.p99, r.propagationMs.p99)}) | ${verdict(o.propagationMs.p99 <= r.propagationMs.p99)} |`,
		`| ${at}: p50 ≤ 1.2× the reference's | ${round(o.propagationMs.p50)} vs ${round(r.propagationMs.p50)} ms (${times(o.propagationMs.p50, r.propagationMs.p50)}) | ${verdict(o.propagationMs.p50 <= 1.2 * r.propagationMs.p50)} |`,
		`| ${at}: server CPU ≤ 1.25× the reference's | ${round(ours.cpuPercent, 0)} vs ${round(reference.cpuPercent, 0)} % (${times(ours.cpuPercent, reference.cpuPercent)}) | ${verdict(ours.cpuPercent <= 1.25 * reference.cpuPercent)} |`,
		`| ${at}: RSS ≤ 1.2× the reference's | ${round(ours.rssMiB, 0)} vs ${round(reference.rssMiB, 0)} MiB (${times(ours.rssMiB, reference.rssMiB)}) | ${verdict(ours.rssMiB <= 1.2 * reference.rssMiB)} |`,
		`| ${at}: every receipt arrives | ${o.receipts} / ${o.expectedReceipts} | ${verdict(o.expectedReceipts > 0 && o.receipts >= o.expectedReceipts)} |`
	];
}

/** One busy plan: p99 at most 50 ms and at most the reference's. */
function onePlanRows(run: LoadScenarioRun): string[] {
	const o = run.ours.load;
	const r = run.reference?.load;
	const figures = r ? `${round(o.propagationMs.p99)} vs ${round(r.propagationMs.p99)} ms` : `${round(o.propagationMs.p99)} ms`;
	const ok = o.propagationMs.p99 <= 50 && (!r || o.propagationMs.p99 <= r.propagationMs.p99);
	return [`| One plan with 100 people: p99 ≤ 50 ms and ≤ the reference's | ${figures} | ${verdict(ok)} |`];
}

export function speedTargets(runs: LoadScenarioRun[], sync: SyncRun | null): string[] {
	const rows = runs.flatMap((run) => (run.scenario.name === 'one-plan' ? onePlanRows(run) : parityRows(run)));
	if (sync) {
		rows.push(`| A new client syncing a plan of 500 items per section: ≤ 300 ms to synced on loopback (cold, median) | ${round(sync.oursCold.median, 0)} ms (slowest ${round(sync.oursCold.max, 0)} ms; warm ${round(sync.oursWarm.median, 0)} ms; reference ${round(sync.reference.median, 0)} ms) | ${verdict(sync.oursCold.median <= 300)} |`);
	}
	if (!rows.length) return [];
	return ['| Speed target | Measured | |', '| --- | --- | --- |', ...rows, ''];
}
