/**
 * Each instance's lease in Redis: a key that lives as long as the instance renews it. What an
 * instance holds in shared counts (sockets per account) or announces (who is on a plan) counts
 * only while its lease lives, so an instance killed with SIGKILL gives its places back within
 * LEASE_MS without anyone tidying up after it.
 */
import type { Logger } from '../log.js';
import { onReconnect, type RedisClient } from './redis.js';

export const LEASE_MS = 15_000;
const RENEW_MS = 5_000;
export const LEASE_PREFIX = 'whatmatters:instance:';
const INSTANCES = 'whatmatters:instances';

export interface Lease {
	/** Instances whose lease lives now (this one included). */
	alive(): Promise<Set<string>>;
	stop(): Promise<void>;
}

export function holdLease(redis: RedisClient, instanceId: string, log: Logger): Lease {
	const renew = () =>
		redis
			.multi()
			.set(LEASE_PREFIX + instanceId, String(Date.now()), { PX: LEASE_MS })
			.sAdd(INSTANCES, instanceId)
			.exec()
			.catch((error: Error) => log.debug('Renewing the instance lease failed', { error: error.message }));
	void renew();
	const timer = setInterval(renew, RENEW_MS);
	timer.unref();
	const stopReconnect = onReconnect(redis, () => void renew());
	return {
		async alive() {
			const ids = await redis.sMembers(INSTANCES);
			if (!ids.length) return new Set();
			const leases = await redis.mGet(ids.map((id) => LEASE_PREFIX + id));
			const dead = ids.filter((_, i) => leases[i] === null);
			if (dead.length) void redis.sRem(INSTANCES, dead).catch(() => undefined);
			return new Set(ids.filter((_, i) => leases[i] !== null));
		},
		async stop() {
			clearInterval(timer);
			stopReconnect();
			await redis
				.multi()
				.del(LEASE_PREFIX + instanceId)
				.sRem(INSTANCES, instanceId)
				.exec()
				.catch(() => undefined);
		}
	};
}
