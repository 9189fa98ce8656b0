/**
 * What an update writes into item maps, key by key, and what each key is left holding once Yjs
 * has integrated it. Map writes are chained: each names the value before it as its origin
 * (Y.Map#set always does), so the value a key ends with is the write nothing else in the update
 * follows — unless the update deletes it again, which leaves the key empty.
 */
import * as Y from 'yjs';
import type { Node } from './places.js';
import type { Content, DeleteSet } from './yjs-types.js';

export type ItemNode = Extract<Node, { kind: 'item' }>;

/** The writes of one update into one item map. */
export interface ItemWrites {
	readonly node: ItemNode;
	readonly keys: Map<string, Y.Item[]>;
}

export function parseId(id: string): Y.ID {
	const [client, clock] = id.split(':').map(Number);
	return Y.createID(client, clock);
}

function follows(write: Y.Item, before: Y.Item): boolean {
	const origin = write.origin;
	return origin !== null && origin.client === before.id.client && origin.clock >= before.id.clock && origin.clock < before.id.clock + before.length;
}

/**
 * The value a key holds after the update: its last write, if that is a value the update does not
 * delete again; null if the key is left empty; 'ambiguous' if two writes both end a chain
 * (concurrent writes in one update, which no single client sends).
 */
export function finalValue(writes: readonly Y.Item[], ds: DeleteSet): Content | null | 'ambiguous' {
	const ends = writes.filter((write) => !writes.some((other) => other !== write && follows(other, write)));
	if (ends.length !== 1) return 'ambiguous';
	const [last] = ends;
	if (last.content instanceof Y.ContentDeleted || Y.isDeleted(ds, last.id)) return null;
	return last.content;
}

/** Collects an update's item-map writes by item (the id of the struct that created the map). */
export class ItemWriteLog {
	private readonly items = new Map<string, ItemWrites>();

	add(node: ItemNode, key: string, struct: Y.Item): void {
		let writes = this.items.get(node.id);
		if (!writes) {
			writes = { node, keys: new Map() };
			this.items.set(node.id, writes);
		}
		const list = writes.keys.get(key);
		if (list) list.push(struct);
		else writes.keys.set(key, [struct]);
	}

	get(itemId: string): ItemWrites | undefined {
		return this.items.get(itemId);
	}

	values(): IterableIterator<ItemWrites> {
		return this.items.values();
	}
}
