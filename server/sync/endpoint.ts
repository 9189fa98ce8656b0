/**
 * WS /yjs/<boardId>: the y-websocket protocol, authenticated at the upgrade with the session
 * cookie. No session → 4401; not a member (or no such board) → 4403. Roles are checked again
 * whenever membership changes, and the session every minute of activity.
 */
import type http from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { CloseCode, SYNC_PATH } from '../../src/lib/protocol/close-codes.js';
import { readCookie, SESSION_COOKIE } from '../../src/lib/server/auth/sessions.js';
import { authorizeBoard, decide } from '../../src/lib/server/permissions.js';
import type { Services } from '../../src/lib/server/services.js';
import type { Bus } from '../bus/bus.js';
import { SyncConnection } from './connection.js';
import { RoomRegistry } from './rooms.js';

const HEARTBEAT_MS = 30_000;

export interface SyncEndpoint {
	/** Takes the upgrade if it is for /yjs/…; returns false to leave it to others. */
	handleUpgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer): boolean;
	readonly rooms: RoomRegistry;
	close(): Promise<void>;
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
function fromAnotherSite(req: http.IncomingMessage, configuredOrigin: string | undefined): boolean {
	const origin = req.headers.origin;
	if (!origin) return false;
	if (configuredOrigin) return origin !== configuredOrigin;
	try {
		return new URL(origin).host !== req.headers.host;
	} catch {
		return true;
	}
}

export function createSyncEndpoint(services: Services, bus: Bus): SyncEndpoint {
	const { storage, sessions, log, config } = services;
	const wss = new WebSocketServer({ noServer: true, maxPayload: config.sync.maxFrameBytes, perMessageDeflate: false });
	const { compactEvery, maxUpdateBytes, maxPlanBytes } = config.sync;
	const rooms = new RoomRegistry({ storage, bus, log, membership: services.membership, limits: { compactEvery, maxUpdateBytes, maxPlanBytes } });
	const live = new Set<SyncConnection>();

	async function accept(ws: WebSocket, req: http.IncomingMessage, boardId: string): Promise<void> {
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

		if (fromAnotherSite(req, config.origin)) return ws.close(CloseCode.Forbidden, 'wrong origin');
		const token = readCookie(req.headers.cookie, SESSION_COOKIE);
		const session = await sessions.validate(token);
		if (!session) return ws.close(CloseCode.Unauthorized, 'sign in');
		const userId = session.user.id;
		const auth = await authorizeBoard(storage, userId, boardId, 'view');
		if (!auth.ok) return ws.close(CloseCode.Forbidden, 'not on this plan');
		const canWrite = decide(auth.access.board, auth.access.membership, 'edit').ok;
		const canSeePeople = decide(auth.access.board, auth.access.membership, 'viewPeople').ok;

		let connection: SyncConnection | null;
		try {
			connection = await rooms.join(boardId, (room) =>
				gone
					? null
					: new SyncConnection(ws, userId, room, canWrite, canSeePeople, {
							log,
							limits: config.sync,
							stillSignedIn: async () => (await sessions.validate(token)) !== null
						})
			);
		} catch (error) {
			log.error('Loading a board failed; it is not served', { board: boardId, error: (error as Error).message });
			return ws.close(CloseCode.LoadFailed, 'could not load this plan');
		}
		if (!connection) return;
		const { room } = connection;
		live.add(connection);
		ws.removeAllListeners('message');
		ws.removeAllListeners('close');
		ws.on('message', (data: Buffer) => connection.receive(data));
		ws.on('pong', () => (connection.alive = true));
		ws.on('close', () => {
			live.delete(connection);
			room.remove(connection);
		});
		for (const frame of early) connection.receive(frame);
	}

	// A member removed or given another role mid-session is re-checked at once.
	const stopListening = services.membership.listen(async (boardId, userId) => {
		for (const connection of live) {
			if (connection.room.boardId !== boardId || connection.userId !== userId) continue;
			const auth = await authorizeBoard(storage, userId, boardId, 'view');
			if (!auth.ok) connection.close(CloseCode.Forbidden, 'no longer on this plan');
			else {
				connection.canWrite = decide(auth.access.board, auth.access.membership, 'edit').ok;
				connection.canSeePeople = decide(auth.access.board, auth.access.membership, 'viewPeople').ok;
			}
		}
	});

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
		handleUpgrade(req, socket, head) {
			const boardId = boardIdFromUrl(req.url);
			if (boardId === null) return false;
			wss.handleUpgrade(req, socket, head, (ws) => {
				accept(ws, req, boardId).catch((error) => {
					log.error('Opening a sync connection failed', { board: boardId, error: (error as Error).message });
					ws.close(CloseCode.LoadFailed, 'could not open this plan');
				});
			});
			return true;
		},
		async close() {
			clearInterval(heartbeat);
			stopListening();
			await rooms.closeAll(CloseCode.GoingAway, 'server restarting');
			wss.close();
		}
	};
}
