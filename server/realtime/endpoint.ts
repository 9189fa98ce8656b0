/**
 * socket.io at /socket.io, on the same HTTP server as the pages and /yjs: app events (the live
 * plan list, notices between visits, follow the presenter). The handshake is checked like the
 * sync endpoint's upgrade: the same origin check and session validation. Every event is
 * rate-limited per socket, validated (src/lib/protocol/realtime-events.ts) and answered with an
 * acknowledgement; a bad one gets `{ ok: false, error }` and changes nothing.
 */
import type http from 'node:http';
import { Server, type ServerOptions } from 'socket.io';
import { localCounter, type PlaceCounter } from '../cluster/counts.js';
import { readCookie, SESSION_COOKIE } from '../../src/lib/server/auth/sessions.js';
import type { BoardActivity } from '../../src/lib/server/board-activity.js';
import type { Services } from '../../src/lib/server/services.js';
import { parseClientEvent, REALTIME_PATH, RealtimeError, RealtimeRefusal } from '../../src/lib/protocol/realtime-events.js';
import { fromAnotherSite } from '../sync/endpoint.js';
import { watchSessionExpiry } from '../sync/session-expiry.js';
import { EventHandlers, type Answer } from './handlers.js';
import { localFollowStore, type FollowStore } from './follow-store.js';
import { LivePlans } from './live-plans.js';
import { EventAllowance } from './rate-limit.js';
import { send, userRoom, type RealtimeServer, type RealtimeSocket } from './rooms.js';

export interface RealtimeEndpoint {
	readonly io: RealtimeServer;
	/** Reads every open socket's session and plans again (events may have been missed). */
	recheckAll(): Promise<void>;
	close(): Promise<void>;
}

/** With several instances: the socket.io adapter that reaches them all, and the shared socket cap. */
export interface RealtimeScaleOut {
	adapter: ServerOptions['adapter'];
	perAccount: PlaceCounter;
	follow: FollowStore;
	instanceId: string;
}

/** Is this request or upgrade for socket.io? */
export function isRealtimeUrl(url: string | undefined): boolean {
	return !!url && (url === REALTIME_PATH || url.startsWith(`${REALTIME_PATH}/`) || url.startsWith(`${REALTIME_PATH}?`));
}

export function createRealtimeEndpoint(server: http.Server, services: Services, activity: BoardActivity, scaleOut?: RealtimeScaleOut): RealtimeEndpoint {
	const { config, sessions, log } = services;
	const limits = config.realtime;
	const io: RealtimeServer = new Server(server, {
		path: REALTIME_PATH,
		serveClient: false,
		maxHttpBufferSize: limits.maxMessageBytes,
		...(scaleOut ? { adapter: scaleOut.adapter } : {}),
		// Upgrades for other paths (/yjs, Vite's own) are not ours to end.
		destroyUpgrade: false,
		// Same origin only, as for pages and /yjs: socket.io's own CORS stays off.
		cors: undefined,
		// The handshake passes here, before any cookie is read: another site is answered 403 wrong_origin.
		allowRequest: (req, callback) => {
			const refused = fromAnotherSite(req, config.origin);
			callback(refused ? RealtimeRefusal.WrongOrigin : null, !refused);
		}
	});
	// allowRequest sees only the handshake. Each later long-polling request, and the upgrade to a
	// WebSocket, carries the connection's id (sid) instead: it must come from this site too, or
	// someone who learnt an id could post events as that person from another site.
	io.engine.use((req: http.IncomingMessage, _res: unknown, next: (error?: Error) => void) => {
		const laterRequest = new URL(req.url ?? '/', 'http://localhost').searchParams.has('sid');
		if (!laterRequest || !fromAnotherSite(req, config.origin)) return next();
		log.warn('Refused a realtime request from another site', { origin: req.headers.origin });
		next(new Error(RealtimeRefusal.WrongOrigin));
	});
	const live = new LivePlans(io, activity, services);
	const handlers = new EventHandlers(io, services, live, scaleOut?.follow ?? localFollowStore());

	// Sockets per account: one per open tab is plenty; a script opening thousands is refused.
	// With several instances the count is shared, so another instance is no way round it.
	const perAccount = scaleOut?.perAccount ?? localCounter(limits.maxSocketsPerAccount);
	io.use((socket, next) => {
		sessions
			.validate(readCookie(socket.request.headers.cookie, SESSION_COOKIE))
			.then(async (valid) => {
				if (!valid) return next(new Error(RealtimeRefusal.SignedOut));
				const release = await perAccount.take(valid.user.id);
				if (!release) {
					log.warn('Refused a realtime socket: too many for one account', { user: valid.user.id, cap: limits.maxSocketsPerAccount });
					return next(new Error(RealtimeRefusal.TooManySockets));
				}
				socket.once('disconnect', release);
				// Gone while its place was being taken.
				if (socket.conn.readyState === 'closed') release();
				socket.data = { userId: valid.user.id, name: valid.user.name, sessionId: valid.session.id, expiresAt: valid.session.expiresAt, plans: new Map(), instance: scaleOut?.instanceId };
				next();
			})
			.catch((error) => {
				log.error('Checking a realtime connection failed', { error: (error as Error).message });
				next(new Error(RealtimeError.Internal));
			});
	});

	io.on('connection', (socket: RealtimeSocket) => {
		const { userId, sessionId } = socket.data;
		void socket.join(userRoom(userId));
		const allowance = new EventAllowance(limits.eventsPerSecond, limits.eventBurst, limits.refusedBeforeClose);
		const expiry = watchSessionExpiry(
			services.storage,
			sessionId,
			socket.data.expiresAt,
			() => socket.disconnect(true),
			(error) => log.warn('Checking a session failed', { error: error.message }),
			config.sync.sessionRecheckMs
		);
		socket.onAny((name: unknown, ...args: unknown[]) => {
			const ack = typeof args[args.length - 1] === 'function' ? (args.pop() as (answer: Answer) => void) : null;
			const answer = (result: Answer) => ack?.(result);
			const verdict = allowance.take();
			if (verdict === 'close') {
				log.warn('Closed a realtime socket: too many events', { user: userId });
				return socket.disconnect(true);
			}
			if (verdict !== 'allow') {
				if (verdict === 'warn') send(socket, { type: 'limit:warning', error: RealtimeError.RateLimited });
				return answer({ ok: false, error: RealtimeError.RateLimited });
			}
			const parsed = args.length > 1 ? ({ ok: false, error: RealtimeError.Malformed } as const) : parseClientEvent(name, args[0]);
			if (!parsed.ok) return answer(parsed);
			handlers.handle(socket, parsed.event).then(answer, (error) => {
				log.error('A realtime event failed', { event: parsed.event.type, error: (error as Error).message });
				answer({ ok: false, error: RealtimeError.Internal });
			});
		});
		socket.on('disconnect', () => {
			expiry.stop();
			handlers.leaveAll(socket).catch((error) => log.warn('Leaving follow the presenter failed', { error: (error as Error).message }));
		});
	});

	// Signing out (here or everywhere) closes that session's sockets at once.
	const stopSessions = services.sessionEvents.listen((ended) => {
		for (const socket of io.sockets.sockets.values()) {
			const mine = 'sessionId' in ended ? socket.data.sessionId === ended.sessionId : socket.data.userId === ended.userId;
			if (mine) socket.disconnect(true);
		}
	});
	// A member removed or given another role: their open sockets are checked again at once.
	const stopMembership = services.membership.listen((boardId, userId) => {
		handlers.recheck(boardId, userId).catch((error) => log.warn('Checking a membership failed', { error: (error as Error).message }));
	});

	// A membership changed where no event reaches this process (another instance on the same
	// storage) is noticed here: every open plan room's members are read again.
	const recheckMemberships = async () => {
		const pairs = new Set<string>();
		for (const socket of io.sockets.sockets.values()) for (const boardId of socket.data.plans.keys()) pairs.add(`${boardId} ${socket.data.userId}`);
		for (const pair of pairs) {
			const [boardId, userId] = pair.split(' ') as [string, string];
			await handlers.recheck(boardId, userId).catch((error) => log.warn('Checking a membership failed', { error: (error as Error).message }));
		}
	};
	const membershipSweep = setInterval(() => void recheckMemberships(), config.sync.sessionRecheckMs);
	membershipSweep.unref();

	return {
		io,
		async recheckAll() {
			for (const socket of [...io.sockets.sockets.values()]) {
				if (!(await services.storage.sessions.get(socket.data.sessionId))) socket.disconnect(true);
			}
			await recheckMemberships();
		},
		async close() {
			clearInterval(membershipSweep);
			stopSessions();
			stopMembership();
			live.close();
			// Draining: close each connection underneath its socket, without socket.io's disconnect
			// packet. The client then sees "transport close" and reconnects by itself (through the
			// load balancer, to another instance); a disconnect packet ("io server disconnect")
			// would tell it to stop for good, as signing out does. Each socket's 'disconnect'
			// handlers still run here (reason "forced close"), releasing its place in the caps.
			// Not io.close(): that would close the HTTP server, which is not socket.io's.
			io.engine.close();
		}
	};
}
