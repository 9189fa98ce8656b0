/**
 * Writes the measured results into docs/benchmarks.md between the results markers, keeping the
 * hand-written analysis around them, and returns the results as text for the console.
 */
import fs from 'node:fs';
import os from 'node:os';
import type { ProcessDiagnostics } from '../server/diagnostics.js';
import type { LoadResult } from './load.js';
import type { LoadScenarioRun } from './load-scenario.js';
import { loadScenarioSection } from './load-report.js';
import type { PrintExportRun } from './print-export.js';
import { round } from './stats.js';
import type { SyncRun } from './sync-scenario.js';
import { largePlanSection } from './sync-report.js';
import { speedTargets } from './targets-report.js';

export interface ServerRun {
	name: string;
	load: LoadResult;
	/** While measuring, all its server processes together (% of one core). */
	cpuPercent: number;
	rssMiB: number;
	/** Each server process's event-loop delay and GC pauses while measuring (null if none was written). */
	diagnostics: (ProcessDiagnostics | null)[];
}

interface InProcess {
	heapPerBoardKiB: { runs: number; interleaved: number };
	boardsMeasured: number;
	coldLoadRawMs: { median: number; updates: number };
	coldLoadCompactedMs: { median: number; tailUpdates: number };
	checkCost: { checkMicros: number; applyMicros: number; storeMicros: number; updates: number };
	versionRebuildMs: { firstMs: number; median: number; p95: number; versions: number; updates: number };
	openCloseHeapMiB: { cycle: number; heapMiB: number }[];
}

/** bench/history.ts: the history page's server time on a plan with many stored updates. */
interface HistoryRun {
	updates: number;
	entries: number;
	deriveAllMs: number;
	/** The first page of a plan whose history was never read: the whole derivation left to the background. */
	neverReadFirstPage: { ms: number; updatesRead: number };
	firstPageMs: { median: number; p95: number };
	firstPageAfter300NewMs: { median: number; p95: number };
}

export interface ReportInput {
	command: string;
	/** The load scenarios, each ours against the reference; the first is the 1,000 / 250 / 500 one. */
	scenarios: LoadScenarioRun[];
	sync: SyncRun;
	inProcess: InProcess;
	history: HistoryRun;
	/** bench/print-export.ts: the print page, FHIR and all my data of a large plan, over HTTP. */
	copies: PrintExportRun;
}

const START = '<!-- results: written by npm run bench -->';
const END = '<!-- /results -->';
const verdict = (ok: boolean) => (ok ? 'met' : '**missed**');

/** One row per copy of the large plan: the whole answer over HTTP, each under a second. */
function copyRows(copies: PrintExportRun): string[] {
	const plan = `${copies.items} items, 500 in one section, texts of ${copies.textLength.toLocaleString('en-GB')} characters`;
	const row = (what: string, t: PrintExportRun['print']) =>
		`| ${what} of a plan with ${plan}, whole answer ≤ 1 s | median ${round(t.median, 0)} ms, slowest of 7 ${round(t.max, 0)} ms (${round(t.mebibytes, 1)} MiB; first request ${round(t.firstMs, 0)} ms) | ${verdict(t.median <= 1000)} |`;
	return [row('print page (HTML)', copies.print), row('FHIR document', copies.fhir), row('all my data', copies.data)];
}

/** The scenarios' sections and the speed targets: the results block's first part, also printed alone. */
export function scenarioResults(scenarios: LoadScenarioRun[], sync: SyncRun | null): string[] {
	return [...scenarios.flatMap(loadScenarioSection), ...(sync ? largePlanSection(sync) : []), ...speedTargets(scenarios, sync)];
}

export function writeReport(file: string, input: ReportInput): string {
	const { inProcess } = input;
	const [boards] = input.scenarios;
	const o = boards.ours.load;
	const ref = boards.reference!.load;
	const rate = boards.scenario.updatesPerSecond;
	const heap = inProcess.openCloseHeapMiB;
	const heapGrowth = heap.at(-1)!.heapMiB - heap[0].heapMiB;
	const lines = [
		START,
		`Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} × ${os.cpus()[0]?.model.trim()} with ${round(os.totalmem() / 2 ** 30, 1)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}.`,
		`Command: \`${input.command}\`. Servers and load processes share this machine.`,
		'',
		...scenarioResults(input.scenarios, input.sync),
		`Other targets, at ${o.clients.toLocaleString('en-GB')} / ${o.boards} / ${rate} and inside one process:`,
		'',
		'| Target | Measured | |',
		'| --- | --- | --- |',
		`| p99 propagation ≤ 25 ms | ${round(o.propagationMs.p99)} ms | ${verdict(o.propagationMs.p99 <= 25)} |`,
		`| p99 no worse than the reference's in the same run | ${round(o.propagationMs.p99)} vs ${round(ref.propagationMs.p99)} ms | ${verdict(o.propagationMs.p99 <= ref.propagationMs.p99)} |`,
		`| ${rate} updates/s overall | ${round(o.updatesPerSecond, 0)} updates/s | ${verdict(o.updatesPerSecond >= rate * 0.98)} |`,
		`| heap ≤ 1 MiB per typical board (50 items, 2,000 edits typed in runs) | ${round(inProcess.heapPerBoardKiB.runs, 0)} KiB | ${verdict(inProcess.heapPerBoardKiB.runs <= 1024)} |`,
		`| (worst case: every keystroke in another item) | ${round(inProcess.heapPerBoardKiB.interleaved, 0)} KiB | ${verdict(inProcess.heapPerBoardKiB.interleaved <= 1024)} |`,
		`| cold load of a board with ${inProcess.coldLoadRawMs.updates.toLocaleString('en-GB')} stored updates ≤ 50 ms (raw log, no compaction) | ${round(inProcess.coldLoadRawMs.median, 1)} ms | ${verdict(inProcess.coldLoadRawMs.median <= 50)} |`,
		`| (as the server keeps it: compacted state + ${inProcess.coldLoadCompactedMs.tailUpdates} updates) | ${round(inProcess.coldLoadCompactedMs.median, 1)} ms | ${verdict(inProcess.coldLoadCompactedMs.median <= 50)} |`,
		`| the full update check costs less than applying the update (${inProcess.checkCost.updates.toLocaleString('en-GB')} typing updates) | ${round(inProcess.checkCost.checkMicros, 1)} µs vs ${round(inProcess.checkCost.applyMicros, 1)} µs per update | ${verdict(inProcess.checkCost.checkMicros <= inProcess.checkCost.applyMicros)} |`,
		`| (storing one such update in a transaction of its own, as when it arrives alone: what the reference never does) | ${round(inProcess.checkCost.storeMicros, 1)} µs per update | |`,
		`| rebuild any version of a ${inProcess.versionRebuildMs.updates.toLocaleString('en-GB')}-update plan ≤ 100 ms, median and p95 (${inProcess.versionRebuildMs.versions} versions; checkpoint + updates after it) | ${round(inProcess.versionRebuildMs.median, 1)} / ${round(inProcess.versionRebuildMs.p95, 1)} ms (first look, keeping the checkpoints: ${round(inProcess.versionRebuildMs.firstMs, 0)} ms) | ${verdict(inProcess.versionRebuildMs.p95 <= 100)} |`,
		`| first page of history, ${input.history.updates.toLocaleString('en-GB')} stored updates (${input.history.entries.toLocaleString('en-GB')} entries), server time ≤ 300 ms | median ${round(input.history.firstPageMs.median, 1)} ms, p95 ${round(input.history.firstPageMs.p95, 1)} ms; after 300 new updates: median ${round(input.history.firstPageAfter300NewMs.median, 1)} ms, p95 ${round(input.history.firstPageAfter300NewMs.p95, 1)} ms | ${verdict(input.history.firstPageMs.p95 <= 300 && input.history.firstPageAfter300NewMs.p95 <= 300)} |`,
		`| first page of history never read before, ${input.history.updates.toLocaleString('en-GB')} stored updates, server time ≤ 300 ms | ${round(input.history.neverReadFirstPage.ms, 1)} ms (${input.history.neverReadFirstPage.updatesRead.toLocaleString('en-GB')} updates read; the rest derived in the background) | ${verdict(input.history.neverReadFirstPage.ms <= 300)} |`,
		`| (once per plan, in the background: deriving entries for all ${input.history.updates.toLocaleString('en-GB')} updates, then stored) | ${round(input.history.deriveAllMs, 0)} ms | |`,
		...copyRows(input.copies),
		`| heap flat over 10,000 open/close cycles | ${heap.map((h) => `${round(h.heapMiB, 1)}`).join(' → ')} MiB (cycles ${heap.map((h) => h.cycle).join(', ')}) | ${verdict(heapGrowth < 2)} |`,
		END
	];
	const block = lines.join('\n');
	const existing = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
	const next = existing.includes(START) && existing.includes(END)
		? existing.slice(0, existing.indexOf(START)) + block + existing.slice(existing.indexOf(END) + END.length)
		: `# Benchmarks\n\n${block}\n`;
	fs.writeFileSync(file, next);
	return block;
}
