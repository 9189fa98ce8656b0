/**
 * socket.io room names and the typed way to send a server event to a room or a socket.
 * Every socket is in its user's room; a plan page's socket is in the plan's room; a plan
 * list's socket is in its user's plan-list room.
 */
import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, ServerEvent, ServerEventType, ServerToClientEvents } from '../../src/lib/protocol/realtime-events.js';

export const userRoom = (userId: string) => `user:${userId}`;
export const planRoom = (boardId: string) => `plan:${boardId}`;
export const planListRoom = (userId: string) => `plans:${userId}`;
/** The sockets on a plan whose role may see who is on it: the audience a presenter asks. */
export const planPeopleRoom = (boardId: string) => `plan-people:${boardId}`;

/** What the server keeps on each socket. */
export interface SocketData {
	userId: string;
	name: string;
	sessionId: string;
	/** When the session runs out unless it is used meanwhile (then it is read again). */
	expiresAt: number;
	/** The instance this socket is on, when there are several. */
	instance?: string;
	/** The plans whose page this socket has open, with what its role may do there. */
	plans: Map<string, PlanRights>;
}

export interface PlanRights {
	canEdit: boolean;
	canSeePeople: boolean;
}

// Typed from the protocol's two unions: emitting an event the client does not know, or a
// payload of the wrong shape, does not compile. No events pass between instances but rooms.
export type RealtimeServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type RealtimeSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** What a server event can be sent through: a socket, or a room (`io.to(…)`, `io.local.to(…)`). */
export interface ServerEmitter {
	emit<K extends ServerEventType>(type: K, ...args: Parameters<ServerToClientEvents[K]>): boolean;
}

/** Sends a server event: its type is the socket.io event name, the rest the payload. */
export function send(target: ServerEmitter, event: ServerEvent): void {
	const { type, ...payload } = event;
	// Split apart, TypeScript no longer sees that this type and payload belong together; the
	// event as a whole was checked against the union in this function's signature.
	target.emit(type, payload as never);
}

/** The ids of the sockets in a room on this instance (empty if none). */
export function socketsIn(io: RealtimeServer, room: string): ReadonlySet<string> {
	return io.sockets.adapter.rooms.get(room) ?? new Set();
}

/** Is this user looking at the plan's page right now (a socket of theirs in the plan's room)? */
export function isOnPlan(io: RealtimeServer, userId: string, boardId: string): boolean {
	const plan = socketsIn(io, planRoom(boardId));
	for (const id of socketsIn(io, userRoom(userId))) if (plan.has(id)) return true;
	return false;
}
