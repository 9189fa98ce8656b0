/**
 * `--alloc-prof`: where a server's allocations over the measured window came from. Sums the
 * sampled bytes of each function (V8's sampling heap profile, collected objects included) and
 * lists the top ones, with the rate over the window.
 */
import fs from 'node:fs';
import path from 'node:path';
import { frameName } from './cpu-profile.js';

interface AllocationNode {
	callFrame: { functionName: string; url: string; lineNumber: number };
	selfSize: number;
	children: AllocationNode[];
}

/** The functions that allocated the most, as text lines. */
export function topAllocations(file: string, windowSeconds: number, top = 15): string[] {
	const { head } = JSON.parse(fs.readFileSync(file, 'utf8')) as { head: AllocationNode };
	const bytes = new Map<string, number>();
	const visit = (node: AllocationNode) => {
		const name = frameName(node.callFrame);
		bytes.set(name, (bytes.get(name) ?? 0) + node.selfSize);
		for (const child of node.children) visit(child);
	};
	visit(head);
	const total = [...bytes.values()].reduce((a, b) => a + b, 0);
	const mib = (n: number) => n / 1024 / 1024;
	return [
		`allocated about ${mib(total).toFixed(0)} MiB in ${windowSeconds.toFixed(0)} s (${(mib(total) / windowSeconds).toFixed(1)} MiB/s), sampled; share by function:`,
		...[...bytes.entries()]
			.sort((a, b) => b[1] - a[1])
			.slice(0, top)
			.map(([name, n]) => `${((n / total) * 100).toFixed(1).padStart(5)} %  ${mib(n).toFixed(1).padStart(7)} MiB  ${name}`)
	];
}

/** Prints the top allocations of each server's profile written in `dir`. */
export function printAllocations(label: string, dir: string, windowSeconds: number): void {
	const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.heapprofile')) : [];
	if (!files.length) return console.log(`  ${label}: no allocation profile was written in ${dir}`);
	for (const file of files) {
		console.log(`  ${label}, allocations over the measured window (${path.join(dir, file)}; open it in Chrome DevTools):`);
		for (const line of topAllocations(path.join(dir, file), windowSeconds)) console.log(`    ${line}`);
	}
}
