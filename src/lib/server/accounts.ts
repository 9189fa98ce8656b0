/** Signing up and signing in, with the checks and audit rows that go with them. */
import type { SessionRecord } from './storage.js';
import type { Services } from './services.js';
import { dummyPasswordHash, hashPassword, PASSWORD_MAX, passwordProblem, verifyPassword } from './auth/passwords.js';
import { throttleLimits, WINDOW_MS } from './auth/login-throttle.js';
import { toSessionUser, type SessionUser } from './auth/sessions.js';
import { checkEmail, checkName, EMAIL_MAX, normaliseEmail, type FieldErrors } from './forms.js';
import { newId } from './ids.js';

export interface SignUpInput {
	name: string;
	email: string;
	password: string;
}

export type SignUpResult = { ok: true; user: SessionUser } | { ok: false; errors: FieldErrors };

export async function signUp({ storage }: Services, input: SignUpInput, now = Date.now()): Promise<SignUpResult> {
	const email = normaliseEmail(input.email);
	const errors: FieldErrors = {};
	const nameProblem = checkName(input.name, 'your name');
	if (nameProblem) errors.name = nameProblem;
	const emailProblem = checkEmail(email);
	if (emailProblem) errors.email = emailProblem;
	const pwProblem = passwordProblem(input.password, { email, name: input.name });
	if (pwProblem) errors.password = pwProblem;
	if (!emailProblem && (await storage.users.byEmail(email))) {
		errors.email = 'There is already an account with this email address. Sign in instead.';
	}
	if (Object.keys(errors).length) return { ok: false, errors };

	const user = { id: newId(), email, name: input.name, passwordHash: await hashPassword(input.password), createdAt: now };
	try {
		await storage.users.create(user, { at: now, actorId: user.id, boardId: null, action: 'account.created', detail: {} });
	} catch (error) {
		// Two sign-ups with one email at the same moment: the database's unique index decides.
		if (await storage.users.byEmail(email)) {
			return { ok: false, errors: { email: 'There is already an account with this email address. Sign in instead.' } };
		}
		throw error;
	}
	return { ok: true, user: toSessionUser(user) };
}

export type LogInResult =
	| { ok: true; user: SessionUser; token: string; session: SessionRecord }
	| { ok: false; reason: 'invalid' }
	| { ok: false; reason: 'throttled'; retryAfterMs: number };

/**
 * Checks the password and, if it is right, starts a session (its audit row in the same
 * transaction). A wrong email and a wrong password look the same from outside.
 */
export async function logIn(
	{ storage, sessions }: Services,
	input: { email: string; password: string; address: string },
	now = Date.now()
): Promise<LogInResult> {
	const email = normaliseEmail(input.email);
	// No account has an address or password this long: refuse before anything is stored or hashed,
	// so a huge field cannot fill the throttle's table.
	if (email.length > EMAIL_MAX || input.password.length > PASSWORD_MAX) return { ok: false, reason: 'invalid' };
	const limits = throttleLimits(email, input.address);
	// Counted before the slow check, so parallel guesses cannot all be checked.
	const reserved = await storage.loginAttempts.reserve(limits, now, WINDOW_MS);
	if (!reserved.ok) return { ok: false, reason: 'throttled', retryAfterMs: reserved.retryAfterMs };

	const user = email && input.password ? await storage.users.byEmail(email) : null;
	// Verify even without a user, so timing does not tell which emails have accounts.
	const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
	// A wrong password stays counted as the failure it is.
	if (!user || !valid) return { ok: false, reason: 'invalid' };
	await storage.loginAttempts.succeeded(reserved.attempt, limits[0].key);
	const { token, session } = await sessions.create(user.id, { at: now, actorId: user.id, boardId: null, action: 'session.signed_in', detail: {} });
	return { ok: true, user: toSessionUser(user), token, session };
}
