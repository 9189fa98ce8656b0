/**
 * Checks an incoming update before it is applied: it must decode, and whatever it writes at
 * the top of the document must fit the schema — a known root, section entries that are item
 * maps, only `schemaVersion` in meta, no sub-documents or binary blobs anywhere. Given who is
 * on the board, it also checks that every user id written (author, last editor, step owner)
 * is a member's: a member may record the person's words as theirs, but nobody can attribute
 * words to a stranger. Cheap: it reads the update's structs without touching the document.
 */
import * as Y from 'yjs';
import { META_ROOT, SECTION_ROOT_PREFIX } from './schema.js';
import { isSectionKey } from './section-keys.js';

/** Item fields that hold a user id. */
const USER_ID_FIELDS: ReadonlySet<string> = new Set(['author', 'updatedBy', 'owner']);

/** The reason given when a user id is not a member's, so a caller can refresh its list and retry. */
export const NOT_A_MEMBER = 'names someone who is not on this plan';

export interface UpdateCheckOptions {
	/** Is this user id a member of the board? Unset: user ids are not checked. */
	isMember?: (userId: string) => boolean;
	/** The board the update is for: lets an overwritten key be recognised (see mapKeyOf). */
	doc?: Y.Doc;
}

/**
 * The map key a struct writes. A new key is in the struct itself; an overwrite is encoded only
 * as "right after the previous value", so its key is the previous value's: found in this update
 * or in the board's document.
 */
function mapKeyOf(struct: Y.Item, inUpdate: Map<string, Y.Item>, doc: Y.Doc | undefined): string | null {
	if (struct.parentSub !== null) return struct.parentSub;
	const origin = struct.origin;
	if (!origin) return null;
	const previous = inUpdate.get(`${origin.client}:${origin.clock}`);
	if (previous) return mapKeyOf(previous, inUpdate, doc);
	if (!doc) return null;
	try {
		return (Y.getItem(doc.store, origin) as Y.Item).parentSub;
	} catch {
		return null;
	}
}

/** A plain reason the update is refused, or null if it may be applied. Throws nothing. */
export function findUpdateProblem(update: Uint8Array, { isMember, doc }: UpdateCheckOptions = {}): string | null {
	let structs: ReturnType<typeof Y.decodeUpdate>['structs'];
	try {
		structs = Y.decodeUpdate(update).structs;
	} catch (error) {
		return `not a Yjs update (${(error as Error).message})`;
	}
	const inUpdate = new Map<string, Y.Item>();
	for (const struct of structs) if (struct instanceof Y.Item) inUpdate.set(`${struct.id.client}:${struct.id.clock}`, struct);
	for (const struct of structs) {
		if (!(struct instanceof Y.Item)) continue;
		if (struct.content instanceof Y.ContentDoc || struct.content instanceof Y.ContentBinary) {
			return 'sub-documents and binary content are not part of a board';
		}
		if (isMember && struct.content instanceof Y.ContentAny) {
			const key = mapKeyOf(struct, inUpdate, doc);
			const value: unknown = struct.content.arr[0];
			if (key && USER_ID_FIELDS.has(key) && value !== null && (typeof value !== 'string' || !isMember(value))) return `${key} ${NOT_A_MEMBER}`;
		}
		// In a decoded update a top-level parent is its name; Yjs's types do not say so.
		const parent: unknown = struct.parent;
		if (typeof parent !== 'string') continue;
		if (parent === META_ROOT) {
			if (struct.parentSub !== 'schemaVersion') return `unknown meta key ${String(struct.parentSub)}`;
		} else if (parent.startsWith(SECTION_ROOT_PREFIX) && isSectionKey(parent.slice(SECTION_ROOT_PREFIX.length))) {
			const isItemMap = struct.content instanceof Y.ContentType && struct.content.type instanceof Y.Map;
			// An item deleted since is sent as deleted content: it belongs to the history, not junk.
			const isDeletedEntry = struct.content instanceof Y.ContentDeleted;
			if (struct.parentSub === null || !(isItemMap || isDeletedEntry)) return `${parent} holds only item maps`;
		} else {
			return `unknown top-level type ${parent.slice(0, 40)}`;
		}
	}
	return null;
}
