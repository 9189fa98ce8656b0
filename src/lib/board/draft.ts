/**
 * A change drafted on a copy of a document, to be sent as one update through the same check
 * as a client's: the server's own changes (a restore) are judged like anyone's.
 */
import * as Y from 'yjs';

/**
 * Runs `change` on a copy of `doc` and returns the update it made (null if it made none).
 * `doc` itself is not changed.
 */
export function draftUpdate<T>(doc: Y.Doc, change: (copy: Y.Doc) => T): { update: Uint8Array | null; result: T } {
	const copy = new Y.Doc({ gc: false });
	try {
		Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
		const made: Uint8Array[] = [];
		copy.on('update', (update: Uint8Array) => made.push(update));
		const result = change(copy);
		const update = made.length === 0 ? null : made.length === 1 ? made[0] : Y.mergeUpdates(made);
		return { update, result };
	} finally {
		copy.destroy();
	}
}
