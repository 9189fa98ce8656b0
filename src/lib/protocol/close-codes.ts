/**
 * WebSocket close codes of the sync endpoint, shared by server and client. The 4xxx range is
 * for applications; the last three digits echo the HTTP status they resemble.
 */
export const CloseCode = {
	/** No valid session: sign in again. The client stops reconnecting. */
	Unauthorized: 4401,
	/** Signed in, but not a member of this board (or no such board). The client stops reconnecting. */
	Forbidden: 4403,
	/**
	 * A frame larger than the limit. The WebSocket standard's own "message too big": the server
	 * refuses it from the frame header, before reading the payload, so it never fills memory.
	 */
	TooLarge: 1009,
	/** Too many messages too fast. */
	RateLimited: 4429,
	/** A frame that is not the protocol, or an update Yjs cannot apply. */
	Malformed: 4400,
	/** An update that breaks the plan's rules (a field, a size, a name). Sending it again cannot help. */
	Refused: 4422,
	/** The plan has reached its byte budget; nothing more can be added until something is removed. */
	PlanFull: 4413,
	/**
	 * An update that builds on changes the server does not have. Recoverable: in the 45xx range,
	 * which the stock provider reconnects on, and a reconnect sends everything the server lacks.
	 */
	OutOfStep: 4509,
	/** Saving failed: nothing was lost, the client keeps its changes and resends on reconnect. */
	StorageFailed: 4503,
	/** The board could not be loaded; it is never served empty. */
	LoadFailed: 4504,
	/** The server is shutting down; reconnect shortly. */
	GoingAway: 1001
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/** Codes after which reconnecting cannot help until the person acts (signs in, is invited). */
export const FINAL_CLOSE_CODES: readonly number[] = [CloseCode.Unauthorized, CloseCode.Forbidden];

/** The path of the sync endpoint; the board id follows it. */
export const SYNC_PATH = '/yjs';
