/**
 * `--cpu-prof`: where a server's time went. Node writes a .cpuprofile on exit; this sums each
 * function's self time (samples × their time deltas) and lists the top ones.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT_URL = `${pathToFileURL(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')).href}/`;

/** A profile's call frame as "name file:line", paths relative to the project or node_modules. */
export function frameName({ functionName, url, lineNumber }: { functionName: string; url: string; lineNumber: number }): string {
	const where = url ? ` ${url.replace(/^(file:\/\/)?.*?node_modules\//, '').replace(ROOT_URL, '')}:${lineNumber + 1}` : '';
	return `${functionName || '(anonymous)'}${where}`;
}

interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
	nodes: ProfileNode[];
	samples: number[];
	timeDeltas: number[];
}

/** Node's flags to write a CPU profile into `dir` when the process exits. */
export const cpuProfileArgs = (dir: string) => ['--cpu-prof', '--cpu-prof-dir', dir];

/** The function names and places that took the most self time while busy (idle left out), as text lines. */
export function topSelfTime(file: string, top = 15): string[] {
	const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
	const nameOf = new Map<number, string>();
	for (const { id, callFrame } of profile.nodes) {
		nameOf.set(id, frameName(callFrame));
	}
	const selfMicros = new Map<string, number>();
	profile.samples.forEach((id, i) => {
		const name = nameOf.get(id)!;
		selfMicros.set(name, (selfMicros.get(name) ?? 0) + (profile.timeDeltas[i] ?? 0));
	});
	const idle = selfMicros.get('(idle)') ?? 0;
	selfMicros.delete('(idle)');
	const busy = [...selfMicros.values()].reduce((a, b) => a + b, 0);
	return [
		`busy ${(busy / 1e6).toFixed(1)} s, idle ${(idle / 1e6).toFixed(1)} s; share of the busy time:`,
		...[...selfMicros.entries()]
			.sort((a, b) => b[1] - a[1])
			.slice(0, top)
			.map(([name, micros]) => `${((micros / busy) * 100).toFixed(1).padStart(5)} %  ${(micros / 1000).toFixed(0).padStart(7)} ms  ${name}`)
	];
}

/** Node names profiles CPU.<date>.<time>.<pid>.<thread>.<sequence>.cpuprofile; thread 0 is the main one. */
const isMainThread = (file: string) => file.split('.').at(-3) === '0';

/** Prints where the profiles in `dir` went and the main thread's top self times. */
export function printProfiles(label: string, dir: string): void {
	const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')) : [];
	if (!files.length) return console.log(`  ${label}: no CPU profile was written in ${dir}`);
	console.log(`  ${label}: CPU profiles (whole process life; open them in Chrome DevTools) in ${dir}: ${files.join(', ')}`);
	for (const file of files.filter(isMainThread)) {
		console.log(`  ${label}, main thread, top self time:`);
		for (const line of topSelfTime(path.join(dir, file))) console.log(`    ${line}`);
	}
}
