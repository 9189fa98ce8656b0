/**
 * The presence benchmark's section of docs/benchmarks.md: the same edit load with and without
 * every client sending presence and caret updates at its throttled rate. Written between its
 * own markers, so the main results and their analysis stay as they are.
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
	rate: number;
	seconds: number;
}

export function writePresenceReport(file: string, input: PresenceReportInput): string {
	const a = input.without;
	const b = input.with;
	const rise = a.load.propagationMs.p99 ? (b.load.propagationMs.p99 / a.load.propagationMs.p99 - 1) * 100 : NaN;
	const row = (label: string, x: number | string, y: number | string) => `| ${label} | ${x} | ${y} |`;
	const lines = [
		START,
		`Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, Node ${process.version}. Command: \`${input.command}\`.`,
		`Load: ${a.load.clients} clients on ${a.load.boards} boards, ${input.rate} edits/s overall for ${input.seconds} s after a 5 s warm-up; with presence, every client also sends its section, item, field and caret ${PRESENCE_PER_CLIENT} times a second.`,
		'',
		'| | edits only | edits + presence and carets |',
		'| --- | --- | --- |',
		row('presence updates/s sent', 0, round(b.load.presencePerSecond, 0)),
		row('edit propagation p50 (ms)', round(a.load.propagationMs.p50), round(b.load.propagationMs.p50)),
		row('edit propagation p95 (ms)', round(a.load.propagationMs.p95), round(b.load.propagationMs.p95)),
		row('edit propagation p99 (ms)', round(a.load.propagationMs.p99), round(b.load.propagationMs.p99)),
		row('edit propagation max (ms)', round(a.load.propagationMs.max), round(b.load.propagationMs.max)),
		row('stock WebsocketProvider probes on plans without presence, p50 / p99 (ms)', `${round(a.load.probeMs.p50)} / ${round(a.load.probeMs.p99)}`, `${round(b.load.probeMs.p50)} / ${round(b.load.probeMs.p99)}`),
		row('edits/s sent', round(a.load.updatesPerSecond, 0), round(b.load.updatesPerSecond, 0)),
		row('edit receipts / expected', `${a.load.receipts} / ${a.load.expectedReceipts}`, `${b.load.receipts} / ${b.load.expectedReceipts}`),
		row('server CPU (% of one core)', round(a.cpuPercent, 0), round(b.cpuPercent, 0)),
		row('server RSS at end (MiB)', round(a.rssMiB, 0), round(b.rssMiB, 0)),
		row('load generator CPU (% of one core)', round(a.load.loadCpuPercent, 0), round(b.load.loadCpuPercent, 0)),
		row('connections closed by the server', a.load.errors, b.load.errors),
		'',
		`| Target | Measured | |`,
		'| --- | --- | --- |',
		`| edit propagation p99 rises no more than 10 % with presence | ${Number.isFinite(rise) ? `${rise >= 0 ? '+' : ''}${round(rise, 0)} %` : 'n/a'} | ${rise <= 10 ? 'met' : '**missed**'} |`,
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
