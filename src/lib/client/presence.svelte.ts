/**
 * Who is looking at the board, where, and what they are writing, over y-websocket's awareness.
 * Remote states are untrusted input: anything that is not the expected shape is skipped.
 * The server replaces `user` in every state with the sender's entry in the member list, so
 * what we send as `me` is only a placeholder until the server echoes it back. What I send is
 * gathered and sent at most ten times a second (SendGate).
 */
import type { Awareness } from 'y-protocols/awareness';
import type { CaretTokens } from '$lib/board/caret';
import type { SectionKey } from '$lib/board';
import { readPresence, type DraftingAt, type EditingAt, type PresenceClaims, type PresenceState, type PresenceUser } from '$lib/protocol/presence';
import { presenceNews, snapshot, whereabouts, type Peer, type PresenceSnapshot, type Whereabouts } from './presence-view';
import { SendGate } from './send-gate';

export type { PresenceUser, EditingAt, PresenceState, Peer, CaretTokens };

/** Reads one remote awareness state; null if it is not ours or is malformed. */
export function readPeer(clientId: number, state: unknown): Peer | null {
	const presence = readPresence(state);
	return presence && { clientId, ...presence };
}

/** Joins, leaves and "writing here too" heard within this long are said as one announcement. */
const NEWS_GATHER_MS = 1_500;

export interface PresenceOptions {
	/** An item's main words, for "editing 'Take the bus…'" (reactive reads are fine). */
	itemText?: (section: SectionKey, itemId: string) => string | undefined;
	/** Says something politely to screen-reader users. */
	announce?: (text: string) => void;
	/**
	 * True while connected and in step with the server. Presence that arrives with a (re)connection
	 * is the room as it is, and others vanishing while I am cut off have not left: neither is news.
	 */
	settled?: () => boolean;
}

export class Presence {
	/** Every window on the board with a valid state, this one included. */
	peers = $state.raw<Peer[]>([]);

	readonly #awareness: Awareness;
	readonly #me: PresenceUser;
	readonly #options: PresenceOptions;
	readonly #off: () => void;
	#local: PresenceClaims = { viewing: null, editing: null, drafting: null };
	#sent = '';
	readonly #gate = new SendGate(() => this.#send());
	#before: PresenceSnapshot | null = null;
	#news: string[] = [];
	#newsTimer: ReturnType<typeof setTimeout> | undefined;

	constructor(awareness: Awareness, me: PresenceUser, options: PresenceOptions = {}) {
		this.#awareness = awareness;
		this.#me = me;
		this.#options = options;
		this.#send();
		const onChange = () => this.#read();
		awareness.on('change', onChange);
		this.#off = () => awareness.off('change', onChange);
		this.#read();
	}

	#send() {
		const state: PresenceState = { user: this.#me, ...this.#local };
		const json = JSON.stringify(state);
		if (json === this.#sent) return;
		this.#sent = json;
		this.#awareness.setLocalState(state);
	}

	#set(change: Partial<PresenceClaims>) {
		this.#local = { ...this.#local, ...change };
		this.#gate.changed();
	}

	#read() {
		const peers: Peer[] = [];
		for (const [clientId, state] of this.#awareness.getStates()) {
			const peer = readPeer(clientId, state);
			if (peer) peers.push(peer);
		}
		this.peers = peers;
		this.#noticeNews(peers);
	}

	#noticeNews(peers: readonly Peer[]) {
		const after = snapshot(peers, this.#me.id);
		const before = this.#before;
		this.#before = after;
		if (!before || !this.#options.announce || !(this.#options.settled?.() ?? true)) return;
		const news = presenceNews(before, after, this.#local.editing?.itemId ?? null);
		if (!news.length) return;
		this.#news.push(...news);
		this.#newsTimer ??= setTimeout(() => {
			this.#newsTimer = undefined;
			const said = [...new Set(this.#news)].join(' ');
			this.#news = [];
			this.#options.announce?.(said);
		}, NEWS_GATHER_MS);
	}

	/** Each person once (several windows count once), me first. */
	readonly here: PresenceUser[] = $derived.by(() => this.where.map((w) => w.user));

	/** Each person once, me first, with where they are in words. */
	readonly where: Whereabouts[] = $derived.by(() => whereabouts(this.peers, this.#me, this.#options.itemText ?? (() => undefined)));

	/** Others (not me, in any window), each once, among `peers` that pass `test`. */
	#others(test: (peer: Peer) => boolean): Peer[] {
		const seen = new Map<string, Peer>();
		for (const peer of this.peers) if (peer.user.id !== this.#me.id && test(peer) && !seen.has(peer.user.id)) seen.set(peer.user.id, peer);
		return [...seen.values()];
	}

	/** Other people (with the field they are in) writing in this item now. */
	editingIn(itemId: string): { user: PresenceUser; field: string | null }[] {
		return this.#others((p) => p.editing?.itemId === itemId).map((p) => ({ user: p.user, field: p.editing?.field ?? null }));
	}

	/** Other people whose window shows mostly this section. */
	viewersOf(section: SectionKey): PresenceUser[] {
		return this.#others((p) => p.viewing === section).map((p) => p.user);
	}

	/** Others' carets in one text field of an item (each window's, so two tabs show two). */
	caretsIn(itemId: string, field: string): { clientId: number; user: PresenceUser; caret: CaretTokens }[] {
		return this.peers.flatMap((p) =>
			p.user.id !== this.#me.id && p.editing?.itemId === itemId && p.editing.field === field && p.editing.caret
				? [{ clientId: p.clientId, user: p.user, caret: p.editing.caret }]
				: []
		);
	}

	/** Others writing a new item in this section, with their words so far. */
	draftsIn(section: SectionKey): { user: PresenceUser; text: string }[] {
		return this.#others((p) => p.drafting?.section === section).map((p) => ({ user: p.user, text: p.drafting?.text ?? '' }));
	}

	/** The section most in view in my window. */
	setViewing(section: SectionKey | null): void {
		if (this.#local.viewing !== section) this.#set({ viewing: section });
	}

	/** Tells the others where I am writing (null: nowhere). Unchanged values send nothing. */
	setEditing(at: EditingAt | null): void {
		const current = this.#local.editing;
		if (current?.itemId === at?.itemId && current?.section === at?.section && (current?.field ?? null) === (at?.field ?? null)) return;
		this.#set({ editing: at && { section: at.section, itemId: at.itemId, field: at.field ?? null, caret: at.caret ?? null }, drafting: null });
	}

	/** My caret in the field I am writing in (ignored if it is not that field). */
	setCaret(itemId: string, field: string, caret: CaretTokens | null): void {
		const current = this.#local.editing;
		if (!current || current.itemId !== itemId || current.field !== field) return;
		if (current.caret?.anchor === caret?.anchor && current.caret?.head === caret?.head) return;
		this.#set({ editing: { ...current, caret } });
	}

	/** I am writing a new item in `section` (null: not any more). */
	setDrafting(at: DraftingAt | null): void {
		this.#set(at ? { drafting: at, editing: null } : { drafting: null });
	}

	destroy(): void {
		this.#gate.stop();
		clearTimeout(this.#newsTimer);
		this.#off();
	}
}
