/**
 * The several-instances section of docs/benchmarks.md (npm run bench -- --instances N), written
 * between its own markers so the other results stay as they are. Targets, from the scale-out
 * issue: cross-instance edit propagation p99 at most 20 ms and at most twice the single SQLite
 * instance's p99 of the same run; one PostgreSQL instance's p99 at most 1.5 times SQLite's.
 */
import fs from 'node:fs';
import os from 'node:os';
import type { ProcessDiagnostics } from '../server/diagnostics.js';
import type { LoadResult } from './load.js';
import { round } from './stats.js';

export interface InstancesRun {
	name: string;
	load: LoadResult;
	/** CPU of all its server processes together (% of one core). */
	cpuPercent: number;
	rssMiB: number;
	/** Each server process's event-loop delay and GC pauses over the measured window. */
	diagnostics: (ProcessDiagnostics | null)[];
}

/** The worst of the instances' figures: a slow instance delays every edit that crosses it. */
const worst = (run: InstancesRun, pick: (d: ProcessDiagnostics) => number) =>
	Math.max(...run.diagnostics.map((d) => (d ? pick(d) : Number.NaN)));

const START = '<!-- several instances: written by npm run bench -- --instances N -->';
const END = '<!-- /several instances -->';

export interface InstancesReportInput {
	command: string;
	instances: number;
	rate: number;
	seconds: number;
	sqlite: InstancesRun;
	postgres: InstancesRun;
	several: InstancesRun;
}

export function writeInstancesReport(file: string, input: InstancesReportInput): string {
	const { sqlite, postgres, several } = input;
	const runs = [sqlite, postgres, several];
	const row = (label: string, value: (run: InstancesRun) => number | string) => `| ${label} | ${runs.map(value).join(' | ')} |`;
	const cross = several.load.crossInstanceMs.p99;
	const base = sqlite.load.propagationMs.p99;
	const verdict = (ok: boolean) => (ok ? 'met' : '**missed**');
	const lines = [
		START,
		`Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, Node ${process.version}. Command: \`${input.command}\`.`,
		`Load: ${sqlite.load.clients} clients on ${sqlite.load.boards} boards, ${input.rate} edits/s overall for ${input.seconds} s after a 5 s warm-up. With ${input.instances} instances each board's clients are spread over them in turn, so most receipts are on another instance than the edit's sender. Everything (servers, PostgreSQL, Redis, the load) shares this one machine.`,
		'',
		`| | ${runs.map((r) => r.name).join(' | ')} |`,
		`| --- | ${runs.map(() => '---').join(' | ')} |`,
		row('edit propagation p50 (ms)', (r) => round(r.load.propagationMs.p50)),
		row('edit propagation p99 (ms)', (r) => round(r.load.propagationMs.p99)),
		row('edit propagation max (ms)', (r) => round(r.load.propagationMs.max)),
		row('cross-instance propagation p50 / p99 (ms)', (r) => (r.load.crossInstanceMs.count ? `${round(r.load.crossInstanceMs.p50)} / ${round(r.load.crossInstanceMs.p99)}` : '–')),
		row('stock WebsocketProvider probes p50 / p99 (ms)', (r) => `${round(r.load.probeMs.p50)} / ${round(r.load.probeMs.p99)}`),
		row('edit receipts / expected', (r) => `${r.load.receipts} / ${r.load.expectedReceipts}`),
		row('server CPU, all instances (% of one core)', (r) => round(r.cpuPercent, 0)),
		row('server RSS at end, all instances (MiB)', (r) => round(r.rssMiB, 0)),
		row('server event-loop delay p99 / max, worst instance (ms)', (r) => `${round(worst(r, (d) => d.eventLoopDelayMs.p99))} / ${round(worst(r, (d) => d.eventLoopDelayMs.max))}`),
		row('server GC pause total / longest, worst instance (ms)', (r) => `${round(worst(r, (d) => d.gc.totalMs), 0)} / ${round(worst(r, (d) => d.gc.maxMs))}`),
		row('load generator CPU (% of one core)', (r) => round(r.load.loadCpuPercent, 0)),
		row('connections closed by the server', (r) => r.load.errors),
		'',
		'| Target | Measured | |',
		'| --- | --- | --- |',
		`| cross-instance p99 ≤ 20 ms | ${round(cross)} ms | ${verdict(cross <= 20)} |`,
		`| cross-instance p99 ≤ 2 × one SQLite instance's p99 | ${round(cross / base)} × | ${verdict(cross <= 2 * base)} |`,
		`| one PostgreSQL instance's p99 ≤ 1.5 × SQLite's | ${round(postgres.load.propagationMs.p99 / base)} × | ${verdict(postgres.load.propagationMs.p99 <= 1.5 * base)} |`,
		END
	];
	const block = lines.join('\n');
	const existing = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
	const at = existing.indexOf(START);
	const end = existing.indexOf(END);
	const next =
		at >= 0 && end > at
			? existing.slice(0, at) + block + existing.slice(end + END.length)
			: `${existing.trimEnd()}\n\n## Several instances\n\n${block}\n`;
	fs.writeFileSync(file, next);
	return block;
}
