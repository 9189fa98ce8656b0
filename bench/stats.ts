/** Small statistics helpers for benchmark reports. */
import fs from 'node:fs';

export function percentile(sorted: number[], p: number): number {
	if (!sorted.length) return NaN;
	const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
	return sorted[index];
}

export interface Summary {
	count: number;
	p50: number;
	p95: number;
	p99: number;
	max: number;
}

export function summarise(values: number[]): Summary {
	const sorted = [...values].sort((a, b) => a - b);
	return { count: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: sorted.at(-1) ?? NaN };
}

export const round = (value: number, digits = 2) => Number.isFinite(value) ? Number(value.toFixed(digits)) : value;

/** CPU seconds (user + system) and RSS of a process, from /proc (Linux). */
export function processUsage(pid: number): { cpuSeconds: number; rssMiB: number } {
	const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	const ticks = Number(fields[11]) + Number(fields[12]);
	const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
	const rssKiB = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
	return { cpuSeconds: ticks / 100, rssMiB: rssKiB / 1024 };
}
