/**
 * Mounts the realtime endpoints on an HTTP server: used by server/index.ts and by the Vite
 * dev plugin, so `npm run dev` offers the same endpoints as `npm start`. With REDIS_URL it
 * joins the other instances first (server/cluster), and relays through them.
 */
import type http from 'node:http';
import type { Duplex } from 'node:stream';
import type { Services } from '../src/lib/server/services.js';
import { createInProcessBus } from './bus/in-process.js';
import type { Bus } from './bus/bus.js';
import type { Cluster } from './cluster/index.js';
import { createSyncEndpoint, type SyncEndpoint } from './sync/endpoint.js';
import { createRealtimeEndpoint, isRealtimeUrl, type RealtimeEndpoint } from './realtime/endpoint.js';
import { createBoardChanges } from './sync/board-changes.js';

export interface Realtime {
	sync: SyncEndpoint;
	/** socket.io at /socket.io: the plan list, notices, follow the presenter. */
	realtime: RealtimeEndpoint;
	bus: Bus;
	/** The other instances, when REDIS_URL is set. */
	cluster: Cluster | null;
	close(): Promise<void>;
}

export async function attachRealtime(server: http.Server, services: Services): Promise<Realtime> {
	// The Redis clients are loaded only with REDIS_URL: one instance never needs them.
	const cluster = services.config.redisUrl ? await (await import('./cluster/index.js')).joinCluster(services.config.redisUrl, services) : null;
	if (!cluster && services.config.databaseUrl) {
		services.log.warn('DATABASE_URL is set without REDIS_URL: run one instance only, or edits on one will not reach people on another until they reconnect');
	}
	const bus = cluster?.bus ?? createInProcessBus();
	const sync = createSyncEndpoint(services, bus, cluster?.syncCaps);
	// Restores reach the plan through the rooms, checked, stored and relayed like any edit.
	services.boardChanges = createBoardChanges(sync.rooms, services.storage);
	const routeUpgrade = (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
		if (sync.handleUpgrade(req, socket, head)) return;
		// socket.io's own listener takes its upgrades.
		if (isRealtimeUrl(req.url)) return;
		// Vite's own hot-reload socket shares this server in dev; leave other paths alone there.
		if (server.listeners('upgrade').every((listener) => ours.has(listener))) socket.destroy();
	};
	server.on('upgrade', routeUpgrade);
	const before = new Set(server.listeners('upgrade'));
	const activity = cluster ? cluster.activity(sync.activity) : sync.activity;
	const realtime = createRealtimeEndpoint(server, services, activity, cluster?.realtime);
	const ours = new Set([routeUpgrade, ...server.listeners('upgrade').filter((listener) => !before.has(listener))]);
	// Sign-outs and membership changes sent while our link to Redis was down did not reach us: look again.
	const stopRecheck = cluster?.events.onReconnected(() => {
		const fail = (error: Error) => services.log.warn('Checking sessions and memberships again failed', { error: error.message });
		sync.recheckAll().catch(fail);
		realtime.recheckAll().catch(fail);
	});
	return {
		sync,
		realtime,
		bus,
		cluster,
		async close() {
			stopRecheck?.();
			await realtime.close();
			await sync.close();
			await bus.close();
			await cluster?.close();
		}
	};
}
