/**
 * `npm run bench`: the same load against WhatMatters and against the protocol's reference
 * server (y-websocket@1, in memory), in one run, plus in-process memory and load-time checks.
 * Writes docs/benchmarks.md. Options: --boards N --clients-per-board N --rate N --seconds N,
 * --skip-reference (only ours, printed, nothing written: for trying a change quickly),
 * --presence (ours twice, without and with every client sending presence and caret updates at
 * its throttled rate; written to its own section of docs/benchmarks.md), --instances N (one
 * instance on SQLite, one on PostgreSQL, and N on PostgreSQL and Redis, in one run: bench/instances.ts)
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LoadPlan, LoadResult } from './load.js';
import { seed } from './seed.js';
import { processUsage } from './stats.js';
import { writeReport, type ServerRun } from './report.js';
import { writePresenceReport, PRESENCE_PER_CLIENT } from './presence-report.js';
import { benchInstances } from './instances.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name: string, fallback: number): number => {
	const i = args.indexOf(`--${name}`);
	return i >= 0 ? Number(args[i + 1]) : fallback;
};
const BOARDS = option('boards', 250);
const PER_BOARD = option('clients-per-board', 4);
const RATE = option('rate', 500);
const SECONDS = option('seconds', 30);

function freePort(): number {
	const out = spawnSync(process.execPath, ['-e', "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"]);
	return Number(out.stdout.toString().trim());
}

async function waitForHealth(url: string, child: ChildProcess): Promise<void> {
	for (let i = 0; i < 300; i++) {
		if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode})`);
		try {
			if ((await fetch(url)).ok) return;
		} catch {
			// not yet
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`no answer from ${url}`);
}

function runNode(script: string, scriptArgs: string[], nodeArgs: string[] = []): Promise<string> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', path.join(ROOT, script), ...scriptArgs], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
		let out = '';
		child.stdout.on('data', (d) => (out += d));
		child.on('exit', (code) => (code === 0 ? resolve(out.trim().split('\n').at(-1)!) : reject(new Error(`${script} exited with ${code}`))));
	});
}

async function measureServer(name: string, start: (port: number) => ChildProcess, plan: Omit<LoadPlan, 'wsBase'>): Promise<ServerRun> {
	return measureServers(name, [start], plan);
}

/** One load against one or several server processes (each board's clients spread over them). */
async function measureServers(name: string, starts: ((port: number) => ChildProcess)[], plan: Omit<LoadPlan, 'wsBase'>): Promise<ServerRun> {
	const ports = starts.map(() => freePort());
	const servers: ChildProcess[] = [];
	// One after the other: the first applies the migrations the others would wait for.
	for (const [i, start] of starts.entries()) {
		servers.push(start(ports[i]));
		await waitForHealth(`http://127.0.0.1:${ports[i]}/healthz`, servers[i]);
	}
	const usage = () => servers.map((server) => processUsage(server.pid!)).reduce((a, b) => ({ cpuSeconds: a.cpuSeconds + b.cpuSeconds, rssMiB: a.rssMiB + b.rssMiB }));
	const before = usage();
	const startedAt = performance.now();
	console.log(`  ${name}: ${plan.boards.length * PER_BOARD} clients on ${plan.boards.length} boards, ${RATE} updates/s for ${SECONDS} s…`);
	// The plan (a thousand tokens) travels in a file, not on the command line.
	const planFile = path.join(os.tmpdir(), `whatmatters-bench-plan-${process.pid}.json`);
	const wsBases = ports.map((port) => `ws://127.0.0.1:${port}/yjs`);
	fs.writeFileSync(planFile, JSON.stringify({ ...plan, wsBase: wsBases[0], ...(wsBases.length > 1 ? { wsBases } : {}) }));
	const load = JSON.parse(await runNode('bench/load.ts', [planFile])) as LoadResult;
	fs.rmSync(planFile);
	const wall = (performance.now() - startedAt) / 1000;
	const after = usage();
	await Promise.all(servers.map((server) => new Promise((resolve) => (server.once('exit', resolve), server.kill('SIGTERM')))));
	return { name, load, cpuPercent: ((after.cpuSeconds - before.cpuSeconds) / wall) * 100, rssMiB: after.rssMiB };
}

async function main() {
	if (args.includes('--instances')) {
		const command = ['npm run bench', '--', ...args].join(' ');
		const instances = Math.max(2, option('instances', 2));
		console.log(await benchInstances({ root: ROOT, instances, boards: BOARDS, perBoard: PER_BOARD, rate: RATE, seconds: SECONDS, command, measure: measureServers }));
		return;
	}
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'whatmatters-bench-'));
	console.log(`Seeding ${BOARDS} boards × ${PER_BOARD} members (+2 probe boards)…`);
	const seeded = await seed(dataDir, BOARDS + 2, PER_BOARD);
	const plan = {
		boards: seeded.slice(0, BOARDS),
		probeBoards: seeded.slice(BOARDS).map((b) => ({ id: b.id, tokens: b.tokens.slice(0, 2), userIds: b.userIds.slice(0, 2) })),
		updatesPerSecond: RATE,
		warmupSeconds: 5,
		measureSeconds: SECONDS
	};
	// Every simulated member connects from this one machine: lift the per-address cap a clinic needs.
	const env = { ...process.env, DATA_DIR: dataDir, HOST: '127.0.0.1', LOG_LEVEL: 'warn', SYNC_MAX_SOCKETS_PER_ADDRESS: '1000000' };
	const startOurs = (port: number) =>
		spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], { cwd: ROOT, env: { ...env, PORT: String(port) }, stdio: ['ignore', 'ignore', 'inherit'] });
	const ours = await measureServer('WhatMatters', startOurs, plan);
	if (args.includes('--presence')) {
		const withPresence = await measureServer('WhatMatters with presence', startOurs, { ...plan, presencePerClient: PRESENCE_PER_CLIENT });
		const command = ['npm run bench', '--', ...args].join(' ');
		console.log(writePresenceReport(path.join(ROOT, 'docs/benchmarks.md'), { command, without: ours, with: withPresence, rate: RATE, seconds: SECONDS }));
		fs.rmSync(dataDir, { recursive: true, force: true });
		return;
	}
	if (args.includes('--skip-reference')) {
		console.log('propagation', JSON.stringify(ours.load.propagationMs), 'probes', JSON.stringify(ours.load.probeMs));
		return;
	}
	const reference = await measureServer('y-websocket@1 reference', (port) =>
		spawn(process.execPath, ['--import', 'tsx', 'bench/reference-server.ts', String(port)], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] }), plan);

	console.log('  in-process: heap per board, cold load, open/close cycles…');
	const inProcess = JSON.parse(await runNode('bench/in-process.ts', [fs.mkdtempSync(path.join(os.tmpdir(), 'whatmatters-bench-mem-'))], ['--expose-gc']));
	console.log('  history: first page of a plan with 100,000 stored updates…');
	const history = JSON.parse(await runNode('bench/history.ts', [fs.mkdtempSync(path.join(os.tmpdir(), 'whatmatters-bench-history-'))]));
	console.log('  copies: print page, FHIR and all my data of a plan with 500 goals of 10,000 characters…');
	const copies = JSON.parse(await runNode('bench/print-export.ts', [fs.mkdtempSync(path.join(os.tmpdir(), 'whatmatters-bench-copies-'))]));
	const command = ['npm run bench', ...(args.length ? ['--', ...args] : [])].join(' ');
	const report = writeReport(path.join(ROOT, 'docs/benchmarks.md'), { command, ours, reference, inProcess, history, copies, rate: RATE, seconds: SECONDS });
	console.log(report);
	fs.rmSync(dataDir, { recursive: true, force: true });
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
