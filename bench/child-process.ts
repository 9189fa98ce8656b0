/** Runs a benchmark script in its own node process and returns the last line it printed (its JSON result). */
import { spawn } from 'node:child_process';
import path from 'node:path';

export function runNode(root: string, script: string, scriptArgs: string[], nodeArgs: string[] = []): Promise<string> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', path.join(root, script), ...scriptArgs], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
		let out = '';
		child.stdout.on('data', (d) => (out += d));
		child.on('exit', (code) => (code === 0 ? resolve(out.trim().split('\n').at(-1)!) : reject(new Error(`${script} exited with ${code}`))));
	});
}
