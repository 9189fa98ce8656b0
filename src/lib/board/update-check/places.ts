/**
 * Where each struct of an incoming update would land in the board: which top-level type, item
 * map or text, and under which key. A decoded update names a struct's parent only when it has
 * no neighbours; otherwise Yjs infers the parent (and a map key) from the left neighbour, which
 * may be in the same update or already in the board. We resolve it the same way, without
 * applying anything, so the whole update can be judged before it touches the document.
 */
import * as Y from 'yjs';
import { META_ROOT, SECTION_ROOT_PREFIX } from '../schema.js';
import { isSectionKey, type SectionKey } from '../section-keys.js';
import { fieldSpec } from '../fields.js';

type Struct = Y.Item | Y.GC | Y.Skip;

/** What a parent is, in board terms. */
export type Node =
	| { readonly kind: 'meta' }
	| { readonly kind: 'section'; readonly section: SectionKey }
	| { readonly kind: 'item'; readonly section: SectionKey; readonly itemKey: string; readonly id: string }
	| { readonly kind: 'text'; readonly section: SectionKey; readonly itemKey: string; readonly field: string; readonly id: string }
	/** Garbage-collected in the board: Yjs drops whatever is written into it. */
	| { readonly kind: 'gone' }
	/** Refers to changes the board does not have yet. */
	| { readonly kind: 'missing' }
	| { readonly kind: 'bad'; readonly why: string };

/** A struct's parent and map key (null for list content such as text). */
export interface Place {
	readonly node: Node;
	readonly key: string | null;
}

const idKey = (id: Y.ID) => `${id.client}:${id.clock}`;

/** Text fields of an item: its `text`, plus any `type: 'text'` field of its section. */
export function isTextField(section: SectionKey, field: string): boolean {
	return field === 'text' || fieldSpec(section, field)?.type === 'text';
}

export class UpdatePlaces {
	private readonly byClient = new Map<number, Struct[]>();
	private readonly places = new Map<Y.Item, Place>();
	private readonly nodes = new Map<string, Node>();

	constructor(
		structs: readonly Struct[],
		private readonly doc: Y.Doc
	) {
		for (const struct of structs) {
			const list = this.byClient.get(struct.id.client);
			if (list) list.push(struct);
			else this.byClient.set(struct.id.client, [struct]);
		}
	}

	/** The update's struct holding `id`, if the update has it. */
	findInUpdate(id: Y.ID): Struct | null {
		const list = this.byClient.get(id.client);
		if (!list) return null;
		let low = 0;
		let high = list.length - 1;
		while (low <= high) {
			const mid = (low + high) >> 1;
			const struct = list[mid];
			if (id.clock < struct.id.clock) high = mid - 1;
			else if (id.clock >= struct.id.clock + struct.length) low = mid + 1;
			else return struct;
		}
		return null;
	}

	/** The update's structs of one client that overlap clocks [clock, clock + length). */
	*structsIn(client: number, clock: number, length: number): Generator<Struct> {
		const list = this.byClient.get(client) ?? [];
		// Clocks are contiguous and increasing (canonical.ts): start at the first one that ends after `clock`.
		let low = 0;
		let high = list.length;
		while (low < high) {
			const mid = (low + high) >> 1;
			if (list[mid].id.clock + list[mid].length <= clock) low = mid + 1;
			else high = mid;
		}
		for (let i = low; i < list.length && list[i].id.clock < clock + length; i++) yield list[i];
	}

	/** The board's struct holding `id`, or null if the board does not have it yet. */
	findInDoc(id: Y.ID): Y.Item | Y.GC | null {
		if (id.clock >= Y.getState(this.doc.store, id.client)) return null;
		return Y.getItem(this.doc.store, id) as Y.Item | Y.GC;
	}

	/** True if the board already has all of this struct: Yjs will skip it. */
	isKnown(struct: Struct): boolean {
		return struct.id.clock + struct.length <= Y.getState(this.doc.store, struct.id.client);
	}

	/** Where a struct of the update would land. Iterative: a chain of neighbours can be long. */
	placeOf(struct: Y.Item): Place {
		const chain: Y.Item[] = [];
		let current: Y.Item = struct;
		let place: Place | undefined;
		for (;;) {
			place = this.places.get(current);
			if (place) break;
			if (current.parent !== null) {
				place = { node: this.nodeOfParent(current.parent as string | Y.ID), key: current.parentSub };
				break;
			}
			chain.push(current);
			const neighbour = current.origin ?? current.rightOrigin;
			if (!neighbour) {
				place = { node: { kind: 'bad', why: 'a change with no place in the plan' }, key: null };
				break;
			}
			const local = this.findInUpdate(neighbour);
			if (local instanceof Y.Item) {
				current = local;
				continue;
			}
			if (local) {
				place = { node: { kind: 'gone' }, key: null };
				break;
			}
			place = this.placeInDoc(neighbour);
			break;
		}
		for (const item of chain) this.places.set(item, place);
		this.places.set(current, place);
		return place;
	}

	private placeInDoc(id: Y.ID): Place {
		const found = this.findInDoc(id);
		if (!found) return { node: { kind: 'missing' }, key: null };
		if (!(found instanceof Y.Item)) return { node: { kind: 'gone' }, key: null };
		return { node: this.nodeOfType(found.parent as Y.AbstractType<unknown>), key: found.parentSub };
	}

	private nodeOfType(type: Y.AbstractType<unknown>): Node {
		if (type._item === null) return this.nodeOfParent(Y.findRootTypeKey(type));
		return this.nodeOfParent(type._item.id);
	}

	/** What a parent (a root name, or the id of the item that created a nested type) is. */
	nodeOfParent(parent: string | Y.ID): Node {
		if (typeof parent === 'string') {
			if (parent === META_ROOT) return { kind: 'meta' };
			const section = parent.slice(SECTION_ROOT_PREFIX.length);
			if (parent.startsWith(SECTION_ROOT_PREFIX) && isSectionKey(section)) return { kind: 'section', section };
			return { kind: 'bad', why: `unknown top-level type ${parent.slice(0, 40)}` };
		}
		const key = idKey(parent);
		let node = this.nodes.get(key);
		if (!node) {
			node = this.nodeOfCreator(parent);
			this.nodes.set(key, node);
		}
		return node;
	}

	private nodeOfCreator(id: Y.ID): Node {
		const local = this.findInUpdate(id);
		const creator = local ?? this.findInDoc(id);
		if (!creator) return { kind: 'missing' };
		if (!(creator instanceof Y.Item)) return { kind: 'gone' };
		if (creator.id.clock !== id.clock || !(creator.content instanceof Y.ContentType)) {
			// A deleted type's content is dropped: writing into it is harmless, Yjs discards it.
			if (creator.content instanceof Y.ContentDeleted) return { kind: 'gone' };
			return { kind: 'bad', why: 'a change inside something that is not a map or a text' };
		}
		const place = local ? this.placeOf(creator) : { node: this.nodeOfType(creator.parent as Y.AbstractType<unknown>), key: creator.parentSub };
		const type = creator.content.type;
		const parent = place.node;
		if (parent.kind === 'missing' || parent.kind === 'gone' || parent.kind === 'bad') return parent;
		const key = place.key;
		const at = idKey(id);
		// Exact classes: Yjs's XML types extend these, and a plan has none.
		if (parent.kind === 'section' && type.constructor === Y.Map && key !== null) {
			return { kind: 'item', section: parent.section, itemKey: key, id: at };
		}
		if (parent.kind === 'item' && type.constructor === Y.Text && key !== null && isTextField(parent.section, key)) {
			return { kind: 'text', section: parent.section, itemKey: parent.itemKey, field: key, id: at };
		}
		return { kind: 'bad', why: 'a map or text where the plan has none' };
	}
}
