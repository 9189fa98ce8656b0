/**
 * WS /yjs/<boardId>: the y-websocket protocol, authenticated at the upgrade with the session
 * cookie. No session → 4401; not a member (or no such board) → 4403. A member removed → 4403,
 * given another role → RoleChanged (reconnect with the new rights); a session signed out (here
 * or everywhere) or run out → 4401, at once, whether or not the client sends anything.
 * Over the per-address or per-account socket cap → HTTP 429 before the handshake.
 */
import type http from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { CloseCode, SYNC_PATH } from '../../src/lib/protocol/close-codes.js';
import { readCookie, SESSION_COOKIE, type ValidSession } from '../../src/lib/server/auth/sessions.js';
import { clientAddress } from '../../src/lib/server/client-address.js';
import { authorizeBoard, decide } from '../../src/lib/server/permissions.js';
import type { Services } from '../../src/lib/server/services.js';
import type { Bus } from '../bus/bus.js';
import type { BoardActivity } from '../../src/lib/server/board-activity.js';
import { SyncActivity } from './activity.js';
import { SyncConnection } from './connection.js';
import { localCounter, type PlaceCounter } from '../cluster/counts.js';
import { LiveConnections } from './live-connections.js';
import { refuseUpgrade } from './refuse-upgrade.js';
import type { BoardRoom } from './room.js';
import { RoomRegistry } from './rooms.js';
import { watchSessionExpiry } from './session-expiry.js';
import { keepVisits } from './visit-keeper.js';

const HEARTBEAT_MS = 30_000;

export interface SyncEndpoint {
	/** Takes the upgrade if it is for /yjs/…; returns false to leave it to others. */
	handleUpgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer): boolean;
	readonly rooms: RoomRegistry;
	/** Who is on each plan and what was stored, for socket.io's live events. */
	readonly activity: BoardActivity;
	/** Reads every open socket's session and place on its plan again (events may have been missed). */
	recheckAll(): Promise<void>;
	close(): Promise<void>;
}

/** The socket caps: this process's own counts, or counts shared by every instance. */
export interface SyncCaps {
	perAddress: PlaceCounter;
	perAccount: PlaceCounter;
}

/** The board id of a sync URL (`/yjs/<id>`, query ignored), or null if it is not one. */
export function boardIdFromUrl(url: string | undefined): string | null {
	if (!url) return null;
	const path = url.split('?')[0];
	if (!path.startsWith(`${SYNC_PATH}/`)) return null;
	const id = path.slice(SYNC_PATH.length + 1);
	return id.length > 0 && id.length <= 100 && !id.includes('/') ? id : null;
}

/** Browsers send Origin: a page of another site must not use someone's cookie to open a board. */
export function fromAnotherSite(req: http.IncomingMessage, configuredOrigin: string | undefined): boolean {
	const origin = req.headers.origin;
	if (!origin) return false;
	if (configuredOrigin) return origin !== configuredOrigin;
	try {
		return new URL(origin).host !== req.headers.host;
	} catch {
		return true;
	}
}

/** Closes a socket refused at once, and drops it soon if the client never answers the close. */
function refuse(ws: WebSocket, code: number, reason: string): void {
	ws.close(code, reason);
	setTimeout(() => ws.terminate(), 2_000).unref();
}

export function createSyncEndpoint(services: Services, bus: Bus, caps?: SyncCaps): SyncEndpoint {
	const { storage, sessions, log, config } = services;
	const wss = new WebSocketServer({ noServer: true, maxPayload: config.sync.maxFrameBytes, perMessageDeflate: false });
	const { compactEvery, maxUpdateBytes, maxPlanBytes } = config.sync;
	const activity = new SyncActivity();
	const rooms = new RoomRegistry({ storage, bus, log, membership: services.membership, activity, limits: { compactEvery, maxUpdateBytes, maxPlanBytes } });
	const live = new LiveConnections();
	const perAddress = caps?.perAddress ?? localCounter(config.sync.maxSocketsPerAddress);
	const perAccount = caps?.perAccount ?? localCounter(config.sync.maxSocketsPerAccount);
	const visits = keepVisits(storage, (message) => log.warn(message));

	async function accept(ws: WebSocket, req: http.IncomingMessage, boardId: string, session: ValidSession | null): Promise<void> {
		// The client speaks first; keep its frames until it is known who it is.
		const early: Uint8Array[] = [];
		let gone = false;
		ws.on('message', (data: Buffer) => early.push(data));
		ws.on('close', () => (gone = true));
		// ws reports frames that break the WebSocket protocol itself (too large, bad framing) as
		// errors and closes the socket with the matching code (TooLarge for size): log them too.
		ws.on('error', (error: Error & { code?: string }) =>
			log.warn('Closed a sync connection', {
				board: boardId,
				code: error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH' ? CloseCode.TooLarge : error.code,
				reason: error.message
			})
		);

		if (fromAnotherSite(req, config.origin)) return refuse(ws, CloseCode.Forbidden, 'wrong origin');
		if (!session) return refuse(ws, CloseCode.Unauthorized, 'sign in');
		const userId = session.user.id;
		const auth = await authorizeBoard(storage, userId, boardId, 'view');
		if (!auth.ok) return refuse(ws, CloseCode.Forbidden, 'not on this plan');
		const canWrite = decide(auth.access.board, auth.access.membership, 'edit').ok;
		const canSeePeople = decide(auth.access.board, auth.access.membership, 'viewPeople').ok;

		let connection: SyncConnection | null;
		try {
			connection = await rooms.join(boardId, (room) =>
				gone
					? null
					: new SyncConnection(ws, userId, room, canWrite, canSeePeople, { log, limits: config.sync })
			);
		} catch (error) {
			log.error('Loading a board failed; it is not served', { board: boardId, error: (error as Error).message });
			return ws.close(CloseCode.LoadFailed, 'could not load this plan');
		}
		if (!connection) return;
		const { room } = connection;
		const sessionId = session.session.id;
		live.add(connection, sessionId);
		visits.opened(boardId, userId);
		const expiry = watchSessionExpiry(
			storage,
			sessionId,
			session.session.expiresAt,
			() => connection.close(CloseCode.Unauthorized, 'session expired'),
			(error) => log.warn('Checking a session failed', { error: error.message }),
			config.sync.sessionRecheckMs
		);
		ws.removeAllListeners('message');
		ws.removeAllListeners('close');
		ws.on('message', (data: Buffer) => connection.receive(data));
		ws.on('pong', () => (connection.alive = true));
		ws.on('close', () => {
			expiry.stop();
			live.delete(connection);
			room.remove(connection);
			visits.closed(boardId, userId);
		});
		for (const frame of early) connection.receive(frame);
	}

	// A member removed or given another role mid-session is re-checked at once. A new role
	// closes with RoleChanged: the client reconnects and reloads its page, so it learns its new
	// rights (a reader stops offering edits; a writer starts) rather than guessing them.
	const stopMembership = services.membership.listen(async (boardId, userId) => {
		for (const connection of live.ofUser(userId)) {
			if (connection.room.boardId !== boardId) continue;
			const auth = await authorizeBoard(storage, userId, boardId, 'view');
			if (!auth.ok) {
				connection.close(CloseCode.Forbidden, 'no longer on this plan');
				continue;
			}
			// Until it has gone, the socket may do only what the new role allows.
			connection.canWrite = decide(auth.access.board, auth.access.membership, 'edit').ok;
			connection.canSeePeople = decide(auth.access.board, auth.access.membership, 'viewPeople').ok;
			connection.close(CloseCode.RoleChanged, 'your role on this plan changed');
		}
	});

	// Signing out (here or everywhere) closes that session's sockets at once, on every device.
	const stopSessions = services.sessionEvents.listen((ended) => {
		const ending = 'sessionId' in ended ? live.ofSession(ended.sessionId) : live.ofUser(ended.userId);
		for (const connection of ending) connection.close(CloseCode.Unauthorized, 'signed out');
	});

	/**
	 * Checks the session and the caps before the handshake; false if the upgrade was refused. Only
	 * a signed-in socket takes a place under the caps: one refused at once (no session) never holds
	 * one, so nobody can fill an address's places without an account.
	 */
	async function admit(req: http.IncomingMessage, socket: Duplex): Promise<{ ok: boolean; session: ValidSession | null }> {
		const session = await sessions.validate(readCookie(req.headers.cookie, SESSION_COOKIE));
		if (!session) return { ok: !socket.destroyed, session: null };
		const address = clientAddress(req.headers, req.socket.remoteAddress, config.address);
		// A socket holds its places from here until it closes, handshake or not.
		const hold = (release: () => void) => (socket.destroyed ? release() : socket.once('close', release));
		const byAddress = await perAddress.take(address);
		if (byAddress) hold(byAddress);
		else {
			log.warn('Refused a sync connection: too many from one address', { address, cap: config.sync.maxSocketsPerAddress });
			refuseUpgrade(socket, 429, 'Too many open connections from this address. Try again later.');
			return { ok: false, session: null };
		}
		const byAccount = await perAccount.take(session.user.id);
		if (byAccount) hold(byAccount);
		else {
			log.warn('Refused a sync connection: too many for one account', { user: session.user.id, cap: config.sync.maxSocketsPerAccount });
			refuseUpgrade(socket, 429, 'Too many open connections for this account. Close some tabs or try again later.');
			return { ok: false, session: null };
		}
		return { ok: !socket.destroyed, session };
	}

	// A membership changed where no event reaches this process (another instance on the same
	// storage) is noticed here: every open socket's place on its plan is read again, and every open
	// board's member list.
	async function recheckMemberships(): Promise<void> {
		const open = new Set<BoardRoom>();
		for (const connection of [...live]) {
			open.add(connection.room);
			const auth = await authorizeBoard(storage, connection.userId, connection.room.boardId, 'view');
			if (!auth.ok) connection.close(CloseCode.Forbidden, 'no longer on this plan');
			else if (decide(auth.access.board, auth.access.membership, 'edit').ok !== connection.canWrite) {
				connection.canWrite = !connection.canWrite;
				connection.close(CloseCode.RoleChanged, 'your role on this plan changed');
			}
		}
		for (const room of open) if (!room.isClosed) await room.refreshMembers();
	}
	/** Sessions ended where no event reached us (while the relay was away) are found here. */
	async function recheckSessions(): Promise<void> {
		const sessions = new Map<string, SyncConnection[]>();
		for (const connection of live) {
			const id = live.sessionOf(connection);
			if (id) sessions.set(id, [...(sessions.get(id) ?? []), connection]);
		}
		for (const [id, connections] of sessions) {
			if (await storage.sessions.get(id)) continue;
			for (const connection of connections) connection.close(CloseCode.Unauthorized, 'signed out');
		}
	}
	const membershipSweep = setInterval(() => {
		recheckMemberships().catch((error) => log.warn('Checking memberships failed', { error: (error as Error).message }));
	}, config.sync.sessionRecheckMs);
	membershipSweep.unref();

	const heartbeat = setInterval(() => {
		for (const connection of live) {
			if (!connection.alive) connection.close(CloseCode.GoingAway, 'no answer to ping');
			connection.alive = false;
			connection.ping();
		}
	}, HEARTBEAT_MS);
	heartbeat.unref();

	return {
		rooms,
		activity,
		async recheckAll() {
			await recheckSessions();
			await recheckMemberships();
		},
		handleUpgrade(req, socket, head) {
			const boardId = boardIdFromUrl(req.url);
			if (boardId === null) return false;
			// Errors on the raw socket before the handshake (a client hanging up) are not ours to crash on.
			socket.on('error', () => socket.destroy());
			admit(req, socket)
				.then(({ ok, session }) => {
					if (!ok) return;
					wss.handleUpgrade(req, socket, head, (ws) => {
						accept(ws, req, boardId, session).catch((error) => {
							log.error('Opening a sync connection failed', { board: boardId, error: (error as Error).message });
							ws.close(CloseCode.LoadFailed, 'could not open this plan');
						});
					});
				})
				.catch((error) => {
					log.error('Checking a sync connection failed', { board: boardId, error: (error as Error).message });
					refuseUpgrade(socket, 503, 'Could not open this plan just now. Try again later.');
				});
			return true;
		},
		async close() {
			clearInterval(heartbeat);
			clearInterval(membershipSweep);
			visits.stop();
			stopMembership();
			stopSessions();
			await rooms.closeAll(CloseCode.GoingAway, 'server restarting');
			wss.close();
		}
	};
}
