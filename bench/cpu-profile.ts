/**
 * `--cpu-prof`: where a server's time went. Node writes a .cpuprofile on exit; this sums each
 * function's self time (samples × their time deltas) and lists the top ones.
 */
import fs from 'node:fs';
import path from 'node:path';

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

/** The function names and places that took the most self time, as text lines. */
export function topSelfTime(file: string, top = 15): string[] {
	const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
	const nameOf = new Map<number, string>();
	for (const { id, callFrame } of profile.nodes) {
		const where = callFrame.url ? ` ${callFrame.url.replace(/^file:\/\/.*?node_modules\//, '').replace(/^file:\/\/.*\//, '')}:${callFrame.lineNumber + 1}` : '';
		nameOf.set(id, `${callFrame.functionName || '(anonymous)'}${where}`);
	}
	const selfMicros = new Map<string, number>();
	profile.samples.forEach((id, i) => {
		const name = nameOf.get(id)!;
		selfMicros.set(name, (selfMicros.get(name) ?? 0) + (profile.timeDeltas[i] ?? 0));
	});
	const total = [...selfMicros.values()].reduce((a, b) => a + b, 0);
	return [...selfMicros.entries()]
		.sort((a, b) => b[1] - a[1])
		.slice(0, top)
		.map(([name, micros]) => `${((micros / total) * 100).toFixed(1).padStart(5)} %  ${(micros / 1000).toFixed(0).padStart(7)} ms  ${name}`);
}

/** Prints where each profile in `dir` went and its top self times. */
export function printProfiles(label: string, dir: string): void {
	const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')) : [];
	if (!files.length) return console.log(`  ${label}: no CPU profile was written in ${dir}`);
	for (const file of files) {
		console.log(`  ${label}: CPU profile in ${path.join(dir, file)} (whole process life; open it in Chrome DevTools). Top self time:`);
		for (const line of topSelfTime(path.join(dir, file))) console.log(`    ${line}`);
	}
}
