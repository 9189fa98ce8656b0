/**
 * Spreads a load over several processes (bench/load.ts), so the load generator is not the
 * bottleneck: each board's clients live in one process, boards shared out by client count,
 * each process typing its share of the rate. This process is their one clock (go, measure,
 * stop), and merges their samples into one result.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LoadCommand, LoadPartResult, LoadPlan, LoadResult } from './load.js';
import { summarise } from './stats.js';

export interface LoadWindow {
	/** Called as measuring starts and as it stops (for the servers' CPU and diagnostics). */
	onMeasureStart(): void;
	onMeasureStop(): void;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Each board to the process with the fewest clients so far; probe boards in turn. */
export function partition(plan: LoadPlan, processes: number): LoadPlan[] {
	const parts = Array.from({ length: Math.max(1, processes) }, () => ({ boards: [] as LoadPlan['boards'], probeBoards: [] as LoadPlan['probeBoards'], clients: 0 }));
	for (const board of plan.boards) {
		const lightest = parts.reduce((a, b) => (b.clients < a.clients ? b : a));
		lightest.boards.push(board);
		lightest.clients += board.tokens.length;
	}
	plan.probeBoards.forEach((board, i) => parts[i % parts.length].probeBoards.push(board));
	const typists = (boards: LoadPlan['boards']) => boards.reduce((sum, b) => sum + Math.min(b.tokens.length, plan.typistsPerBoard ?? Infinity), 0);
	const allTypists = typists(plan.boards);
	return parts
		.filter((part) => part.boards.length || part.probeBoards.length)
		.map((part) => ({ ...plan, boards: part.boards, probeBoards: part.probeBoards, updatesPerSecond: (plan.updatesPerSecond * typists(part.boards)) / allTypists }));
}

interface LoadChild {
	process: ChildProcess;
	ready: Promise<void>;
	result: Promise<LoadPartResult>;
}

function startLoadProcess(root: string, plan: LoadPlan, index: number): LoadChild {
	// The plan (thousands of tokens) travels in a file, not on the command line.
	const planFile = path.join(os.tmpdir(), `whatmatters-bench-plan-${process.pid}-${index}.json`);
	fs.writeFileSync(planFile, JSON.stringify(plan));
	const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'bench/load.ts'), planFile], { cwd: root, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
	let markReady: () => void = () => undefined;
	const ready = new Promise<void>((resolve) => (markReady = resolve));
	const result = new Promise<LoadPartResult>((resolve, reject) => {
		child.on('message', (message: { type: string; result?: LoadPartResult }) => {
			if (message.type === 'ready') markReady();
			if (message.type === 'result') resolve(message.result!);
		});
		child.on('exit', (code) => {
			fs.rmSync(planFile, { force: true });
			reject(new Error(`load process ${index} exited with ${code}`));
		});
	});
	// A process that dies before it is ready must not leave the others waiting for ever.
	return { process: child, ready: Promise.race([ready, result.then(() => undefined)]), result };
}

function merge(parts: LoadPartResult[]): LoadResult {
	const sum = (f: (p: LoadPartResult) => number) => parts.reduce((total, part) => total + f(part), 0);
	const latencies = parts.flatMap((p) => p.latencies);
	const measured = Math.max(...parts.map((p) => p.measuredSeconds));
	return {
		clients: sum((p) => p.clients),
		boards: sum((p) => p.boards),
		updatesSent: sum((p) => p.updatesSent),
		updatesPerSecond: sum((p) => p.updatesSent) / measured,
		receipts: latencies.length,
		expectedReceipts: sum((p) => p.expectedReceipts),
		propagationMs: summarise(latencies),
		crossInstanceMs: summarise(parts.flatMap((p) => p.crossInstanceLatencies)),
		probeMs: summarise(parts.flatMap((p) => p.probeLatencies)),
		connectSeconds: Math.max(...parts.map((p) => p.connectSeconds)),
		errors: sum((p) => p.errors),
		presenceSent: sum((p) => p.presenceSent),
		presencePerSecond: sum((p) => p.presenceSent) / measured,
		loadCpuPercent: sum((p) => p.cpuPercent),
		loadProcesses: parts.map((p) => ({ clients: p.clients, cpuPercent: p.cpuPercent, eventLoopDelayMs: p.eventLoopDelayMs, measuredSeconds: p.measuredSeconds }))
	};
}

/** Runs the plan over `processes` load processes: connect all, warm up, measure, merge. */
export async function runLoad(root: string, plan: LoadPlan, processes: number, window: LoadWindow): Promise<LoadResult> {
	const children = partition(plan, processes).map((part, i) => startLoadProcess(root, part, i));
	const tell = (command: LoadCommand) => children.forEach((child) => child.process.send(command));
	try {
		await Promise.all(children.map((child) => child.ready));
		tell('go');
		await sleep(plan.warmupSeconds * 1000);
		window.onMeasureStart();
		tell('measure');
		await sleep(plan.measureSeconds * 1000);
		window.onMeasureStop();
		tell('stop');
		return merge(await Promise.all(children.map((child) => child.result)));
	} finally {
		for (const child of children) if (child.process.exitCode === null) child.process.kill('SIGTERM');
	}
}
