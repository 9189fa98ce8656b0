/** One load scenario's section of the results: ours against the reference, with ratios. */
import { EVENT_LOOP_RESOLUTION_MS, type ProcessDiagnostics } from '../server/diagnostics.js';
import type { LoadProcessUsage, LoadResult } from './load.js';
import type { LoadScenarioRun } from './load-scenario.js';
import { describeScenario } from './scenarios.js';
import type { ServerRun } from './report.js';
import { round } from './stats.js';

/** A load process at or beyond either of these was the limit: its receipts were late by its own delay. */
export const LOAD_LIMIT_CPU_PERCENT = 90;
export const LOAD_LIMIT_EVENT_LOOP_P99_MS = 10;

const ratio = (a: number, b: number) => (b && Number.isFinite(a) && Number.isFinite(b) ? `${round(a / b)}×` : 'n/a');

/** Why a load process was the limit of its run, or null if it was not. */
function limitOf(p: LoadProcessUsage, seconds: number): string | null {
	const expectedSamples = (p.measuredSeconds * 1000) / EVENT_LOOP_RESOLUTION_MS;
	const why = [
		p.cpuPercent >= LOAD_LIMIT_CPU_PERCENT && `${round(p.cpuPercent, 0)} % CPU`,
		p.eventLoopDelayMs.p99 >= LOAD_LIMIT_EVENT_LOOP_P99_MS && `event-loop p99 ${round(p.eventLoopDelayMs.p99, 1)} ms`,
		// Starved of CPU by other work on the machine: its loop hardly turned, or missed the clock.
		p.eventLoopDelayMs.samples < expectedSamples / 2 && `${p.eventLoopDelayMs.samples} event-loop samples of about ${Math.round(expectedSamples)}`,
		p.measuredSeconds < 0.9 * seconds && `measured ${round(p.measuredSeconds, 1)} s of ${seconds}`
	].filter(Boolean);
	return why.length ? why.join(', ') : null;
}

/** Says plainly whether the load generator, rather than the server, was the limit of this run. */
export function loadGeneratorVerdict(name: string, load: LoadResult, seconds: number): string {
	const limited = load.loadProcesses.flatMap((p, i) => {
		const why = limitOf(p, seconds);
		return why ? [`process ${i + 1}: ${why}`] : [];
	});
	if (!limited.length) {
		return `${name}: the load generator was not the limit (every load process under ${LOAD_LIMIT_CPU_PERCENT} % CPU and ${LOAD_LIMIT_EVENT_LOOP_P99_MS} ms event-loop p99, its loop turning on time).`;
	}
	return `**${name}: the load generator was the limit** (${limited.join('; ')}; limits ${LOAD_LIMIT_CPU_PERCENT} % CPU and ${LOAD_LIMIT_EVENT_LOOP_P99_MS} ms p99): its own delays are in the latencies, so they say less about the server.`;
}

const first = (run: ServerRun): ProcessDiagnostics | null => run.diagnostics[0] ?? null;
// With its number of samples (one each 10 ms when the loop keeps up): few samples, a starved process.
const loopDelay = (d: ProcessDiagnostics | null) =>
	d ? `${round(d.eventLoopDelayMs.p50, 1)} / ${round(d.eventLoopDelayMs.p99, 1)} / ${round(d.eventLoopDelayMs.max, 1)} (${d.eventLoopDelayMs.samples} samples in ${round(d.windowSeconds, 1)} s)` : 'n/a';
const gcPauses = (d: ProcessDiagnostics | null) => (d ? `${d.gc.count}, ${round(d.gc.totalMs, 0)} ms, max ${round(d.gc.maxMs, 1)} ms` : 'n/a');
const loadLoop = (load: LoadResult) => load.loadProcesses.map((p) => `${round(p.eventLoopDelayMs.p50, 1)} / ${round(p.eventLoopDelayMs.p99, 1)} / ${round(p.eventLoopDelayMs.max, 1)}`).join('; ');
const loadCpu = (load: LoadResult) => load.loadProcesses.map((p) => round(p.cpuPercent, 0)).join(' + ');

export function loadScenarioSection(run: LoadScenarioRun): string[] {
	const { scenario, ours } = run;
	const reference = run.reference;
	const o = ours.load;
	const r = reference?.load;
	const row = (label: string, a: number | string, b: number | string | null | undefined, q = '') => `| ${label} | ${a} | ${b ?? '–'} | ${q} |`;
	const latency = (label: string, key: 'p50' | 'p95' | 'p99' | 'max') =>
		row(`propagation ${label} (ms)`, round(o.propagationMs[key]), r && round(r.propagationMs[key]), r ? ratio(o.propagationMs[key], r.propagationMs[key]) : '');
	const typing = scenario.typistsPerBoard ? `, ${scenario.typistsPerBoard} of each board's clients typing` : '';
	return [
		`### ${describeScenario(scenario)}`,
		'',
		`Scenario \`${scenario.name}\`: ${o.clients} clients on ${o.boards} board${o.boards === 1 ? '' : 's'}${typing}, ${scenario.updatesPerSecond} updates/s overall for ${run.seconds} s after a 5 s warm-up; ${o.loadProcesses.length} load processes.`,
		'',
		'| | WhatMatters | y-websocket@1 reference (in memory, stores nothing) | ours / reference |',
		'| --- | --- | --- | --- |',
		latency('p50', 'p50'),
		latency('p95', 'p95'),
		latency('p99', 'p99'),
		latency('max', 'max'),
		row('WebsocketProvider probes p50 / p99 (ms)', `${round(o.probeMs.p50)} / ${round(o.probeMs.p99)}`, r && `${round(r.probeMs.p50)} / ${round(r.probeMs.p99)}`, r ? ratio(o.probeMs.p99, r.probeMs.p99) : ''),
		row('updates/s sent', round(o.updatesPerSecond, 0), r && round(r.updatesPerSecond, 0)),
		row('receipts / expected', `${o.receipts} / ${o.expectedReceipts}`, r && `${r.receipts} / ${r.expectedReceipts}`),
		row('server CPU (% of one core, while measuring)', round(ours.cpuPercent, 0), reference && round(reference.cpuPercent, 0), reference ? ratio(ours.cpuPercent, reference.cpuPercent) : ''),
		row('server RSS at the end (MiB)', round(ours.rssMiB, 0), reference && round(reference.rssMiB, 0), reference ? ratio(ours.rssMiB, reference.rssMiB) : ''),
		row('server event-loop delay p50 / p99 / max (ms; ratio of p99)', loopDelay(first(ours)), reference && loopDelay(first(reference)), reference ? ratio(first(ours)?.eventLoopDelayMs.p99 ?? NaN, first(reference)?.eventLoopDelayMs.p99 ?? NaN) : ''),
		row('server GC pauses: count, total, longest (ratio of total)', gcPauses(first(ours)), reference && gcPauses(first(reference)), reference ? ratio(first(ours)?.gc.totalMs ?? NaN, first(reference)?.gc.totalMs ?? NaN) : ''),
		row('load generator event-loop delay p50 / p99 / max (ms), each process', loadLoop(o), r && loadLoop(r)),
		row('load generator CPU (% of one core), each process', loadCpu(o), r && loadCpu(r)),
		row('connect all clients (s)', round(o.connectSeconds, 1), r && round(r.connectSeconds, 1)),
		row('connections closed by the server', o.errors, r?.errors),
		'',
		loadGeneratorVerdict('WhatMatters run', o, run.seconds),
		...(r ? ['', loadGeneratorVerdict('Reference run', r, run.seconds)] : []),
		''
	];
}
