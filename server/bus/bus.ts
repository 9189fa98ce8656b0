/**
 * The bus seam: how a board's updates and presence reach every connection of that board,
 * wherever it is. In-process by default; Redis when several instances share the load.
 */

/**
 * `presence-query`: an instance that has just opened a board asks the others for the presence
 * of their connections there (it missed what they published before it listened).
 */
export type BusKind = 'update' | 'awareness' | 'presence-query';

export interface BusMessage {
	boardId: string;
	kind: BusKind;
	payload: Uint8Array;
	/** The instance that published, and its connection the message came from (not echoed to it). */
	instance: string;
	connection: number | null;
	/** An update's sequence number in the board's stored log: it was stored before it was published. */
	seq?: number;
}

export type BusHandler = (message: BusMessage) => void;
/**
 * Called when the bus cannot promise that every message since the last one reached this
 * subscriber (its connection to the relay was lost). The subscriber catches up from storage.
 */
export type MissedHandler = () => void;

export interface Bus {
	/** This process's id on the bus, so it can tell its own messages from other instances'. */
	readonly instanceId: string;
	/**
	 * True when other instances publish on this bus too: subscribers then check storage for
	 * updates stored elsewhere whose message they may have missed.
	 */
	readonly shared: boolean;
	/** Starts delivering a board's messages to `handler`; the returned function stops it. */
	subscribe(boardId: string, handler: BusHandler, missed?: MissedHandler): Promise<() => Promise<void>>;
	/** Delivers to every subscriber of the board, on every instance, this one included. */
	publish(message: BusMessage): Promise<void>;
	close(): Promise<void>;
}
