/**
 * Mounts the realtime endpoints on an HTTP server: used by server/index.ts and by the Vite
 * dev plugin, so `npm run dev` offers the same endpoints as `npm start`.
 */
import type http from 'node:http';
import type { Services } from '../src/lib/server/services.js';

export interface Realtime {
	close(): Promise<void>;
}

export function attachRealtime(_server: http.Server, _services: Services): Realtime {
	return { async close() {} };
}
