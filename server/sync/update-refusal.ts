/**
 * Why an update was refused, as the close code that tells the client what to do about it:
 * a broken update is final for it (Malformed); one that builds on changes the server lacks is
 * mended by reconnecting, when the client sends its whole diff (MissingChanges).
 */
import { CloseCode } from '../../src/lib/protocol/close-codes.js';
import { MalformedMessage } from './messages.js';

/** The room's words for an update that builds on changes the board does not have. */
export const MISSING_CHANGES = 'update depends on changes this board does not have';

/** An update that cannot apply yet; the client reconnects and resends everything. */
export class MissingChanges extends Error {
	constructor() {
		super(MISSING_CHANGES);
	}
}

/** What the room threw for a client's update, as the error the connection closes with. */
export function refusalOf(error: unknown): MalformedMessage | MissingChanges {
	const message = (error as Error).message ?? String(error);
	if (error instanceof MissingChanges || message === MISSING_CHANGES) return new MissingChanges();
	return new MalformedMessage(`update Yjs cannot apply: ${message}`);
}

/** The close code and reason for an error raised while handling a client's message. */
export function closeFor(error: unknown): { code: CloseCode; reason: string; internal: boolean } {
	if (error instanceof MissingChanges) return { code: CloseCode.MissingChanges, reason: 'missing changes; reconnect to resend', internal: false };
	if (error instanceof MalformedMessage) return { code: CloseCode.Malformed, reason: error.message.slice(0, 100), internal: false };
	// Not the client's fault (storage, a bug): the standard "internal error", and it reconnects.
	return { code: CloseCode.InternalError, reason: 'server error', internal: true };
}
