/**
 * Who is looking at the board and what they are writing in, over y-websocket's awareness.
 * Remote states are untrusted input: anything that is not the expected shape is skipped.
 * The server replaces `user` in every state with the sender's entry in the member list, so
 * what we send as `me` is only a placeholder until the server echoes it back.
 */
import type { Awareness } from 'y-protocols/awareness';
import { readPresence, type EditingAt, type PresenceState, type PresenceUser } from '$lib/protocol/presence';

export type { PresenceUser, EditingAt, PresenceState };

/** One open window on the board. */
export interface Peer {
	readonly clientId: number;
	readonly user: PresenceUser;
	readonly editing: EditingAt | null;
}

/** Reads one remote awareness state; null if it is not ours or is malformed. */
export function readPeer(clientId: number, state: unknown): Peer | null {
	const presence = readPresence(state);
	return presence && { clientId, ...presence };
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
