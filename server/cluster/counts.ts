/**
 * Caps that hold across instances (sockets per account, per address): each instance keeps its
 * own count per key, mirrored in a Redis hash field of its own; a new socket is admitted by one
 * Lua script that adds up the live instances' fields and this instance's, and takes the place
 * only if the total is under the cap. One script is one atomic step in Redis, so two instances
 * admitting at the same moment cannot both take the last place. Fields of instances whose lease
 * ran out (killed) are dropped as they are met. The mirror is written with the instance's whole
 * count, not increments, so it is simply written again after Redis restarts or loses data.
 */
import type { Logger } from '../log.js';
import { LEASE_PREFIX } from './lease.js';
import { onReconnect, type RedisClient } from './redis.js';

const TAKE = `
local total = tonumber(ARGV[3])
local fields = redis.call('HGETALL', KEYS[1])
for i = 1, #fields, 2 do
	if fields[i] ~= ARGV[1] then
		if redis.call('EXISTS', ARGV[4] .. fields[i]) == 1 then
			total = total + tonumber(fields[i + 1])
		else
			redis.call('HDEL', KEYS[1], fields[i])
		end
	end
end
if total >= tonumber(ARGV[2]) then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], tonumber(ARGV[3]) + 1)
redis.call('PEXPIRE', KEYS[1], 86400000)
return 1`;

/** Gives back a place taken. */
export type Release = () => void;

export interface PlaceCounter {
	/** Takes one place under `key`, or null (nothing taken) if the key is at its cap. Rejects if the count cannot be read. */
	take(key: string): Promise<Release | null>;
	/** This instance's count under `key`. */
	local(key: string): number;
}

/** The count of one process alone (one instance, no Redis). */
export function localCounter(cap: number): PlaceCounter {
	const open = new Map<string, number>();
	return {
		async take(key) {
			const count = open.get(key) ?? 0;
			if (count >= cap) return null;
			open.set(key, count + 1);
			return once(() => {
				const left = (open.get(key) ?? 1) - 1;
				if (left > 0) open.set(key, left);
				else open.delete(key);
			});
		},
		local: (key) => open.get(key) ?? 0
	};
}

function once(release: () => void): Release {
	let done = false;
	return () => {
		if (done) return;
		done = true;
		release();
	};
}

export function sharedCounter(redis: RedisClient, name: string, cap: number, instanceId: string, log: Logger): PlaceCounter {
	const open = new Map<string, number>();
	const hash = (key: string) => `whatmatters:count:${name}:${key}`;
	const mirror = (key: string) => {
		const count = open.get(key) ?? 0;
		const write = count > 0 ? redis.hSet(hash(key), instanceId, String(count)) : redis.hDel(hash(key), instanceId);
		return write.catch((error: Error) => log.debug('Writing a shared count failed', { name, error: error.message }));
	};
	// Redis may have restarted empty, or missed our writes while it was away: write them all again.
	onReconnect(redis, () => {
		for (const key of open.keys()) void mirror(key);
	});
	return {
		async take(key) {
			// Counted here first, so two takes on this instance at once see each other.
			const mine = open.get(key) ?? 0;
			open.set(key, mine + 1);
			let admitted: unknown;
			try {
				admitted = await redis.eval(TAKE, { keys: [hash(key)], arguments: [instanceId, String(cap), String(mine), LEASE_PREFIX] });
			} catch (error) {
				release(key);
				void mirror(key);
				throw error;
			}
			if (Number(admitted) !== 1) {
				release(key);
				// A take here admitted meanwhile wrote a count that included this one.
				void mirror(key);
				return null;
			}
			// Another take or release here while the script ran: write the true count.
			if ((open.get(key) ?? 0) !== mine + 1) void mirror(key);
			return once(() => {
				release(key);
				void mirror(key);
			});
		},
		local: (key) => open.get(key) ?? 0
	};

	function release(key: string): void {
		const left = (open.get(key) ?? 1) - 1;
		if (left > 0) open.set(key, left);
		else open.delete(key);
	}
}
