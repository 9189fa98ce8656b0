/**
 * What may be written under each key of an item map, by whom. The values are checked with the
 * same functions the model uses on input (values.ts), so the browser and the server apply one
 * rule set. Attribution (docs/board-schema.md, "Who wrote it"):
 * - `author` is the sender, or whoever is talking on a shared screen: anyone on the plan, or
 *   THE_PERSON (the plan's person, before or after they have an account);
 * - `updatedFor` (whose words the last change was) is the same as `author`: the sender, anyone on
 *   the plan, or THE_PERSON; the update that writes it also writes `updatedBy` (check-update.ts);
 * - `recordedBy` (who typed words recorded as someone else's) and `updatedBy` are the sender;
 * - a step's `owner` and a conversation's `participants` are people on the plan (or THE_PERSON);
 * - putting a deleted item back may write its own earlier values of these again
 *   (former-attribution.ts).
 */
import * as Y from 'yjs';
import type { Content } from './yjs-types.js';
import { BASE_FIELDS, fieldSpec } from '../fields.js';
import { isValidOrderKey } from '../order.js';
import type { SectionKey } from '../section-keys.js';
import { checkFieldValue, checkId, checkTimestamp } from '../values.js';
import { isTextField } from './places.js';
import { THE_PERSON } from '../schema.js';

/** Who sends an update, and who they may name in it. */
export interface UpdateWriter {
	/** The sender's user id, from the authenticated connection. */
	readonly id: string;
	/** The plan's person; null before they have joined. */
	readonly personId: string | null;
	/** Is this user id on the plan now? */
	isMember(userId: string): boolean;
}

/** Fields a new item must arrive with, and that cannot be removed from a live item. */
export const REQUIRED_FIELDS: ReadonlySet<string> = new Set(['id', 'order', 'author', 'createdAt', 'updatedAt', 'updatedBy', 'text']);

/** A refusal: `notMember` lets the caller re-read the member list once before refusing. */
export interface FieldProblem {
	readonly message: string;
	readonly notMember?: boolean;
}

const problem = (message: string, notMember = false): FieldProblem => ({ message, notMember });

function checkUserId(field: string, value: unknown, allowed: (id: string) => boolean, who: string): FieldProblem | null {
	if (checkId(value, field)) return problem(`"${field}" is not a user id`);
	return allowed(value as string) ? null : problem(`"${field}" must be ${who}`, true);
}

/** Someone an item may name: a member of the plan, or the plan's person whoever they are. */
function onThePlan(writer: UpdateWriter, id: string): boolean {
	return id === THE_PERSON || writer.isMember(id);
}

/**
 * Checks one value written under `field` of an item (`itemKey` in `section`).
 * @param content the struct's content: a scalar, a new Y.Text, or deleted content.
 * @param former the value the field had in this item before (a restore may write it back).
 */
export function checkFieldWrite(
	section: SectionKey,
	itemKey: string,
	field: string,
	content: Content,
	writer: UpdateWriter | undefined,
	former: unknown
): FieldProblem | null {
	if (content instanceof Y.ContentDeleted) return null;
	const known = (BASE_FIELDS as readonly string[]).includes(field) || fieldSpec(section, field) !== undefined;
	if (!known) return problem(`unknown field "${field.slice(0, 40)}"`);
	if (isTextField(section, field)) {
		const isText = content instanceof Y.ContentType && content.type.constructor === Y.Text;
		return isText ? null : problem(`"${field}" must be text`);
	}
	if (!(content instanceof Y.ContentAny) || content.arr.length !== 1) return problem(`"${field}" must be a single value`);
	const value: unknown = content.arr[0];
	switch (field) {
		case 'id':
			return value === itemKey ? null : problem('"id" must match the item\'s key');
		case 'order':
			return isValidOrderKey(value) ? null : problem('"order" is not a valid position');
		case 'createdAt':
		case 'updatedAt':
			return checkTimestamp(value, field) ? problem(`"${field}" is not a time`) : null;
	}
	if (field === 'author' || field === 'updatedFor' || field === 'recordedBy' || field === 'updatedBy') {
		if (!writer) return checkId(value, field) ? problem(`"${field}" is not a user id`) : null;
		// Putting a deleted item back keeps whose words they were, and who typed and changed them.
		if (former !== undefined && value === former && !checkId(value, field)) return null;
		// Whose words: the same people for an item's first words and for a later change.
		if (field === 'author' || field === 'updatedFor') return checkUserId(field, value, (id) => id === writer.id || onThePlan(writer, id), 'you or someone on this plan');
		return checkUserId(field, value, (id) => id === writer.id, 'you');
	}
	const spec = fieldSpec(section, field)!;
	if (checkFieldValue(spec, value)) return problem(`"${field}" has a value outside the plan's rules`);
	const named = spec.type === 'userId' && value !== null ? [value as string] : spec.type === 'members' ? (value as string[]) : [];
	if (writer && named.some((id) => !onThePlan(writer, id))) {
		return problem(`"${field}" names someone who is not on this plan`, true);
	}
	return null;
}
