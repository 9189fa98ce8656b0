/**
 * Starts `vite dev` (what `npm run dev` runs) in a child process on a free port, with its own
 * SQLite file in a temp folder, and stops it again: for checking that the dev server offers the
 * realtime endpoints the Vite plugin in vite.config.ts mounts.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { freePort, ROOT, tempDir } from './server.js';

export interface DevServer {
	url: string;
	output(): string;
	/** Ends the dev server and whatever it started (its process group), and waits until it has gone. */
	stop(): Promise<void>;
}

export async function startDevServer(timeoutMs = 90_000): Promise<DevServer> {
	const port = await freePort();
	const dataDir = tempDir('whatmatters-dev-');
	const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
	// The plugin skips itself under Vitest (VITEST), which the child would inherit; and a
	// developer's dev server is one instance on SQLite, not the test run's PostgreSQL or Redis.
	for (const name of Object.keys(env)) if (/^VITEST|^NODE_ENV$|^DATABASE_URL$|^REDIS_URL$|^ORIGIN$|^FORCE_COLOR$/.test(name)) delete env[name];
	// Plain output, so its address can be read (under a test runner Vite may colour the port).
	env.NO_COLOR = '1';
	const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'dev', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
		cwd: ROOT,
		env,
		stdio: ['ignore', 'pipe', 'pipe'],
		// Its own process group, so stopping it also ends esbuild and anything else it started.
		detached: true
	});
	let output = '';
	child.stdout?.on('data', (chunk) => (output += chunk));
	child.stderr?.on('data', (chunk) => (output += chunk));
	const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	const stop = async () => {
		if (child.exitCode === null && child.signalCode === null) {
			const group = (signal: NodeJS.Signals) => {
				try {
					process.kill(-child.pid!, signal);
				} catch {
					// Already gone.
				}
			};
			group('SIGTERM');
			const killer = setTimeout(() => group('SIGKILL'), 5_000);
			await gone;
			clearTimeout(killer);
		}
		fs.rmSync(dataDir, { recursive: true, force: true });
	};

	// Vite prints its address once it listens; the plugin has mounted the endpoints by then.
	const url = `http://127.0.0.1:${port}`;
	const deadline = Date.now() + timeoutMs;
	// Colour codes, if any slipped through, are taken out first.
	while (!output.replace(/\x1b\[[0-9;]*m/g, '').includes(`${url}/`)) {
		if (child.exitCode !== null) throw new Error(`vite dev exited early (${child.exitCode}):\n${output}`);
		if (Date.now() > deadline) {
			await stop();
			throw new Error(`vite dev did not start:\n${output}`);
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	return { url, output: () => output, stop };
}
