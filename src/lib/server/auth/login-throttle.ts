/**
 * Slows password guessing. Every sign-in attempt is counted *before* its password is checked
 * (storage reserves it atomically), so a burst of parallel requests cannot slip past the limit:
 * at most MAX_ACCOUNT_ATTEMPTS passwords are ever checked for one account in WINDOW_MS, and
 * once that is reached even the right password is refused until the oldest attempt leaves.
 *
 * The address limit is ten times higher on purpose. A whole clinic, a hospital or a care home
 * can reach us through one proxy address; a limit as low as the account's would let one
 * person's typing mistakes (or one attacker) lock every colleague out. Each account keeps its
 * own low limit whatever the address, so an address spraying guesses across many accounts still
 * gets at most MAX_ADDRESS_ATTEMPTS guesses in the window. Attempts that sign in are not counted.
 */
import type { ThrottleLimit } from '../storage.js';

/** Wrong passwords checked for one account (email) in the window. */
export const MAX_ACCOUNT_ATTEMPTS = 10;
/** Wrong passwords checked from one address in the window, across all accounts. */
export const MAX_ADDRESS_ATTEMPTS = 100;
export const WINDOW_MS = 15 * 60 * 1000;

export function throttleLimits(email: string, address: string): ThrottleLimit[] {
	return [
		{ key: `email:${email.toLowerCase()}`, max: MAX_ACCOUNT_ATTEMPTS },
		{ key: `address:${address}`, max: MAX_ADDRESS_ATTEMPTS }
	];
}

/** "in 14 minutes", "in 1 minute": never a timestamp the reader must work out. */
export function describeWait(ms: number): string {
	const minutes = Math.max(1, Math.ceil(ms / 60000));
	return minutes === 1 ? 'in 1 minute' : `in ${minutes} minutes`;
}
