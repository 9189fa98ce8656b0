/**
 * Opt-in diagnostics for benchmarks: with WM_DIAGNOSTICS_FILE set, the process records its
 * event-loop delay and garbage-collection pauses, and writes them to that file as JSON when it
 * receives SIGTERM. The benchmark sends SIGUSR2 as its measurement starts (start-up and
 * connecting are left out) and again as it stops (waiting for the last receipts and draining
 * are left out). Unset, it does nothing at all.
 */
import fs from 'node:fs';
import { monitorEventLoopDelay, PerformanceObserver, type EntryType, type IntervalHistogram, type PerformanceEntry } from 'node:perf_hooks';

/** The histogram's sampling interval; every sample includes it, so it is taken off again. */
export const EVENT_LOOP_RESOLUTION_MS = 10;

export interface EventLoopDelay {
	p50: number;
	p99: number;
	max: number;
	mean: number;
	samples: number;
}

/** How late the event loop ran beyond the sampling interval, in ms. */
export function summariseEventLoopDelay(histogram: IntervalHistogram): EventLoopDelay {
	const ms = (ns: number) => (histogram.count ? Math.max(0, ns / 1e6 - EVENT_LOOP_RESOLUTION_MS) : 0);
	return { p50: ms(histogram.percentile(50)), p99: ms(histogram.percentile(99)), max: ms(histogram.max), mean: ms(histogram.mean), samples: histogram.count };
}

export interface ProcessDiagnostics {
	eventLoopDelayMs: EventLoopDelay;
	gc: { count: number; totalMs: number; maxMs: number };
	/** How long the window was, in seconds. */
	windowSeconds: number;
}

export function recordDiagnosticsIfAsked(file = process.env.WM_DIAGNOSTICS_FILE): void {
	if (!file) return;
	const delay = monitorEventLoopDelay({ resolution: EVENT_LOOP_RESOLUTION_MS });
	let gc = { count: 0, totalMs: 0, maxMs: 0 };
	let since = performance.now();
	const count = (entries: PerformanceEntry[]) => {
		for (const entry of entries) {
			gc.count++;
			gc.totalMs += entry.duration;
			gc.maxMs = Math.max(gc.maxMs, entry.duration);
		}
	};
	const observer = new PerformanceObserver((list) => count(list.getEntries()));
	observer.observe({ entryTypes: ['gc' as EntryType] });
	delay.enable();
	let closed: ProcessDiagnostics | null = null;
	const snapshot = (): ProcessDiagnostics => {
		// Pauses not yet delivered to the observer count too.
		count(observer.takeRecords());
		return { eventLoopDelayMs: summariseEventLoopDelay(delay), gc: { ...gc }, windowSeconds: (performance.now() - since) / 1000 };
	};
	let opened = false;
	process.on('SIGUSR2', () => {
		if (opened) {
			closed ??= snapshot();
			return;
		}
		opened = true;
		observer.takeRecords();
		delay.reset();
		gc = { count: 0, totalMs: 0, maxMs: 0 };
		since = performance.now();
	});
	// Registered before the server's own SIGTERM handler, so draining is not in the figures.
	process.once('SIGTERM', () => {
		const result = closed ?? snapshot();
		delay.disable();
		observer.disconnect();
		fs.writeFileSync(file, JSON.stringify(result));
	});
}
