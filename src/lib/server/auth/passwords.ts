/**
 * Password hashing (argon2id) and the rule a new password must meet: long enough, and hard
 * enough to guess by zxcvbn's estimate, which knows the passwords seen most in breaches,
 * common names and words, keyboard patterns, repeats, dates and the person's own details.
 */
import { hash, verify } from '@node-rs/argon2';
import { zxcvbn, zxcvbnOptions } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';

export const PASSWORD_MIN = 8;
/** Long enough for any passphrase, short enough that hashing it cannot be abused. */
export const PASSWORD_MAX = 256;
/** zxcvbn's scale runs 0–4; 3 means "safely unguessable" against an offline attack on a leaked hash. */
export const PASSWORD_MIN_SCORE = 3;

// OWASP's recommended argon2id settings: 19 MiB, 2 passes, 1 lane.
const ARGON2 = { memoryCost: 19456, timeCost: 2, parallelism: 1, outputLen: 32 } as const;

export const TOO_EASY = 'Choose a password that is harder to guess: try three or four random words.';

let ready = false;
function estimator(): typeof zxcvbn {
	// The common-password lists, names and keyboard patterns (qwerty, 123456) it checks against.
	if (!ready) zxcvbnOptions.setOptions({ graphs: adjacencyGraphs, dictionary: { ...dictionary } });
	ready = true;
	return zxcvbn;
}

/** A plain-language reason the password cannot be used, or null if it is fine. */
export function passwordProblem(password: string, context: { email?: string; name?: string } = {}): string | null {
	if (password.length < PASSWORD_MIN) return `Your password needs at least ${PASSWORD_MIN} characters.`;
	if (password.length > PASSWORD_MAX) return `Your password can have up to ${PASSWORD_MAX} characters.`;
	// Words the person or the product would put in a password, so a guesser would try them early.
	const { email = '', name = '' } = context;
	const userInputs = ['whatmatters', 'what matters', 'care plan', 'careplan', email, email.split('@')[0], name, ...name.split(/\s+/)];
	return estimator()(password, userInputs.filter(Boolean)).score < PASSWORD_MIN_SCORE ? TOO_EASY : null;
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
