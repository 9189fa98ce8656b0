/**
 * Hand-written Yjs (v1) updates: struct by struct and delete range by delete range, exactly as
 * given, including shapes no Yjs encoder writes (a client listed twice, unsorted deletions, a value
 * placed before the one it replaces). Used to test that the update check refuses them.
 */
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';

export const id = (client: number, clock: number) => Y.createID(client, clock);

export interface StructSpec {
	id: Y.ID;
	origin?: Y.ID | null;
	right?: Y.ID | null;
	parent?: string | Y.ID | null;
	key?: string | null;
	content: Y.Item['content'];
}

/** An item as written on the wire: parent and key are sent only when it has no neighbours. */
export const struct = (s: StructSpec) =>
	new Y.Item(s.id, null, s.origin ?? null, null, s.right ?? null, (s.parent ?? null) as never, s.origin || s.right ? null : (s.key ?? null), s.content);
export const value = (v: unknown) => new Y.ContentAny([v]);
export const chars = (s: string) => new Y.ContentString(s);
export const newMap = () => new Y.ContentType(new Y.Map());
export const newText = () => new Y.ContentType(new Y.Text());

export interface Block {
	client: number;
	clock: number;
	structs: (Y.Item | Y.GC | Y.Skip)[];
}

/** Encodes the blocks and delete ranges as given, in order, unsorted and unmerged. */
export function craft(blocks: Block[], deletions: { client: number; ranges: [number, number][] }[] = []): Uint8Array {
	const encoder = new Y.UpdateEncoderV1();
	encoding.writeVarUint(encoder.restEncoder, blocks.length);
	for (const block of blocks) {
		encoding.writeVarUint(encoder.restEncoder, block.structs.length);
		encoder.writeClient(block.client);
		encoding.writeVarUint(encoder.restEncoder, block.clock);
		for (const s of block.structs) s.write(encoder, 0);
	}
	encoding.writeVarUint(encoder.restEncoder, deletions.length);
	for (const { client, ranges } of deletions) {
		encoder.resetDsCurVal();
		encoding.writeVarUint(encoder.restEncoder, client);
		encoding.writeVarUint(encoder.restEncoder, ranges.length);
		for (const [clock, len] of ranges) {
			encoder.writeDsClock(clock);
			encoder.writeDsLen(len);
		}
	}
	return encoder.toUint8Array();
}
