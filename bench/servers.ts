/** Starting the servers a benchmark measures: ours and the protocol's reference, on 127.0.0.1. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';

/** What a measurement adds to a server's start: diagnostics in the env, profiling in node's flags. */
export interface StartExtras {
	env: Record<string, string>;
	nodeArgs: string[];
}

export type ServerStart = (port: number, extras: StartExtras) => ChildProcess;

export function freePort(): number {
	const out = spawnSync(process.execPath, ['-e', "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"]);
	return Number(out.stdout.toString().trim());
}

export async function waitForHealth(url: string, child: ChildProcess): Promise<void> {
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

/**
 * Node's flags for our server, as `npm start` gives them (package.json): a larger young
 * generation, so that what lives for a turn or a relay tick dies there instead of being
 * promoted and collected by a full GC (half the GC time and about 10 fewer points of CPU
 * under the benchmark's load, for about 25 MiB more RSS; docs/benchmarks.md).
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=32'];

/** Our server on a seeded data folder. Every simulated member connects from this one machine: the per-address cap a clinic needs is lifted. */
export function startOurs(root: string, dataDir: string): ServerStart {
	return (port, extras) =>
		spawn(process.execPath, [...SERVER_NODE_FLAGS, ...extras.nodeArgs, '--import', 'tsx', 'server/index.ts'], {
			cwd: root,
			env: { ...process.env, DATA_DIR: dataDir, HOST: '127.0.0.1', LOG_LEVEL: 'warn', SYNC_MAX_SOCKETS_PER_ADDRESS: '1000000', PORT: String(port), ...extras.env },
			stdio: ['ignore', 'ignore', 'inherit']
		});
}

/** y-websocket@1's server, in memory (bench/reference-server.ts). */
export function startReference(root: string): ServerStart {
	return (port, extras) =>
		spawn(process.execPath, [...extras.nodeArgs, '--import', 'tsx', 'bench/reference-server.ts', String(port)], {
			cwd: root,
			env: { ...process.env, ...extras.env },
			stdio: ['ignore', 'ignore', 'inherit']
		});
}

/** Stops a server with SIGTERM (which is when it writes its diagnostics) and waits for it to exit. */
export function stopServer(server: ChildProcess): Promise<void> {
	if (server.exitCode !== null) return Promise.resolve();
	return new Promise((resolve) => {
		server.once('exit', () => resolve());
		server.kill('SIGTERM');
	});
}
