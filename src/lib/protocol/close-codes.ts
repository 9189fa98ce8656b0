/**
 * WebSocket close codes of the sync endpoint, shared by server and client. The 4xxx range is
 * for applications; the last three digits echo the HTTP status they resemble.
 *
 * The stock y-websocket `WebsocketProvider` stops for good after any code from 4400 to 4499
 * and reconnects (with backoff) after every other. So a code in that range means "retrying
 * cannot help until the person acts"; every case a reconnect can mend uses a code outside it.
 */
export const CloseCode = {
	/** No valid session (never signed in, expired, signed out here or everywhere). Final. */
	Unauthorized: 4401,
	/** Signed in, but not a member of this board (or no such board, or removed). Final. */
	Forbidden: 4403,
	/**
	 * A frame larger than the limit. The WebSocket standard's own "message too big": the server
	 * refuses it from the frame header, before reading the payload, so it never fills memory.
	 */
	TooLarge: 1009,
	/** Too many messages too fast. */
	RateLimited: 4429,
	/** A frame that is not the protocol, or an update Yjs cannot read. */
	Malformed: 4400,
	/** An update that breaks the plan's rules (a field, a size, a name). Sending it again cannot help. */
	Refused: 4422,
	/** The plan has reached its byte budget; nothing more can be added until something is removed. */
	PlanFull: 4413,
	/**
	 * An update that builds on changes the server does not have. Recoverable: on reconnect the
	 * client sends everything the server lacks in one diff. (409 Conflict, moved out of 44xx so
	 * the stock client retries.)
	 */
	MissingChanges: 4509,
	/**
	 * My role on this plan changed (a writer became a reader, or the other way). Reconnect and
	 * reload what the page knows of my rights. (205 Reset Content: reset the view, carry on.)
	 */
	RoleChanged: 4205,
	/** Saving failed: nothing was lost, the client keeps its changes and resends on reconnect. */
	StorageFailed: 4503,
	/** The board could not be loaded; it is never served empty. */
	LoadFailed: 4504,
	/** The server failed on a message for a reason of its own, not the client's: reconnect. */
	InternalError: 1011,
	/** The server is shutting down; reconnect shortly. */
	GoingAway: 1001
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/** Codes after which reconnecting cannot help until the person acts (signs in, is invited). */
export const FINAL_CLOSE_CODES: readonly number[] = [CloseCode.Unauthorized, CloseCode.Forbidden];

/** The path of the sync endpoint; the board id follows it. */
export const SYNC_PATH = '/yjs';
