/**
 * One board's live document in the browser: a Y.Doc kept on this device (IndexedDB, so a
 * board opened once keeps working offline) and shared with the server through the stock
 * y-websocket provider. Browser only: create it in onMount or an effect, never during SSR.
 */
import * as Y from 'yjs';
import { IndexeddbPersistence, storeState } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import { getSchemaVersion, SCHEMA_VERSION } from '$lib/board';
import { CloseCode, FINAL_CLOSE_CODES, SYNC_PATH } from '$lib/protocol/close-codes';
import { ConfirmationTracker } from './confirmation-tracker';
import { closeEffect, connectionStatus, type ConnectionStatus } from './connection-state';
import { localDbName } from './local-copies';
import { registerOpenBoard } from './open-boards';

export { localDbName };

/** The sync endpoint's base URL for this page (the provider appends `/<boardId>`). */
export function syncBase(loc: Pick<Location, 'protocol' | 'host'> = location): string {
	return (loc.protocol === 'https:' ? 'wss://' : 'ws://') + loc.host + SYNC_PATH;
}

export class BoardConnection {
	readonly boardId: string;
	readonly doc: Y.Doc;
	readonly provider: WebsocketProvider;
	/** Null when this browser has no IndexedDB (some private modes): changes live in memory only. */
	readonly local: IndexeddbPersistence | null;

	/** True once the first sync with the server is done (stays true across reconnects). */
	synced = $state(false);
	/** True once this device's saved copy has loaded (or there is none to load). */
	localReady = $state(false);
	/** False if changes cannot be kept on this device. */
	localAvailable = $state(true);
	/** True while this device holds changes the server has not confirmed storing. */
	unsynced = $state(false);
	/**
	 * Called when the server says my role on this plan changed: the page reloads what it knows
	 * of my rights. `unsynced` tells whether changes were still waiting to be shared then.
	 */
	onRoleChanged: ((unsynced: boolean) => void) | null = null;
	/**
	 * Called when a dropped connection is back (offline, a restart). My rights may have changed
	 * meanwhile without this page hearing of it, so the page reloads them; `unsynced` as above.
	 */
	onReconnected: ((unsynced: boolean) => void) | null = null;

	#browserOnline = $state(typeof navigator === 'undefined' ? true : navigator.onLine);
	#socket = $state<'connecting' | 'connected' | 'disconnected'>('connecting');
	#syncedNow = $state(false);
	#hadDrop = $state(false);
	#finalCode = $state<number | null>(null);
	#troubleCode = $state<number | null>(null);
	#tooNew = $state(false);

	/** The status line's state; see connection-state.ts for the rules. */
	readonly status: ConnectionStatus = $derived(
		connectionStatus({
			browserOnline: this.#browserOnline,
			socket: this.#socket,
			synced: this.#syncedNow,
			hadDrop: this.#hadDrop,
			finalCode: this.#finalCode,
			troubleCode: this.#troubleCode,
			tooNew: this.#tooNew
		})
	);

	/** True if the board was saved by a newer app version: the page must be reloaded to write. */
	get tooNew(): boolean {
		return this.#tooNew;
	}

	#cleanups: (() => void)[] = [];
	readonly #confirmations: ConfirmationTracker;

	/**
	 * `doc`: the document to share, usually already holding the stored plan the page came with
	 * (src/lib/first-paint.ts). The provider's first sync then tells the server what it has, and
	 * the server sends only the rest. That plan is what the server stored, never a change of mine,
	 * so nothing sends it back: the provider was not listening when it was applied.
	 */
	constructor(boardId: string, doc?: Y.Doc) {
		this.boardId = boardId;
		this.doc = doc ?? new Y.Doc();
		this.local = this.#openLocal(doc !== undefined);
		this.provider = new WebsocketProvider(syncBase(), boardId, this.doc, {
			// Only "signed out" and "no access" are final; every other close (saving failed,
			// server restarting, too many messages, a new role) is worth retrying with backoff.
			shouldReconnect: (event) => !FINAL_CLOSE_CODES.includes(event.code)
		});
		this.#confirmations = new ConfirmationTracker(this.doc, this.provider, (unsynced) => (this.unsynced = unsynced));
		this.#cleanups.push(registerOpenBoard(this));
		this.#listen();
	}

	/**
	 * `startedFromPage`: y-indexeddb saves the whole document as a new entry when it opens, so a
	 * document that already holds the page's plan would add one more copy of the plan on every
	 * visit (until 500). Once loaded, the copies are folded into one.
	 */
	#openLocal(startedFromPage: boolean): IndexeddbPersistence | null {
		try {
			const local = new IndexeddbPersistence(localDbName(this.boardId), this.doc);
			local.whenSynced.then(
				() => {
					this.localReady = true;
					if (startedFromPage && !this.#destroyed) void storeState(local, true).catch(() => undefined);
				},
				() => this.#noLocal()
			);
			return local;
		} catch {
			this.#noLocal();
			return null;
		}
	}

	#noLocal() {
		this.localAvailable = false;
		this.localReady = true;
	}

	#listen() {
		const { provider, doc } = this;
		const onStatus = ({ status }: { status: 'connected' | 'disconnected' | 'connecting' }) => {
			if (status === 'connected' && this.#hadDrop) this.onReconnected?.(this.unsynced);
			this.#socket = status;
			if (status !== 'connected') this.#syncedNow = false;
		};
		const onSync = (state: boolean) => {
			this.#syncedNow = state;
			if (state) {
				this.synced = true;
				this.#troubleCode = null;
			}
		};
		const onClose = (event: CloseEvent | null) => {
			// null: we closed it ourselves (disconnect, or the provider's silence watchdog).
			if (event === null) return;
			this.#hadDrop = true;
			const effect = closeEffect(event.code);
			if (effect === 'final') {
				this.#finalCode = event.code;
				// Defer: disconnect() from inside the provider's own close handling would re-enter it.
				queueMicrotask(() => provider.disconnect());
				// Removed from the plan: this device keeps no copy of it any more.
				if (event.code === CloseCode.Forbidden) void this.local?.clearData().catch(() => undefined);
				return;
			}
			this.#troubleCode = effect === 'trouble' ? event.code : null;
			if (effect === 'role-changed') this.onRoleChanged?.(this.unsynced);
		};
		const onError = () => (this.#hadDrop = true);
		provider.on('status', onStatus);
		provider.on('sync', onSync);
		provider.on('connection-close', onClose);
		provider.on('connection-error', onError);

		const onOnline = () => {
			this.#browserOnline = true;
			// Try at once rather than waiting out the backoff; a no-op while a socket is open.
			if (this.#finalCode === null) provider.connect();
		};
		const onOffline = () => (this.#browserOnline = false);
		window.addEventListener('online', onOnline);
		window.addEventListener('offline', onOffline);

		const checkVersion = () => {
			const v = getSchemaVersion(doc);
			this.#tooNew = v !== null && v > SCHEMA_VERSION;
		};
		doc.on('afterTransaction', checkVersion);
		// The plan the page came with was in the document before this listener.
		checkVersion();

		this.#cleanups.push(
			() => provider.off('status', onStatus),
			() => provider.off('sync', onSync),
			() => provider.off('connection-close', onClose),
			() => provider.off('connection-error', onError),
			() => window.removeEventListener('online', onOnline),
			() => window.removeEventListener('offline', onOffline),
			() => doc.off('afterTransaction', checkVersion)
		);
	}

	#destroyed = false;

	/** Stops sharing and closes the local copy (it stays on the device for next time). */
	destroy(): void {
		if (this.#destroyed) return;
		this.#destroyed = true;
		this.#confirmations.destroy();
		for (const cleanup of this.#cleanups.splice(0)) cleanup();
		// Tell the others I left, before the socket closes.
		this.provider.awareness.setLocalState(null);
		this.provider.destroy();
		this.provider.awareness.destroy();
		void this.local?.destroy();
		this.doc.destroy();
	}
}
