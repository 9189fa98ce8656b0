/**
 * The presence state each window shares over y-websocket's awareness. The server builds the
 * state it relays: `user` from the plan's member list (never the client's claim), the rest
 * from the fields below, each checked. Clients read remote states with `readPresence`.
 */
import { isSectionKey, type SectionKey } from '../board/section-keys.js';
import { isRole, type Role } from '../roles.js';

/** Who someone is on the plan. */
export interface PresenceUser {
	readonly id: string;
	readonly name: string;
	readonly role: Role;
}

/** Which item someone is writing in. */
export interface EditingAt {
	readonly section: SectionKey;
	readonly itemId: string;
}

/** One window's presence, as relayed. */
export interface PresenceState {
	readonly user: PresenceUser;
	readonly editing: EditingAt | null;
}

/** What a client may say about itself: everything but who it is. */
export type PresenceClaims = Omit<PresenceState, 'user'>;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const shortString = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 200;

/** The checked fields of a client's state; anything else it sent is dropped. */
export function readPresenceClaims(state: unknown): PresenceClaims {
	const e = isObject(state) ? state.editing : null;
	const editing = isObject(e) && isSectionKey(e.section) && shortString(e.itemId) ? { section: e.section, itemId: e.itemId } : null;
	return { editing };
}

/** A relayed state, or null if it is not the expected shape. */
export function readPresence(state: unknown): PresenceState | null {
	if (!isObject(state) || !isObject(state.user)) return null;
	const { id, name, role } = state.user;
	if (!shortString(id) || !shortString(name) || !isRole(role)) return null;
	return { user: { id, name, role }, ...readPresenceClaims(state) };
}
