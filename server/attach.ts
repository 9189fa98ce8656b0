/**
 * Mounts the realtime endpoints on an HTTP server: used by server/index.ts and by the Vite
 * dev plugin, so `npm run dev` offers the same endpoints as `npm start`.
 */
import type http from 'node:http';
import type { Services } from '../src/lib/server/services.js';
import { createInProcessBus } from './bus/in-process.js';
import type { Bus } from './bus/bus.js';
import { createSyncEndpoint, type SyncEndpoint } from './sync/endpoint.js';
import { createBoardChanges } from './sync/board-changes.js';

export interface Realtime {
	sync: SyncEndpoint;
	bus: Bus;
	close(): Promise<void>;
}

export function attachRealtime(server: http.Server, services: Services): Realtime {
	const bus = createInProcessBus();
	const sync = createSyncEndpoint(services, bus);
	// Restores reach the plan through the rooms, checked, stored and relayed like any edit.
	services.boardChanges = createBoardChanges(sync.rooms, services.storage);
	server.on('upgrade', (req, socket, head) => {
		if (sync.handleUpgrade(req, socket, head)) return;
		// Vite's own hot-reload socket shares this server in dev; leave other paths alone there.
		if (server.listenerCount('upgrade') === 1) socket.destroy();
	});
	return {
		sync,
		bus,
		async close() {
			await sync.close();
			await bus.close();
		}
	};
}
