/**
 * Whose words a stored id is, where THE_PERSON may stand for the plan's person. One rule for
 * every place that names the plan's people (the history, the print page, the FHIR export and
 * all my data), so words recorded for the person before they joined are always theirs.
 */
import { THE_PERSON } from './schema.js';

/** The account a stored id belongs to: THE_PERSON is the person's account (`personId`), null before they join. */
export function accountOf(id: string, personId: string | null): string | null {
	return id === THE_PERSON ? personId : id;
}

/** Is `id` the plan's person: THE_PERSON, or the account they joined with (`personId`, null before)? */
export function isThePerson(id: string | null, personId: string | null): boolean {
	return id === THE_PERSON || (id !== null && id === personId);
}
