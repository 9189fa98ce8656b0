/**
 * Updates a stock Yjs client can send but our model never writes: a map value in a content
 * encoding of the attacker's choice (the older JSON encoding, say). Built with Yjs's own structs,
 * exactly as Y.Map#set builds them, so the bytes are what a real client would put on the wire.
 */
import * as Y from 'yjs';

type Content = Y.Item['content'];

/** Writes `content` under `key` of `map`, as Y.Map#set would with that content. */
export function forgeMapWrite(map: Y.Map<unknown>, key: string, content: Content): void {
	const doc = map.doc!;
	doc.transact((transaction) => {
		const left = map._map.get(key) ?? null;
		const id = Y.createID(doc.clientID, Y.getState(doc.store, doc.clientID));
		const item = new Y.Item(id, left, left && left.lastId, null, null, map, key, content);
		item.integrate(transaction, 0);
	});
}

/** A copy of `base` (same content, its own client id) to write an update against. */
export function replicaOf(base: Y.Doc): Y.Doc {
	const doc = new Y.Doc();
	Y.applyUpdate(doc, Y.encodeStateAsUpdate(base));
	return doc;
}

/** The update `change` makes to a replica of `base`. */
export function updateOf(base: Y.Doc, change: (doc: Y.Doc) => void): Uint8Array {
	const doc = replicaOf(base);
	const before = Y.encodeStateVector(doc);
	change(doc);
	const update = Y.encodeStateAsUpdate(doc, before);
	doc.destroy();
	return update;
}
