/**
 * Starts the real built app (`server/index.ts`) in a child process on a free port, with its
 * own SQLite file in a temp folder. Tests talk to it over real HTTP and WebSockets.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface TestServer {
	url: string;
	port: number;
	dataDir: string;
	/** What the process printed, for assertions on log lines. */
	output(): string;
	/** Graceful stop (SIGTERM). */
	stop(): Promise<void>;
	/** SIGKILL: the crash tests' way to end it. */
	kill(): Promise<void>;
	/** Starts it again on the same port and data folder. */
	restart(): Promise<void>;
	/** The process's resident memory now, from the kernel (Linux). */
	rssMiB(): number;
}

export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = net.createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const address = probe.address();
			probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
		});
	});
}

export function tempDir(prefix = 'whatmatters-test-'): string {
	return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

async function waitForHealth(url: string, child: ChildProcess, log: () => string): Promise<void> {
	const deadline = Date.now() + 30_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`server exited early (${child.exitCode}):\n${log()}`);
		try {
			const response = await fetch(`${url}/healthz`);
			if (response.ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`server did not become healthy:\n${log()}`);
}

export async function startServer(env: Record<string, string> = {}): Promise<TestServer> {
	const port = await freePort();
	const dataDir = env.DATA_DIR ?? tempDir();
	const url = `http://127.0.0.1:${port}`;
	let output = '';
	let child: ChildProcess;

	const launch = async () => {
		child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server/index.ts')], {
			cwd: ROOT,
			env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'info', ...env },
			stdio: ['ignore', 'pipe', 'pipe']
		});
		child.stdout?.on('data', (chunk) => (output += chunk));
		child.stderr?.on('data', (chunk) => (output += chunk));
		await waitForHealth(url, child, () => output);
	};
	const exited = () =>
		new Promise<void>((resolve) => {
			if (child.exitCode !== null || child.signalCode !== null) resolve();
			else child.once('exit', () => resolve());
		});

	await launch();
	return {
		url,
		port,
		dataDir,
		output: () => output,
		async stop() {
			child.kill('SIGTERM');
			await exited();
		},
		async kill() {
			child.kill('SIGKILL');
			await exited();
		},
		restart: launch,
		rssMiB() {
			const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
			return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN) / 1024;
		}
	};
}

/** Runs the server expecting it to refuse to start: resolves with its exit code and output. */
export async function runUntilExit(env: Record<string, string>, timeoutMs = 30_000): Promise<{ code: number | null; output: string }> {
	const port = await freePort();
	const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server/index.ts')], {
		cwd: ROOT,
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout?.on('data', (chunk) => (output += chunk));
	child.stderr?.on('data', (chunk) => (output += chunk));
	const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
	const code = await new Promise<number | null>((resolve) => child.once('exit', (exitCode) => resolve(exitCode)));
	clearTimeout(timer);
	return { code, output };
}
