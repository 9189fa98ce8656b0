/**
 * The presence state each window shares over y-websocket's awareness. The server builds the
 * state it relays: `user` from the plan's member list (never the client's claim), the rest
 * from the claims below, each checked with strict limits (anything else, or anything too big,
 * is dropped). Clients read remote states with `readPresence`. Layout: docs/sync-protocol.md.
 */
import { caretTokenOk, type CaretTokens } from '../board/caret.js';
import { fieldSpec } from '../board/fields.js';
import { LIMITS } from '../board/schema.js';
import { isSectionKey, type SectionKey } from '../board/section-keys.js';
import { isRole, type Role } from '../roles.js';

/** Who someone is on the plan. */
export interface PresenceUser {
	readonly id: string;
	readonly name: string;
	readonly role: Role;
}

/** Which item (and which of its fields) someone is in, and their caret if it is a text. */
export interface EditingAt {
	readonly section: SectionKey;
	readonly itemId: string;
	/** `text` or one of the section's field names; null when not known. */
	readonly field?: string | null;
	/** Relative positions in that field's Y.Text (text fields only). */
	readonly caret?: CaretTokens | null;
}

/** Someone writing a new item, not added yet: its words so far, as long as an item may be. */
export interface DraftingAt {
	readonly section: SectionKey;
	readonly text: string;
}

/** One window's presence, as relayed. */
export interface PresenceState {
	readonly user: PresenceUser;
	/** The section most in view in their window. */
	readonly viewing: SectionKey | null;
	readonly editing: EditingAt | null;
	readonly drafting: DraftingAt | null;
}

/** What a client may say about itself: everything but who it is. */
export type PresenceClaims = Omit<PresenceState, 'user'>;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const shortString = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 200;
const itemId = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= LIMITS.maxIdLength;
// Control characters other than line breaks and tabs have no place in words people read.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

function readCaret(v: unknown): CaretTokens | null {
	// A caret with nothing selected has one token twice: checked once.
	if (!isObject(v) || !caretTokenOk(v.anchor) || (v.head !== v.anchor && !caretTokenOk(v.head))) return null;
	return { anchor: v.anchor, head: v.head };
}

function readEditing(v: unknown): EditingAt | null {
	if (!isObject(v) || !isSectionKey(v.section) || !itemId(v.itemId)) return null;
	const field = typeof v.field === 'string' && (v.field === 'text' || fieldSpec(v.section, v.field)) ? v.field : null;
	const isText = field === 'text' || (field !== null && fieldSpec(v.section, field)?.type === 'text');
	return { section: v.section, itemId: v.itemId, field, caret: isText ? readCaret(v.caret) : null };
}

function readDrafting(v: unknown): DraftingAt | null {
	if (!isObject(v) || !isSectionKey(v.section)) return null;
	const text = typeof v.text === 'string' && v.text.length <= LIMITS.maxTextLength && !CONTROL.test(v.text) ? v.text : '';
	return { section: v.section, text };
}

/** The checked claims of a client's state; anything else it sent, or anything malformed, is dropped. */
export function readPresenceClaims(state: unknown): PresenceClaims {
	const s = isObject(state) ? state : {};
	return {
		viewing: isSectionKey(s.viewing) ? s.viewing : null,
		editing: readEditing(s.editing),
		drafting: readDrafting(s.drafting)
	};
}

/** A relayed state, or null if it is not the expected shape. */
export function readPresence(state: unknown): PresenceState | null {
	if (!isObject(state) || !isObject(state.user)) return null;
	const { id, name, role } = state.user;
	if (!shortString(id) || !shortString(name) || !isRole(role)) return null;
	return { user: { id, name, role }, ...readPresenceClaims(state) };
}
