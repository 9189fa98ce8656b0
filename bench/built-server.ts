/** Starts the built app (`server/index.ts` on `build/`) on a free port with its own data folder. */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../tests/helpers/server.js';
import { SERVER_NODE_FLAGS } from './servers.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface BuiltServer {
	base: string;
	child: ChildProcess;
	stop(): void;
}


/** Resolves once /healthz answers; the app must have been built (`vite build`). */
export async function startBuiltServer(dataDir: string): Promise<BuiltServer> {
	const port = await freePort();
	const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, '--import', 'tsx', path.join(ROOT, 'server/index.ts')], {
		cwd: ROOT,
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
		stdio: ['ignore', 'ignore', 'inherit']
	});
	const base = `http://127.0.0.1:${port}`;
	const stop = () => void child.kill('SIGTERM');
	for (let i = 0; i < 300; i++) {
		if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode})`);
		try {
			if ((await fetch(`${base}/healthz`)).ok) return { base, child, stop };
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	stop();
	throw new Error('the server did not start');
}
