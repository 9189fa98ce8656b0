/**
 * Rebuilding a past version of a board: the document just after stored update `seq`, from the
 * nearest stored checkpoint and the updates after it. The rebuilt document is garbage-collected
 * like the server's own, so a checkpoint is as small as a compacted state; later updates still
 * apply to it, because Yjs keeps the place of deleted content even when it drops the content.
 */
import * as Y from 'yjs';
import { keepDeletedAttribution } from './update-check/former-attribution.js';

/** One stored update with its place in the log. */
export interface LoggedUpdate {
	readonly seq: number;
	readonly data: Uint8Array;
}

/** A checkpoint is kept just after every update whose seq is a multiple of this. */
export const CHECKPOINT_EVERY = 1_000;

export interface ReplayInput {
	/** The nearest checkpoint at or before the version, or null to start from an empty document. */
	readonly checkpoint: LoggedUpdate | null;
	/** The updates after the checkpoint, in order, up to the version. */
	readonly updates: readonly LoggedUpdate[];
	/** Called with the full state at every checkpoint boundary the replay passes (not the one it started from). */
	readonly onCheckpoint?: (seq: number, state: Uint8Array) => void;
	readonly every?: number;
}

/**
 * The document as it was just after the last of `updates` (or the checkpoint if there are none).
 * The caller destroys it when done.
 */
export function replayVersion({ checkpoint, updates, onCheckpoint, every = CHECKPOINT_EVERY }: ReplayInput): Y.Doc {
	const doc = new Y.Doc({ gcFilter: keepDeletedAttribution });
	if (checkpoint) Y.applyUpdate(doc, checkpoint.data);
	let batch: Uint8Array[] = [];
	// One transaction for a run of updates: observers and cleanup run once, not per update.
	const applyBatch = () => {
		if (!batch.length) return;
		const run = batch;
		batch = [];
		doc.transact(() => {
			for (const data of run) Y.applyUpdate(doc, data);
		});
	};
	for (const update of updates) {
		batch.push(update.data);
		if (onCheckpoint && update.seq % every === 0) {
			applyBatch();
			onCheckpoint(update.seq, Y.encodeStateAsUpdate(doc));
		}
	}
	applyBatch();
	return doc;
}

/** The full state of a document, as a checkpoint keeps it. */
export function encodeVersion(doc: Y.Doc): Uint8Array {
	return Y.encodeStateAsUpdate(doc);
}
