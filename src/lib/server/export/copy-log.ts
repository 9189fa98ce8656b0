/**
 * Every copy of a plan that leaves WhatMatters (printed, or downloaded as FHIR or as all its
 * data) is written to the audit log, which the person's access log reads (`plan.printed`,
 * `plan.exported`, detail `{ format }`). A copy whose row cannot be written is not given out:
 * the person must be able to see every copy that was made.
 */
import type { AuditAction, Storage } from '../storage.js';

/** What was copied: `print` is the print page; the others are downloads. */
export const COPY_FORMATS = ['print', 'fhir', 'data'] as const;
export type CopyFormat = (typeof COPY_FORMATS)[number];

const ACTION: Record<CopyFormat, AuditAction> = { print: 'plan.printed', fhir: 'plan.exported', data: 'plan.exported' };

/** Thrown when the row could not be written; routes answer 503 and give out nothing. */
export class CopyNotLoggedError extends Error {
	constructor(cause: unknown) {
		super('The copy could not be written to the access log', { cause });
	}
}

/** Writes one row for one copy made by `userId` now. */
export async function logCopy(storage: Storage, boardId: string, userId: string, format: CopyFormat, at = Date.now()): Promise<void> {
	try {
		await storage.audit.append({ at, actorId: userId, boardId, action: ACTION[format], detail: { format } });
	} catch (problem) {
		throw new CopyNotLoggedError(problem);
	}
}

/** The answer when the row could not be written, in words. */
export const NOT_LOGGED_MESSAGE =
	'We could not note this copy in the list of who has looked at the plan, so we have not made it. Please try again in a minute.';

/** The answer when the plan could not be read to make the copy. */
export const NOT_MADE_MESSAGE = 'We could not make a copy of the plan just now. Please try again in a minute.';
