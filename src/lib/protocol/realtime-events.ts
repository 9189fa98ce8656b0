/**
 * The socket.io channel's contract (see docs/realtime.md): app events beside the plan's Yjs
 * sync — the live plan list, notices between visits, follow the presenter. One map per
 * direction gives each event's payload; the unions below are derived from them, so client
 * and server import one definition. The socket.io event name is the union's `type`.
 */
import { isSectionKey, type SectionKey } from '../board/section-keys.js';
import type { ChangeSummary } from '../board/change-words.js';

/** The path socket.io answers on, beside `/yjs`. */
export const REALTIME_PATH = '/socket.io';

/** Why the server refused an event: the `error` of a failed acknowledgement. */
export const RealtimeError = {
	/** The payload is not the event's shape. */
	Malformed: 'malformed',
	/** No such event. */
	UnknownEvent: 'unknown_event',
	/** Too many events too fast: slow down, or the socket is closed. */
	RateLimited: 'rate_limited',
	/** Not a plan I am on (or no such plan): the same answer, so a plan's existence stays private. */
	NotFound: 'not_found',
	/** My role on the plan may not do this. */
	Forbidden: 'forbidden',
	/** Open the plan first (plan:open): the event is about a plan I am not looking at. */
	NotOpen: 'not_open',
	/** Someone else is already presenting on this plan. */
	AlreadyPresenting: 'already_presenting',
	/** An answer to a follow request I was not asked, or already answered. */
	NotAsked: 'not_asked',
	/** I am not presenting on this plan. */
	NotPresenting: 'not_presenting',
	/** The server failed for a reason of its own. */
	Internal: 'internal'
} as const;
export type RealtimeError = (typeof RealtimeError)[keyof typeof RealtimeError];

/** Reasons the server gives when it refuses the connection itself (connect_error's message). */
export const RealtimeRefusal = {
	SignedOut: 'signed_out',
	WrongOrigin: 'wrong_origin',
	/** This account has too many sockets open (REALTIME_MAX_SOCKETS_PER_ACCOUNT). */
	TooManySockets: 'too_many_sockets'
} as const;
export type RealtimeRefusal = (typeof RealtimeRefusal)[keyof typeof RealtimeRefusal];

/** The acknowledgement of every client event. */
export type Ack<T extends object = object> = ({ ok: true } & T) | { ok: false; error: RealtimeError };

export interface Person {
	readonly id: string;
	readonly name: string;
}

/** Who is on a plan now, for the plan list. `here` is null when my role may not see names. */
export interface PlanHere {
	readonly boardId: string;
	readonly here: readonly Person[] | null;
}

/** Where a presenter is looking: the section, and the item if they are in one. */
export interface ViewPosition {
	readonly section: SectionKey;
	readonly itemId: string | null;
}

/** Client → server: event type → payload. */
export interface ClientEventMap {
	/** I am on the plan list: send who is on each of my plans, and changes to it. */
	'plans:watch': Record<never, never>;
	'plans:unwatch': Record<never, never>;
	/** I have this plan's page open (join its room); `plan:close` when I leave it. */
	'plan:open': { boardId: string };
	'plan:close': { boardId: string };
	/** Ask everyone on the plan to follow me. Editors only. */
	'follow:ask': { boardId: string };
	/** My answer to a follow request I was asked. */
	'follow:answer': { boardId: string; requestId: string; follow: boolean };
	/** I stop following. */
	'follow:stop': { boardId: string };
	/** I (the presenter) stop presenting. */
	'present:stop': { boardId: string };
	/** I (the presenter) am looking here now; throttled by the client to about 10 a second. */
	'present:at': { boardId: string } & ViewPosition;
}

/** What a successful acknowledgement carries besides `ok`, for the events that answer with data. */
export interface AckData {
	'plans:watch': { plans: readonly PlanHere[] };
	'follow:ask': { requestId: string; asked: number };
	/**
	 * Where the presenter is now when I chose to follow (null if I said no, or they have not
	 * moved yet): in the answer itself, so I start there whatever else arrives first.
	 */
	'follow:answer': { at: ViewPosition | null };
}
/** The acknowledgement of one client event. */
export type AckFor<K extends ClientEventType> = Ack<K extends keyof AckData ? AckData[K] : object>;

/** Server → client: event type → payload. */
export interface ServerEventMap {
	/** Who is on one of my plans now (answer to plans:watch, then on every change). */
	'plans:here': PlanHere;
	/** One of my plans was changed by someone else; `by` is null when my role may not see names. */
	'plans:changed': { boardId: string; by: string | null; at: number };
	/** A notice between visits: someone changed a plan I am on while I was elsewhere. */
	notice: { boardId: string; personName: string; isMine: boolean; who: readonly string[]; change: ChangeSummary };
	/** Someone asks me to follow them. */
	'follow:asked': { boardId: string; requestId: string; presenter: Person };
	/** The presenter moved. */
	'follow:moved': { boardId: string } & ViewPosition;
	/** The presentation (or my following) ended. */
	'follow:ended': { boardId: string; requestId: string };
	/** To the presenter: who follows now. */
	'present:followers': { boardId: string; requestId: string; followers: readonly Person[] };
	/** I may no longer see this plan (removed): leave its page. */
	'plan:removed': { boardId: string };
	/** I sent too many events: slow down or the socket closes. */
	'limit:warning': { error: typeof RealtimeError.RateLimited };
}

type Union<M> = { [K in keyof M]: { type: K } & M[K] }[keyof M];
/** Every client → server event, discriminated by `type`. */
export type ClientEvent = Union<ClientEventMap>;
/** Every server → client event, discriminated by `type`. */
export type ServerEvent = Union<ServerEventMap>;
export type ClientEventType = keyof ClientEventMap;
export type ServerEventType = keyof ServerEventMap;

/**
 * The same two unions as socket.io's typed event maps (event name → listener), so a typed
 * Server or Socket makes sending a wrong event or payload a compile error. Client → server
 * only says what a client should send: the server still reads every event as unknown and
 * checks it (parseClientEvent), since a client may send anything.
 */
export type ServerToClientEvents = { [E in ServerEvent as E['type']]: (payload: Omit<E, 'type'>) => void };
export type ClientToServerEvents = {
	[E in ClientEvent as E['type']]: (payload: Omit<E, 'type'>, ack: (answer: AckFor<E['type']>) => void) => void;
};

export const CLIENT_EVENT_TYPES: readonly ClientEventType[] = [
	'plans:watch',
	'plans:unwatch',
	'plan:open',
	'plan:close',
	'follow:ask',
	'follow:answer',
	'follow:stop',
	'present:stop',
	'present:at'
];
export const SERVER_EVENT_TYPES: readonly ServerEventType[] = [
	'plans:here',
	'plans:changed',
	'notice',
	'follow:asked',
	'follow:moved',
	'follow:ended',
	'present:followers',
	'plan:removed',
	'limit:warning'
];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isBoardId = (v: unknown): v is string => typeof v === 'string' && /^[a-z2-7]{20}$/.test(v);
const isShortId = (v: unknown): v is string => typeof v === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(v);
const hasOnly = (o: Record<string, unknown>, keys: readonly string[]) => Object.keys(o).every((k) => keys.includes(k));

/**
 * Reads a client event: its socket.io name and payload, checked field by field. Anything
 * else the payload holds makes it malformed (nothing unknown is passed on).
 */
export function parseClientEvent(name: unknown, payload: unknown): { ok: true; event: ClientEvent } | { ok: false; error: RealtimeError } {
	const malformed = { ok: false, error: RealtimeError.Malformed } as const;
	if (typeof name !== 'string' || !(CLIENT_EVENT_TYPES as readonly string[]).includes(name)) {
		return { ok: false, error: RealtimeError.UnknownEvent };
	}
	const type = name as ClientEventType;
	const p = (payload === undefined || payload === null) && (type === 'plans:watch' || type === 'plans:unwatch') ? {} : payload;
	if (!isObject(p)) return malformed;
	switch (type) {
		case 'plans:watch':
		case 'plans:unwatch':
			return hasOnly(p, []) ? { ok: true, event: { type } } : malformed;
		case 'plan:open':
		case 'plan:close':
		case 'follow:ask':
		case 'follow:stop':
		case 'present:stop':
			return hasOnly(p, ['boardId']) && isBoardId(p.boardId) ? { ok: true, event: { type, boardId: p.boardId } } : malformed;
		case 'follow:answer':
			return hasOnly(p, ['boardId', 'requestId', 'follow']) && isBoardId(p.boardId) && isShortId(p.requestId) && typeof p.follow === 'boolean'
				? { ok: true, event: { type, boardId: p.boardId, requestId: p.requestId, follow: p.follow } }
				: malformed;
		case 'present:at':
			return hasOnly(p, ['boardId', 'section', 'itemId']) &&
				isBoardId(p.boardId) &&
				isSectionKey(p.section) &&
				(p.itemId === null || isShortId(p.itemId))
				? { ok: true, event: { type, boardId: p.boardId, section: p.section, itemId: p.itemId as string | null } }
				: malformed;
	}
}
