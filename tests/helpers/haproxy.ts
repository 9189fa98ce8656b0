/**
 * A real HAProxy (Debian's package) in front of test instances, run from the configuration the
 * operations guide gives (docs/haproxy.cfg): only the addresses and the check interval change.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { freePort, ROOT, tempDir } from './server.js';

export interface TestHaproxy {
	url: string;
	output(): string;
	stop(): Promise<void>;
}

/**
 * The documented configuration, pointed at `backends` (ports on 127.0.0.1) and listening on `port`.
 * `captureHeader`: a request header the test's clients send, logged with each request (`{value}`
 * in the log line, before the request), so a test can tell whose request each instance served.
 */
export function haproxyConfig(port: number, backends: number[], checkMs: number, captureHeader?: string): string {
	const documented = fs.readFileSync(path.join(ROOT, 'docs/haproxy.cfg'), 'utf8');
	const servers = backends.map((backend, i) => `\tserver i${i} 127.0.0.1:${backend} cookie i${i}`).join('\n');
	const config = documented
		.replace(/^\tbind :80$/m, `\tbind 127.0.0.1:${port}`)
		.replace(/^\tdefault-server check inter 2s/m, `\tdefault-server check inter ${checkMs}ms`)
		.replace(/^\tserver one .*\n\tserver two .*$/m, servers)
		.replace(/^\tdefault_backend whatmatters$/m, (line) => (captureHeader ? `\tcapture request header ${captureHeader} len 32\n${line}` : line));
	if (!config.includes(`127.0.0.1:${port}`) || !config.includes('server i0')) throw new Error('docs/haproxy.cfg no longer has the lines this test replaces');
	if (captureHeader && !config.includes(`capture request header ${captureHeader}`)) throw new Error('docs/haproxy.cfg no longer has its default_backend line');
	return config;
}

export async function startHaproxy(backends: number[], checkMs = 300, captureHeader?: string): Promise<TestHaproxy> {
	const port = await freePort();
	const file = path.join(tempDir('whatmatters-haproxy-'), 'haproxy.cfg');
	fs.writeFileSync(file, haproxyConfig(port, backends, checkMs, captureHeader));
	const binary = fs.existsSync('/usr/sbin/haproxy') ? '/usr/sbin/haproxy' : 'haproxy';
	let output = '';
	const child: ChildProcess = spawn(binary, ['-db', '-f', file], { stdio: ['ignore', 'pipe', 'pipe'] });
	child.stdout?.on('data', (chunk) => (output += chunk));
	child.stderr?.on('data', (chunk) => (output += chunk));
	const url = `http://127.0.0.1:${port}`;
	const deadline = Date.now() + 15_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`haproxy exited:\n${output}`);
		const healthy = await fetch(`${url}/healthz`).then((r) => r.ok, () => false);
		if (healthy) break;
		if (Date.now() > deadline) throw new Error(`haproxy did not answer:\n${output}`);
		await new Promise((r) => setTimeout(r, 100));
	}
	return {
		url,
		output: () => output,
		async stop() {
			if (child.exitCode !== null) return;
			const exited = new Promise((resolve) => child.once('exit', resolve));
			child.kill('SIGTERM');
			await exited;
		}
	};
}
