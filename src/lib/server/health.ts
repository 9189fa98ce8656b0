/**
 * What /healthz answers. "Open" is not enough: a full disk or a locked file leaves the process
 * up while every sign-in and every saved edit fails, so a real write is tried each time.
 */
import type { Services } from './services.js';

export type Health =
	| { status: 'ok' }
	| { status: 'starting' }
	| { status: 'unavailable'; reason: string };

export async function checkHealth(services: Services | undefined, now = Date.now()): Promise<Health> {
	if (!services?.storage.isOpen()) return { status: 'starting' };
	try {
		await services.storage.probeWrite(now);
		return { status: 'ok' };
	} catch (error) {
		const detail = error instanceof Error ? error.message : String(error);
		services.log.error('Health check: storage cannot write', { error: detail });
		return { status: 'unavailable', reason: `storage cannot write: ${detail}` };
	}
}
