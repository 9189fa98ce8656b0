/** What /healthz answers while an instance drains (SIGTERM): 503 "stopping", without writing. */
import { expect, it } from 'vitest';
import { checkHealth } from '../../src/lib/server/health.js';
import type { Services } from '../../src/lib/server/services.js';

it('says stopping, without a probe, once the instance drains', async () => {
	let probes = 0;
	const services = { stopping: true, storage: { isOpen: () => true, probeWrite: async () => void probes++ } } as unknown as Services;
	expect(await checkHealth(services, 1)).toEqual({ status: 'stopping' });
	expect(probes).toBe(0);
});
