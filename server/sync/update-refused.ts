/** An update the room will not apply, with the close code its sender gets. */
import type { UpdateRefusal } from '../../src/lib/board/index.js';
import { CloseCode } from '../../src/lib/protocol/close-codes.js';

const CODES: Record<UpdateRefusal['kind'], number> = {
	refused: CloseCode.Refused,
	'not-a-member': CloseCode.Refused,
	// Recoverable: on reconnect the client sends everything the server lacks.
	missing: CloseCode.OutOfStep,
	'too-large': CloseCode.TooLarge
};

export class UpdateRefused extends Error {
	constructor(
		readonly code: number,
		message: string
	) {
		super(message);
		this.name = 'UpdateRefused';
	}

	static from(refusal: UpdateRefusal): UpdateRefused {
		return new UpdateRefused(CODES[refusal.kind], refusal.message);
	}
}
