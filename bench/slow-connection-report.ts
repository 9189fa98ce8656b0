/** The slow-connection results as a markdown table, and its section of docs/benchmarks.md. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SlowConnectionResult } from './slow-connection.js';
import type { Timeline } from './slow-connection-page.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BEGIN = '<!-- slow-connection: written by npm run bench -->';
export const END = '<!-- /slow-connection -->';

export const TARGETS = { emptyMs: 1200, fullMs: 2000, jsCssKiB: 100 } as const;

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const steps = (t: Timeline) => [t.socketCreated, t.socketOpen, t.firstMessage].map(s).join(' / ');
const verdict = (ok: boolean) => (ok ? 'met' : '**missed**');

export function slowConnectionTable(result: SlowConnectionResult): string {
	const { empty, full, throttle } = result;
	const jsCss = full.bytes.js + full.bytes.css;
	const lines = [
		`Measured ${result.date} on ${result.machine}. Command: \`npm run bench:slow\`. Chromium with ${throttle.downloadKbps / 1000} Mbit/s down, ${throttle.uploadKbps} kbit/s up, ${throttle.latencyMs} ms latency and a ${throttle.cpuSlowdown}× slower CPU; each open is cold (a new browser profile: no cache, no copy on the device); times are medians of ${result.runs} opens, from navigation.`,
		'',
		'| | empty plan | full plan (10 sections, 200 items) |',
		'| --- | --- | --- |',
		`| plan's words on screen | ${s(empty.readableMs)} | ${s(full.readableMs)} |`,
		`| words in the HTML as sent (readable before the script) | ${empty.textInHtml ? 'yes' : 'no'} | ${full.textInHtml ? 'yes' : 'no'} |`,
		`| last script loaded | ${s(empty.scriptsMs)} | ${s(full.scriptsMs)} |`,
		`| HTML received (median run) | ${s(empty.timeline.htmlEnd)} | ${s(full.timeline.htmlEnd)} |`,
		`| scripts and style sheets fetched before live; the last script in | ${empty.timeline.requestsBeforeLive}; ${s(empty.timeline.lastScriptBeforeLive)} | ${full.timeline.requestsBeforeLive}; ${s(full.timeline.lastScriptBeforeLive)} |`,
		`| sync socket created / open / first message | ${steps(empty.timeline)} | ${steps(full.timeline)} |`,
		`| **live and editable** | **${s(empty.liveMs)}** | **${s(full.liveMs)}** |`,
		`| HTML | ${kib(empty.bytes.html)} | ${kib(full.bytes.html)} |`,
		`| JS (of which loaded after live) | ${kib(empty.bytes.js)} (${kib(empty.bytes.lateJs)}) | ${kib(full.bytes.js)} (${kib(full.bytes.lateJs)}) |`,
		`| CSS | ${kib(empty.bytes.css)} | ${kib(full.bytes.css)} |`,
		`| other HTTP (fonts, data) | ${kib(empty.bytes.other)} | ${kib(full.bytes.other)} |`,
		`| first sync received / sent (WebSocket) | ${kib(empty.bytes.firstSync)} / ${kib(empty.bytes.firstSyncUp)} | ${kib(full.bytes.firstSync)} / ${kib(full.bytes.firstSyncUp)} |`,
		`| live channel until live (both ways) | ${kib(empty.bytes.liveChannel)} | ${kib(full.bytes.liveChannel)} |`,
		'',
		'| Target | Measured | |',
		'| --- | --- | --- |',
		`| live and editable, empty plan ≤ ${s(TARGETS.emptyMs)} | ${s(empty.liveMs)} | ${verdict(empty.liveMs <= TARGETS.emptyMs)} |`,
		`| live and editable, full plan ≤ ${s(TARGETS.fullMs)} | ${s(full.liveMs)} | ${verdict(full.liveMs <= TARGETS.fullMs)} |`,
		`| the plan's words readable before the script has loaded | ${s(full.readableMs)} vs ${s(full.scriptsMs)}, in the HTML: ${full.textInHtml ? 'yes' : 'no'} | ${verdict(full.textInHtml && full.readableMs < full.scriptsMs)} |`,
		`| JS and CSS for the board page ≤ ${TARGETS.jsCssKiB} KB compressed | ${kib(jsCss)} (JS ${kib(full.bytes.js)}, CSS ${kib(full.bytes.css)}) | ${verdict(jsCss <= TARGETS.jsCssKiB * 1000)} |`
	];
	return lines.join('\n');
}

export function describeMachine(): string {
	const cpus = os.cpus();
	return `${cpus.length} × ${cpus[0]?.model.trim() ?? 'CPU'} with ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}`;
}

/** Replaces the slow-connection section of docs/benchmarks.md (between its markers) with this run's table. */
export function writeSlowConnectionSection(result: SlowConnectionResult, file = path.join(ROOT, 'docs/benchmarks.md')): void {
	const text = fs.readFileSync(file, 'utf8');
	const start = text.indexOf(BEGIN);
	const end = text.indexOf(END);
	if (start < 0 || end < start) throw new Error(`${path.relative(ROOT, file)} has no slow-connection markers`);
	fs.writeFileSync(file, `${text.slice(0, start + BEGIN.length)}\n${slowConnectionTable(result)}\n${text.slice(end)}`);
}
