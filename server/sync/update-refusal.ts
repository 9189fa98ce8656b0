/**
 * Why a client's message was refused, as the close code that tells the client what to do about
 * it. The room throws `UpdateRefused` with the code its check chose: final for an update that
 * breaks the plan's rules (Refused), recoverable for one that builds on changes the server lacks
 * (MissingChanges: the client reconnects and sends its whole diff). Anything that is not the
 * client's fault is the standard internal error, which every client retries.
 */
import type { UpdateRefusal } from '../../src/lib/board/index.js';
import { CloseCode } from '../../src/lib/protocol/close-codes.js';
import { MalformedMessage } from './messages.js';

const CODES: Record<UpdateRefusal['kind'], CloseCode> = {
	refused: CloseCode.Refused,
	'not-a-member': CloseCode.Refused,
	missing: CloseCode.MissingChanges,
	'too-large': CloseCode.TooLarge
};

/** An update the room will not apply, with the close code its sender gets. */
export class UpdateRefused extends Error {
	constructor(
		readonly code: CloseCode,
		message: string
	) {
		super(message);
		this.name = 'UpdateRefused';
	}

	static from(refusal: UpdateRefusal): UpdateRefused {
		return new UpdateRefused(CODES[refusal.kind], refusal.message);
	}
}

/** The close code and reason for an error raised while handling a client's message. */
export function closeFor(error: unknown): { code: CloseCode; reason: string; internal: boolean } {
	if (error instanceof UpdateRefused) return { code: error.code, reason: error.message, internal: false };
	if (error instanceof MalformedMessage) return { code: CloseCode.Malformed, reason: error.message.slice(0, 100), internal: false };
	// Not the client's fault (storage, a bug): the standard "internal error", and it reconnects.
	return { code: CloseCode.InternalError, reason: 'server error', internal: true };
}
