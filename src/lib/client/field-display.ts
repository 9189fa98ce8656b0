/**
 * Plain words for field values, for readers and for labels of choices: shared by the
 * read-only board and the selects, so both say the same thing.
 */
import type { FieldSpec, ItemView } from '$lib/board';
import { excerpt } from './announcer.svelte';
import type { MemberDirectory } from './members';

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "3 May 2025" for `2025-05-03`; the input as it is if it is not a date. */
export function formatIsoDate(iso: string): string {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
	if (!m) return iso;
	return dateFormat.format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))));
}

/** How a goal is named in "Which goal it helps with". */
export function goalLabel(goal: ItemView<'goals'>, index: number): string {
	return excerpt(goal.text, 50) || `Goal ${index + 1} (no words yet)`;
}

/** The empty choice of a select, in words that fit its field. */
export function emptyChoice(spec: FieldSpec): string {
	switch (spec.type) {
		case 'userId':
			return 'Not decided yet';
		case 'itemRef':
			return 'No goal chosen';
		default:
			return 'Not chosen yet';
	}
}

/**
 * A field's value as words for the read-only board; null when there is nothing to show
 * (an empty field is left out rather than shown as a blank).
 */
export function displayValue(
	spec: FieldSpec,
	value: unknown,
	people: MemberDirectory,
	goals: readonly ItemView<'goals'>[]
): string | null {
	if (value === null || value === undefined || value === '') return null;
	switch (spec.type) {
		case 'enum':
			return spec.options.find((o) => o.value === value)?.label ?? null;
		case 'ruler':
			return `${value} out of 10`;
		case 'date':
			return formatIsoDate(String(value));
		case 'string':
		case 'text':
			return String(value);
		case 'userId':
			return people.ownerLabel(String(value));
		case 'members': {
			const list = Array.isArray(value) ? (value as string[]) : [];
			return list.length ? list.map((id) => people.ownerLabel(id)).join(', ') : null;
		}
		case 'itemRef': {
			// Only a step's goal is shown as words; an agenda's conversation is shown by where it is.
			if (spec.section !== 'goals') return null;
			const index = goals.findIndex((g) => g.id === value);
			// A goal deleted a moment ago reads as "no goal", as the schema says.
			return index < 0 ? null : goalLabel(goals[index]!, index);
		}
		case 'stamp':
			return null;
	}
}
