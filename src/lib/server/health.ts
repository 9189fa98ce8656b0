/**
 * What /healthz answers. "Open" is not enough: a full disk or a locked file leaves the process
 * up while every sign-in and every saved edit fails, so a real write is tried each time.
 */
import type { Services } from './services.js';

export type Health =
	| { status: 'ok' }
	| { status: 'starting' }
	| { status: 'stopping' }
	| { status: 'unavailable'; reason: string };

/** One probe a second at most, however many ask: anyone may call /healthz, and a probe writes. */
const REUSE_MS = 1_000;
let last: { at: number; answer: Promise<Health> } | null = null;

export async function checkHealth(services: Services | undefined, now = Date.now()): Promise<Health> {
	if (services?.stopping) return { status: 'stopping' };
	if (!services?.storage.isOpen()) return { status: 'starting' };
	if (last && now - last.at < REUSE_MS) return last.answer;
	last = { at: now, answer: probe(services, now) };
	return last.answer;
}

async function probe(services: Services, now: number): Promise<Health> {
	try {
		await services.storage.probeWrite(now);
		return { status: 'ok' };
	} catch (error) {
		// The details are for the operator's log, not for whoever asked.
		services.log.error('Health check: storage cannot write', { error: error instanceof Error ? error.message : String(error) });
		return { status: 'unavailable', reason: 'storage cannot write' };
	}
}
