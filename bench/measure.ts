/**
 * One load against one or several server processes: starts them, runs the load over several
 * load processes, and takes each server's CPU, RSS and (from WM_DIAGNOSTICS_FILE) event-loop
 * delay and GC pauses over the measured window only.
 */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ProcessDiagnostics } from '../server/diagnostics.js';
import { printAllocations } from './allocation-report.js';
import { cpuProfileArgs, printProfiles } from './cpu-profile.js';
import type { LoadPlan } from './load.js';
import { runLoad } from './load-processes.js';
import type { ServerRun } from './report.js';
import { freePort, stopServer, waitForHealth, type ServerStart } from './servers.js';
import { processUsage } from './stats.js';

export interface MeasureOptions {
	root: string;
	loadProcesses: number;
	/** Where to write the servers' CPU profiles (none without). */
	cpuProfileDir?: string;
	/** Where to write the servers' allocation profiles of the measured window (none without). */
	allocationProfileDir?: string;
}

export async function measureServers(name: string, starts: ServerStart[], plan: Omit<LoadPlan, 'wsBase'>, options: MeasureOptions): Promise<ServerRun> {
	const ports = starts.map(() => freePort());
	const tag = `${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
	const diagnosticsFiles = starts.map((_, i) => path.join(os.tmpdir(), `whatmatters-bench-diagnostics-${tag}-${i}.json`));
	const servers: ChildProcess[] = [];
	try {
		// One after the other: the first applies the migrations the others would wait for.
		for (const [i, start] of starts.entries()) {
			const nodeArgs = options.cpuProfileDir ? cpuProfileArgs(options.cpuProfileDir) : [];
			const env: Record<string, string> = { WM_DIAGNOSTICS_FILE: diagnosticsFiles[i] };
			if (options.allocationProfileDir) {
				fs.mkdirSync(options.allocationProfileDir, { recursive: true });
				env.WM_ALLOCATION_PROFILE_FILE = path.join(options.allocationProfileDir, `server-${i}.heapprofile`);
			}
			servers.push(start(ports[i], { env, nodeArgs }));
			await waitForHealth(`http://127.0.0.1:${ports[i]}/healthz`, servers[i]);
		}
		const usage = () => servers.map((server) => processUsage(server.pid!)).reduce((a, b) => ({ cpuSeconds: a.cpuSeconds + b.cpuSeconds, rssMiB: a.rssMiB + b.rssMiB }));
		let before = usage();
		let after = before;
		let startedAt = 0;
		let wall = 0;
		const clients = plan.boards.reduce((sum, b) => sum + b.tokens.length, 0);
		console.log(`  ${name}: ${clients} clients on ${plan.boards.length} board(s), ${plan.updatesPerSecond} updates/s for ${plan.measureSeconds} s, ${options.loadProcesses} load processes…`);
		const wsBases = ports.map((port) => `ws://127.0.0.1:${port}/yjs`);
		const load = await runLoad(options.root, { ...plan, wsBase: wsBases[0], ...(wsBases.length > 1 ? { wsBases } : {}) }, options.loadProcesses, {
			onMeasureStart() {
				// The servers' diagnostics start afresh here: start-up and connecting are left out.
				for (const server of servers) server.kill('SIGUSR2');
				before = usage();
				startedAt = performance.now();
			},
			onMeasureStop() {
				// …and end here: waiting for the last receipts is left out too.
				for (const server of servers) server.kill('SIGUSR2');
				after = usage();
				wall = (performance.now() - startedAt) / 1000;
			}
		});
		await Promise.all(servers.map(stopServer));
		const diagnostics = diagnosticsFiles.map((file) => (fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as ProcessDiagnostics) : null));
		if (options.cpuProfileDir) printProfiles(name, options.cpuProfileDir);
		if (options.allocationProfileDir) printAllocations(name, options.allocationProfileDir, wall);
		return { name, load, cpuPercent: ((after.cpuSeconds - before.cpuSeconds) / wall) * 100, rssMiB: after.rssMiB, diagnostics };
	} finally {
		await Promise.all(servers.map(stopServer));
		for (const file of diagnosticsFiles) fs.rmSync(file, { force: true });
	}
}
