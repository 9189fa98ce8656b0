/**
 * Value checks shared by input validation (which throws), reading (which falls back to
 * defaults) and validateBoardShape (which reports). Each returns an error message or null.
 */
import type { FieldSpec } from './fields.js';
import { LIMITS } from './schema.js';

// Control characters other than tab/newline never belong in a stored string.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const SINGLE_LINE_CONTROL = /[\u0000-\u001F\u007F]/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const PHONE = /^[0-9+()\-. ]+$/;

/** True for a real calendar date written `yyyy-mm-dd` (years 1900–2999). */
export function isIsoDate(value: unknown): value is string {
	if (typeof value !== 'string') return false;
	const m = ISO_DATE.exec(value);
	if (!m) return false;
	const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
	if (y < 1900 || y > 2999) return false;
	const date = new Date(Date.UTC(y, mo - 1, d));
	return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Today's date in the runtime's local time zone, `yyyy-mm-dd`. */
export function todayIso(now: Date = new Date()): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Checks a user id or item id: non-empty, at most LIMITS.maxIdLength, no spaces or controls at the ends. */
export function checkId(value: unknown, label: string): string | null {
	if (typeof value !== 'string' || value.length === 0) return `${label} is missing.`;
	if (value.length > LIMITS.maxIdLength) return `${label} is too long.`;
	if (SINGLE_LINE_CONTROL.test(value) || value.trim() !== value) return `${label} is not valid.`;
	return null;
}

/** True if a text has characters that are never stored (controls other than tab and newline). */
export function hasUnsavableCharacters(value: string): boolean {
	return CONTROL.test(value);
}

/** Checks the contents of a Y.Text field given as a string. */
export function checkText(value: unknown, label: string): string | null {
	if (typeof value !== 'string') return `${label} must be text.`;
	if (value.length > LIMITS.maxTextLength) return `${label} is too long (at most ${LIMITS.maxTextLength} characters).`;
	if (hasUnsavableCharacters(value)) return `${label} contains characters that cannot be saved.`;
	return null;
}

/** Checks a finite, non-negative integer timestamp in ms. */
export function checkTimestamp(value: unknown, label: string): string | null {
	return Number.isSafeInteger(value) && (value as number) >= 0 ? null : `${label} must be a time in milliseconds.`;
}

/**
 * Checks a stored or incoming value against a field spec (text fields are checked as
 * strings). `null` is accepted wherever the spec allows "not set".
 */
export function checkFieldValue(spec: FieldSpec, value: unknown): string | null {
	const label = spec.label;
	switch (spec.type) {
		case 'enum':
			if (value === null) return spec.nullable ? null : `Choose one for "${label}".`;
			return spec.options.some((o) => o.value === value) ? null : `"${label}" must be one of the listed choices.`;
		case 'ruler':
			if (value === null) return null;
			return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 10
				? null
				: `"${label}" must be a whole number from 0 to 10.`;
		case 'date':
			if (value === null) return spec.nullable ? null : `"${label}" needs a date.`;
			return isIsoDate(value) ? null : `"${label}" must be a real date written as yyyy-mm-dd.`;
		case 'string':
			if (value === null) return null;
			if (typeof value !== 'string') return `"${label}" must be text.`;
			if (value.length > spec.maxLength) return `"${label}" is too long (at most ${spec.maxLength} characters).`;
			if (SINGLE_LINE_CONTROL.test(value)) return `"${label}" contains characters that cannot be saved.`;
			if (spec.format === 'phone' && !(PHONE.test(value) && /\d/.test(value)))
				return `"${label}" can only have numbers, spaces and + ( ) -.`;
			return null;
		case 'text':
			return checkText(value, `"${label}"`);
		case 'userId':
		case 'itemRef':
			return value === null ? null : checkId(value, `"${label}"`);
		case 'members': {
			if (!Array.isArray(value)) return `"${label}" must be a list of people.`;
			if (value.length > LIMITS.maxMembersInList) return `"${label}" can name at most ${LIMITS.maxMembersInList} people.`;
			if (new Set(value).size !== value.length) return `"${label}" names someone twice.`;
			for (const id of value) if (checkId(id, `"${label}"`)) return `"${label}" must be a list of people.`;
			return null;
		}
		case 'stamp':
			return value === null ? null : checkTimestamp(value, `"${label}"`);
	}
}

/** The value a field takes when addItem is not given one. */
export function defaultFieldValue(spec: FieldSpec, now: Date): StoredValue {
	switch (spec.type) {
		case 'enum':
			return spec.default;
		case 'date':
			return spec.nullable ? null : todayIso(now);
		case 'text':
			return '';
		case 'members':
			return EMPTY_LIST;
		default:
			return null;
	}
}

const EMPTY_LIST: readonly string[] = Object.freeze([]);

/** A stored field value: a scalar, or a list of people. */
export type StoredValue = string | number | null | readonly string[];

/** True if two field values are the same (lists compared entry by entry). */
export function sameValue(a: unknown, b: unknown): boolean {
	if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i]);
	return a === b;
}
