/**
 * Who is looking at the board and what they are writing in, over y-websocket's awareness.
 * Remote states are untrusted input: anything that is not the expected shape is skipped.
 * The server drops a state whose `user.id` is not the connection's own user, so we
 * always send `me.id`; names and roles shown come from the plan's member list when we
 * have them, and from the state only as a fallback.
 */
import type { Awareness } from 'y-protocols/awareness';
import { isSectionKey, type SectionKey } from '$lib/board';
import { isRole, type Role } from '$lib/roles';

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

/** One open window on the board. */
export interface Peer {
	readonly clientId: number;
	readonly user: PresenceUser;
	readonly editing: EditingAt | null;
}

/** The local awareness state, as the server expects it. */
export interface PresenceState {
	user: PresenceUser;
	editing: EditingAt | null;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const shortString = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 200;

/** Reads one remote awareness state; null if it is not ours or is malformed. */
export function readPeer(clientId: number, state: unknown): Peer | null {
	if (!isObject(state) || !isObject(state.user)) return null;
	const { id, name, role } = state.user;
	if (!shortString(id) || !shortString(name) || !isRole(role)) return null;
	let editing: EditingAt | null = null;
	const e = state.editing;
	if (isObject(e) && isSectionKey(e.section) && shortString(e.itemId)) editing = { section: e.section, itemId: e.itemId };
	return { clientId, user: { id, name, role }, editing };
}

export class Presence {
	/** Every window on the board with a valid state, this one included. */
	peers = $state.raw<Peer[]>([]);

	readonly #awareness: Awareness;
	readonly #me: PresenceUser;
	readonly #off: () => void;

	constructor(awareness: Awareness, me: PresenceUser) {
		this.#awareness = awareness;
		this.#me = me;
		awareness.setLocalState({ user: me, editing: null } satisfies PresenceState);
		const onChange = () => this.#read();
		awareness.on('change', onChange);
		this.#off = () => awareness.off('change', onChange);
		this.#read();
	}

	#read() {
		const peers: Peer[] = [];
		for (const [clientId, state] of this.#awareness.getStates()) {
			const peer = readPeer(clientId, state);
			if (peer) peers.push(peer);
		}
		this.peers = peers;
	}

	/** Each person once (several windows count once), me first. */
	readonly here: PresenceUser[] = $derived.by(() => {
		const byId = new Map<string, PresenceUser>([[this.#me.id, this.#me]]);
		for (const peer of this.peers) if (!byId.has(peer.user.id)) byId.set(peer.user.id, peer.user);
		return [...byId.values()];
	});

	/** Other people (not me, in any window) writing in this item now. */
	editorsOf(itemId: string): PresenceUser[] {
		const seen = new Map<string, PresenceUser>();
		for (const peer of this.peers) {
			if (peer.editing?.itemId === itemId && peer.user.id !== this.#me.id) seen.set(peer.user.id, peer.user);
		}
		return [...seen.values()];
	}

	/** Tells the others where I am writing (null: nowhere). Unchanged values send nothing. */
	setEditing(at: EditingAt | null): void {
		const current = (this.#awareness.getLocalState() as PresenceState | null)?.editing ?? null;
		if (current?.itemId === at?.itemId && current?.section === at?.section) return;
		this.#awareness.setLocalStateField('editing', at);
	}

	destroy(): void {
		this.#off();
	}
}
