/**
 * Mounts the realtime endpoints on an HTTP server: used by server/index.ts and by the Vite
 * dev plugin, so `npm run dev` offers the same endpoints as `npm start`.
 */
import type http from 'node:http';
import type { Duplex } from 'node:stream';
import type { Services } from '../src/lib/server/services.js';
import { createInProcessBus } from './bus/in-process.js';
import type { Bus } from './bus/bus.js';
import { createSyncEndpoint, type SyncEndpoint } from './sync/endpoint.js';
import { createRealtimeEndpoint, isRealtimeUrl, type RealtimeEndpoint } from './realtime/endpoint.js';
import { createBoardChanges } from './sync/board-changes.js';

export interface Realtime {
	sync: SyncEndpoint;
	/** socket.io at /socket.io: the plan list, notices, follow the presenter. */
	realtime: RealtimeEndpoint;
	bus: Bus;
	close(): Promise<void>;
}

export function attachRealtime(server: http.Server, services: Services): Realtime {
	const bus = createInProcessBus();
	const sync = createSyncEndpoint(services, bus);
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
	const realtime = createRealtimeEndpoint(server, services, sync.activity);
	const ours = new Set([routeUpgrade, ...server.listeners('upgrade').filter((listener) => !before.has(listener))]);
	return {
		sync,
		realtime,
		bus,
		async close() {
			await realtime.close();
			await sync.close();
			await bus.close();
		}
	};
}
