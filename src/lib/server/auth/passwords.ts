/** Password hashing (argon2id) and the rules a new password must meet. */
import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';

export const PASSWORD_MIN = 8;
/** Long enough for any passphrase, short enough that hashing it cannot be abused. */
export const PASSWORD_MAX = 256;

// OWASP's recommended argon2id settings: 19 MiB, 2 passes, 1 lane.
const ARGON2 = { memoryCost: 19456, timeCost: 2, parallelism: 1, outputLen: 32 } as const;

let commonPasswords: Set<string> | undefined;
function isCommon(password: string): boolean {
	// A ranked list of about 30,000 passwords seen most often in breaches.
	commonPasswords ??= new Set(dictionary.passwords as string[]);
	return commonPasswords.has(password.toLowerCase());
}

/** A plain-language reason the password cannot be used, or null if it is fine. */
export function passwordProblem(password: string, context: { email?: string; name?: string } = {}): string | null {
	if (password.length < PASSWORD_MIN) return `Your password needs at least ${PASSWORD_MIN} characters.`;
	if (password.length > PASSWORD_MAX) return `Your password can have up to ${PASSWORD_MAX} characters.`;
	const lower = password.toLowerCase();
	if (isCommon(password) || lower === context.email?.toLowerCase() || lower === context.name?.toLowerCase()) {
		return 'That password is too easy to guess. Try a few words that mean something to you.';
	}
	return null;
}

export function hashPassword(password: string): Promise<string> {
	return hash(password, ARGON2);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	try {
		return await verify(passwordHash, password);
	} catch {
		return false;
	}
}

/** A hash to verify against when the email is unknown, so both cases take as long. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
	dummyHash ??= hashPassword('not-a-real-password-only-for-timing');
	return dummyHash;
}
