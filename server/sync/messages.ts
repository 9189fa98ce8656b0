/**
 * The y-websocket wire format, so the stock WebsocketProvider connects unchanged:
 * [varUint messageType][payload]. Sync payloads are y-protocols' sync messages.
 */
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import type * as Y from 'yjs';

export const MessageType = { Sync: 0, Awareness: 1, Auth: 2, QueryAwareness: 3 } as const;
export const SyncStep = { One: syncProtocol.messageYjsSyncStep1, Two: syncProtocol.messageYjsSyncStep2, Update: syncProtocol.messageYjsUpdate } as const;

/** A message as the server understands it; anything else is malformed. */
export type ClientMessage =
	| { type: 'sync-step-1'; stateVector: Uint8Array }
	| { type: 'sync-step-2' | 'update'; update: Uint8Array }
	| { type: 'awareness'; update: Uint8Array }
	| { type: 'query-awareness' }
	| { type: 'auth' };

export class MalformedMessage extends Error {}

/** Decodes one frame; throws MalformedMessage for anything that is not the protocol. */
export function decodeClientMessage(frame: Uint8Array): ClientMessage {
	try {
		const decoder = decoding.createDecoder(frame);
		const type = decoding.readVarUint(decoder);
		switch (type) {
			case MessageType.Sync: {
				const step = decoding.readVarUint(decoder);
				const payload = decoding.readVarUint8Array(decoder);
				if (step === SyncStep.One) return { type: 'sync-step-1', stateVector: payload };
				if (step === SyncStep.Two) return { type: 'sync-step-2', update: payload };
				if (step === SyncStep.Update) return { type: 'update', update: payload };
				break;
			}
			case MessageType.Awareness:
				return { type: 'awareness', update: decoding.readVarUint8Array(decoder) };
			case MessageType.QueryAwareness:
				return { type: 'query-awareness' };
			case MessageType.Auth:
				return { type: 'auth' };
		}
	} catch (error) {
		throw new MalformedMessage(`undecodable frame: ${(error as Error).message}`);
	}
	throw new MalformedMessage('unknown message type');
}

export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MessageType.Sync);
	syncProtocol.writeSyncStep1(encoder, doc);
	return encoding.toUint8Array(encoder);
}

/** Throws if the state vector is not one (then the frame was malformed). */
export function encodeSyncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MessageType.Sync);
	syncProtocol.writeSyncStep2(encoder, doc, stateVector);
	return encoding.toUint8Array(encoder);
}

export function encodeUpdate(update: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MessageType.Sync);
	syncProtocol.writeUpdate(encoder, update);
	return encoding.toUint8Array(encoder);
}

export function encodeAwareness(update: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MessageType.Awareness);
	encoding.writeVarUint8Array(encoder, update);
	return encoding.toUint8Array(encoder);
}

export function encodeAwarenessStates(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
	return encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
}

export interface AwarenessEntry {
	clientId: number;
	clock: number;
	/** Parsed JSON state, or null when the client left. */
	state: unknown;
}

/** Writes awareness entries as an awareness update (the inverse of readAwarenessEntries). */
export function encodeAwarenessEntries(entries: readonly AwarenessEntry[]): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, entries.length);
	for (const { clientId, clock, state } of entries) {
		encoding.writeVarUint(encoder, clientId);
		encoding.writeVarUint(encoder, clock);
		encoding.writeVarString(encoder, JSON.stringify(state));
	}
	return encoding.toUint8Array(encoder);
}

/** Reads an awareness update's entries without applying it, so the server can check them. */
export function readAwarenessEntries(update: Uint8Array): AwarenessEntry[] {
	try {
		const decoder = decoding.createDecoder(update);
		const count = decoding.readVarUint(decoder);
		const entries: AwarenessEntry[] = [];
		for (let i = 0; i < count; i++) {
			const clientId = decoding.readVarUint(decoder);
			const clock = decoding.readVarUint(decoder);
			entries.push({ clientId, clock, state: JSON.parse(decoding.readVarString(decoder)) });
		}
		return entries;
	} catch (error) {
		throw new MalformedMessage(`undecodable awareness update: ${(error as Error).message}`);
	}
}
