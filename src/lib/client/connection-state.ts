/**
 * What the connection status line says, as a pure function of what the providers and the
 * browser report, so the rules are tested without sockets.
 */
import { CloseCode, FINAL_CLOSE_CODES } from '$lib/protocol/close-codes';

/** The one word the page shows and tests read from `data-state`. */
export type ConnectionStatus = 'connecting' | 'live' | 'offline' | 'reconnecting' | 'signed-out' | 'no-access' | 'error';

/** What we know right now. */
export interface ConnectionFacts {
	/** `navigator.onLine` and the window's online/offline events. */
	readonly browserOnline: boolean;
	/** The provider's last `status` event. */
	readonly socket: 'connecting' | 'connected' | 'disconnected';
	/** The provider finished a sync with the server on the current connection. */
	readonly synced: boolean;
	/** At least one connection attempt has ended (failed or dropped). */
	readonly hadDrop: boolean;
	/** The close code that stopped reconnecting for good (signed out, no access), if any. */
	readonly finalCode: number | null;
	/** The last close was a server-side problem worth saying out loud (saving failed, bad data). */
	readonly troubleCode: number | null;
	/** The board was saved by a newer version of the app: writes are refused until reload. */
	readonly tooNew: boolean;
}

/** Close codes after which we keep trying but tell the person something is wrong. */
export const TROUBLE_CLOSE_CODES: readonly number[] = [
	CloseCode.Malformed,
	CloseCode.Refused,
	CloseCode.PlanFull,
	CloseCode.TooLarge,
	CloseCode.StorageFailed,
	CloseCode.LoadFailed,
	CloseCode.InternalError
];

/**
 * What a close from the server means for the page: stop for good (signed out, no access),
 * reload what the page knows of my rights and reconnect (role changed), reconnect while
 * saying something is wrong (trouble), or just reconnect (a restart, missing changes).
 */
export type CloseEffect = 'final' | 'role-changed' | 'trouble' | 'retry';

export function closeEffect(code: number): CloseEffect {
	if (FINAL_CLOSE_CODES.includes(code)) return 'final';
	if (code === CloseCode.RoleChanged) return 'role-changed';
	if (TROUBLE_CLOSE_CODES.includes(code)) return 'trouble';
	return 'retry';
}

/** Decides the status shown. Order matters: a final refusal beats everything else. */
export function connectionStatus(f: ConnectionFacts): ConnectionStatus {
	if (f.finalCode === CloseCode.Unauthorized) return 'signed-out';
	if (f.finalCode !== null) return 'no-access';
	if (f.tooNew) return 'error';
	if (!f.browserOnline) return 'offline';
	if (f.socket === 'connected' && f.synced) return 'live';
	if (f.troubleCode !== null) return 'error';
	return f.hadDrop ? 'reconnecting' : 'connecting';
}
