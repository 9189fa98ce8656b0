/**
 * Slows password guessing: after 10 failed logins in 15 minutes for one email, or from one
 * address, further tries are refused until the oldest failure leaves the window.
 */
import type { Storage } from '../storage.js';

export const MAX_FAILURES = 10;
export const WINDOW_MS = 15 * 60 * 1000;

export function throttleKeys(email: string, address: string): string[] {
	return [`email:${email.toLowerCase()}`, `address:${address}`];
}

/** Milliseconds until another try is allowed, or 0 if one is allowed now. */
export async function retryAfterMs(storage: Storage, keys: string[], now: number): Promise<number> {
	let wait = 0;
	for (const key of keys) {
		const { count, oldest } = await storage.loginAttempts.failuresSince(key, now - WINDOW_MS);
		if (count >= MAX_FAILURES && oldest !== null) wait = Math.max(wait, oldest + WINDOW_MS - now);
	}
	return wait;
}

/** "in 14 minutes", "in 1 minute": never a timestamp the reader must work out. */
export function describeWait(ms: number): string {
	const minutes = Math.max(1, Math.ceil(ms / 60000));
	return minutes === 1 ? 'in 1 minute' : `in ${minutes} minutes`;
}
