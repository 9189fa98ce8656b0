/**
 * Opt-in allocation profile for benchmarks: with WM_ALLOCATION_PROFILE_FILE set, V8's sampling
 * heap profiler records what the process allocates between the benchmark's two SIGUSR2 signals
 * (its measured window, as in diagnostics.ts), counting objects the GC has already collected,
 * so it shows where the allocation rate (and so the GC work) comes from, not only what is kept.
 * It writes a .heapprofile (open it in Chrome DevTools) at the second signal. Unset, nothing.
 */
import fs from 'node:fs';
import { Session } from 'node:inspector';

/** One sample every this many bytes allocated, on average. */
const SAMPLING_INTERVAL_BYTES = 32 * 1024;

export function recordAllocationProfileIfAsked(file = process.env.WM_ALLOCATION_PROFILE_FILE): void {
	if (!file) return;
	const session = new Session();
	session.connect();
	let signals = 0;
	process.on('SIGUSR2', () => {
		signals++;
		if (signals === 1) {
			session.post('HeapProfiler.startSampling', {
				samplingInterval: SAMPLING_INTERVAL_BYTES,
				includeObjectsCollectedByMajorGC: true,
				includeObjectsCollectedByMinorGC: true
			});
		} else if (signals === 2) {
			session.post('HeapProfiler.stopSampling', (error, result) => {
				if (!error) fs.writeFileSync(file, JSON.stringify(result.profile));
				session.disconnect();
			});
		}
	});
}
