/**
 * The presence benchmark's section of docs/benchmarks.md: the same edit load with and without
 * every client sending presence and caret updates at its throttled rate, on our server and on
 * the reference server (which relays presence as it comes, checking and storing nothing), so
 * the rise can be read against what the same load does to a server that does the least.
 * Written between its own markers, so the main results and their analysis stay as they are.
 */
import fs from 'node:fs';
import os from 'node:os';
import type { ServerRun } from './report.js';
import { round } from './stats.js';

/** Presence updates each simulated client sends per second: the client's throttle. */
export const PRESENCE_PER_CLIENT = 10;

const START = '<!-- presence results: written by npm run bench -- --presence -->';
const END = '<!-- /presence results -->';

export interface PresenceReportInput {
	command: string;
	without: ServerRun;
	with: ServerRun;
	referenceWithout: ServerRun;
	referenceWith: ServerRun;
	rate: number;
	seconds: number;
}

export function writePresenceReport(file: string, input: PresenceReportInput): string {
	const runs = [input.without, input.with, input.referenceWithout, input.referenceWith];
	const riseOf = (without: ServerRun, withPresence: ServerRun) =>
		without.load.propagationMs.p99 ? (withPresence.load.propagationMs.p99 / without.load.propagationMs.p99 - 1) * 100 : NaN;
	const percent = (rise: number) => (Number.isFinite(rise) ? `${rise >= 0 ? '+' : ''}${round(rise, 0)} %` : 'n/a');
	const rise = riseOf(input.without, input.with);
	const referenceRise = riseOf(input.referenceWithout, input.referenceWith);
	const row = (label: string, value: (run: ServerRun) => number | string) => `| ${label} | ${runs.map(value).join(' | ')} |`;
	const delay = (run: ServerRun) => run.diagnostics[0]?.eventLoopDelayMs;
	const lines = [
		START,
		`Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, Node ${process.version}. Command: \`${input.command}\`.`,
		`Load: ${input.without.load.clients} clients on ${input.without.load.boards} boards, ${input.rate} edits/s overall for ${input.seconds} s after a 5 s warm-up; with presence, every client also sends its section, item, field and caret ${PRESENCE_PER_CLIENT} times a second.`,
		'',
		'| | ours, edits only | ours, edits + presence and carets | reference, edits only | reference, edits + presence |',
		'| --- | --- | --- | --- | --- |',
		row('presence updates/s sent', (r) => round(r.load.presencePerSecond, 0)),
		row('edit propagation p50 (ms)', (r) => round(r.load.propagationMs.p50)),
		row('edit propagation p95 (ms)', (r) => round(r.load.propagationMs.p95)),
		row('edit propagation p99 (ms)', (r) => round(r.load.propagationMs.p99)),
		row('edit propagation max (ms)', (r) => round(r.load.propagationMs.max)),
		row('stock WebsocketProvider probes on plans without presence, p50 / p99 (ms)', (r) => `${round(r.load.probeMs.p50)} / ${round(r.load.probeMs.p99)}`),
		row('edits/s sent', (r) => round(r.load.updatesPerSecond, 0)),
		row('edit receipts / expected', (r) => `${r.load.receipts} / ${r.load.expectedReceipts}`),
		row('server CPU (% of one core)', (r) => round(r.cpuPercent, 0)),
		row('server RSS at end (MiB)', (r) => round(r.rssMiB, 0)),
		row('server event-loop delay p99 / max (ms)', (r) => (delay(r) ? `${round(delay(r)!.p99)} / ${round(delay(r)!.max)}` : '–')),
		row('server GC pause total / longest (ms)', (r) => (r.diagnostics[0] ? `${round(r.diagnostics[0].gc.totalMs, 0)} / ${round(r.diagnostics[0].gc.maxMs)}` : '–')),
		row('load generator CPU (% of one core)', (r) => round(r.load.loadCpuPercent, 0)),
		row('connections closed by the server', (r) => r.load.errors),
		'',
		`| Target | Measured | |`,
		'| --- | --- | --- |',
		`| edit propagation p99 rises no more than 10 % with presence | ${percent(rise)} (the reference: ${percent(referenceRise)}) | ${rise <= 10 ? 'met' : '**missed**'} |`,
		END
	];
	const block = lines.join('\n');
	const existing = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
	const at = existing.indexOf(START);
	const end = existing.indexOf(END);
	const next =
		at >= 0 && end > at
			? existing.slice(0, at) + block + existing.slice(end + END.length)
			: `${existing.trimEnd()}\n\n## Presence and carets\n\n${block}\n`;
	fs.writeFileSync(file, next);
	return block;
}
