/** Reading untrusted form fields: always strings, trimmed, never longer than asked. */

export type FieldErrors = Record<string, string>;

/** A text field's value, trimmed; '' when missing or not text (a file, say). */
export function textField(form: FormData, name: string): string {
	const value = form.get(name);
	return typeof value === 'string' ? value.trim() : '';
}

/** A password is read exactly as typed: spaces can be part of it. */
export function passwordField(form: FormData, name: string): string {
	const value = form.get(name);
	return typeof value === 'string' ? value : '';
}

/** Control characters never belong in a name or a label. */
const CONTROL = /[\u0000-\u001f\u007f]/;

export function checkName(value: string, label: string, max = 100): string | null {
	if (!value) return `Enter ${label}.`;
	if (value.length > max) return `${capitalise(label)} can have up to ${max} characters.`;
	if (CONTROL.test(value)) return `${capitalise(label)} can only have letters, numbers, spaces and punctuation.`;
	return null;
}

export const EMAIL_MAX = 254;
export function normaliseEmail(value: string): string {
	return value.trim().toLowerCase();
}

export function checkEmail(value: string): string | null {
	if (!value) return 'Enter your email address.';
	if (value.length > EMAIL_MAX) return `An email address can have up to ${EMAIL_MAX} characters.`;
	if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) return 'Enter an email address like name@example.com.';
	return null;
}

/** Keeps long values out of the page we send back: a 10,000-character name is not echoed whole. */
export function echo(value: string, max = 300): string {
	return value.slice(0, max);
}

function capitalise(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A same-site path to return to after sign-in, or the fallback. Never another site. */
export function safeNext(value: string | null | undefined, fallback = '/boards'): string {
	if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
	// Printable ASCII only: anything else cannot go in a Location header (it would be a 500).
	if (CONTROL.test(value) || value.length > 500 || !/^[\x20-\x7e]*$/.test(value)) return fallback;
	return value;
}

/**
 * The submitted form, or an empty one when the body is not a form at all (a script posting
 * JSON or plain text): the action then answers with its usual "enter …" errors, never a 500.
 */
export async function readForm(request: Request): Promise<FormData> {
	try {
		return await request.formData();
	} catch {
		return new FormData();
	}
}
