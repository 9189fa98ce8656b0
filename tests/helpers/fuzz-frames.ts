/**
 * Hostile frames for the sync endpoint, from a seeded generator so a failure can be replayed:
 * random bytes, truncated and bit-flipped valid frames, wrong message types, huge lengths,
 * garbage and off-schema updates, item-level junk in every content encoding (fuzz-items.ts),
 * presence claiming someone else, oversized frames.
 * Valid bases come from the fuzzer's own document and never target the board's real sections,
 * so no mutation of them can legitimately change the board.
 */
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import { itemJunkUpdate, JUNK_NAMES } from './fuzz-items.js';

export function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
	const encoder = encoding.createEncoder();
	write(encoder);
	return encoding.toUint8Array(encoder);
}

function syncUpdateFrame(update: Uint8Array, step = 2): Uint8Array {
	return frame((e) => {
		encoding.writeVarUint(e, 0);
		encoding.writeVarUint(e, step);
		encoding.writeVarUint8Array(e, update);
	});
}

/** Valid frames to truncate and mutate: updates into off-schema roots, presence for someone else. */
function validBases(random: () => number): Uint8Array[] {
	const doc = new Y.Doc();
	const updates: Uint8Array[] = [];
	doc.on('update', (u: Uint8Array) => updates.push(u));
	doc.getMap('junk').set('a', 'b');
	doc.getMap('section:matters').set('x', 'not an item map');
	doc.getMap('meta').set('owner', 'me');
	doc.getText('notes').insert(0, 'free text at the top');
	doc.getArray('section:steps').insert(0, [1, 2, 3]);
	const awareness = new awarenessProtocol.Awareness(doc);
	awareness.setLocalState({ user: { id: 'somebody-else', name: 'Not me' }, editing: null });
	const presence = awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]);
	awareness.destroy();
	return [
		...updates.map((u) => syncUpdateFrame(u, random() < 0.5 ? 1 : 2)),
		syncUpdateFrame(Y.encodeStateAsUpdate(doc)),
		frame((e) => {
			encoding.writeVarUint(e, 1);
			encoding.writeVarUint8Array(e, presence);
		}),
		frame((e) => {
			encoding.writeVarUint(e, 0);
			syncProtocol.writeSyncStep1(e, doc);
		})
	];
}

export type FrameKind = 'random' | 'truncated' | 'mutated' | 'wrong-type' | 'huge-length' | 'garbage-update' | 'off-schema' | 'item-junk' | 'oversized';

/**
 * The next hostile frame and what kind it is.
 * @param writerId the sender's user id, so item-level junk is wrong in exactly one way.
 */
export function frameGenerator(seed: number, maxFrameBytes: number, writerId: string): () => { kind: FrameKind; bytes: Uint8Array } {
	const random = seededRandom(seed);
	const bases = validBases(random);
	const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)];
	const randomBytes = (n: number) => Uint8Array.from({ length: n }, () => Math.floor(random() * 256));
	return () => {
		const roll = random();
		if (roll < 0.15) return { kind: 'random', bytes: randomBytes(Math.floor(random() * (random() < 0.9 ? 64 : 4000))) };
		if (roll < 0.3) {
			const base = pick(bases);
			return { kind: 'truncated', bytes: base.slice(0, Math.floor(random() * base.length)) };
		}
		if (roll < 0.5) {
			const bytes = pick(bases).slice();
			const flips = 1 + Math.floor(random() * 4);
			for (let i = 0; i < flips; i++) bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256);
			return { kind: 'mutated', bytes };
		}
		if (roll < 0.6) {
			return { kind: 'wrong-type', bytes: frame((e) => { encoding.writeVarUint(e, 4 + Math.floor(random() * 1_000_000)); encoding.writeUint8Array(e, randomBytes(8)); }) };
		}
		if (roll < 0.7) {
			return {
				kind: 'huge-length',
				bytes: frame((e) => {
					encoding.writeVarUint(e, random() < 0.5 ? 0 : 1);
					if (random() < 0.5) encoding.writeVarUint(e, 2);
					encoding.writeVarUint(e, 2 ** 31 + Math.floor(random() * 2 ** 20));
					encoding.writeUint8Array(e, randomBytes(16));
				})
			};
		}
		if (roll < 0.8) return { kind: 'garbage-update', bytes: syncUpdateFrame(randomBytes(1 + Math.floor(random() * 200)), pick([1, 2])) };
		if (roll < 0.9) return { kind: 'off-schema', bytes: pick(bases) };
		if (roll < 0.99) return { kind: 'item-junk', bytes: syncUpdateFrame(itemJunkUpdate(pick(JUNK_NAMES), writerId), pick([1, 2])) };
		return { kind: 'oversized', bytes: randomBytes(maxFrameBytes + 1 + Math.floor(random() * 1024)) };
	};
}
