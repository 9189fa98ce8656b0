/**
 * WhatMatters' one process: the SvelteKit app (adapter-node handler) and the realtime
 * endpoints, on one port. Start with `npm start` (builds first) or `npm run serve`.
 */
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ConfigError, loadConfig, type Config } from './config.js';
import { createServices } from './services.js';
import { StorageStartError } from './storage/open.js';
import { RedisStartError } from './cluster/start-error.js';
import { describeDatabase } from './storage/postgres/describe.js';
import { attachRealtime } from './attach.js';
import { recordAllocationProfileIfAsked } from './allocation-profile.js';
import { recordDiagnosticsIfAsked } from './diagnostics.js';
import { stopHistoryCatchUps } from '../src/lib/server/history.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

type Handler = (req: http.IncomingMessage, res: http.ServerResponse, next?: () => void) => void;

/**
 * adapter-node assumes https unless told otherwise, which would make every form POST on plain
 * http fail SvelteKit's origin check. Without ORIGIN (or a proxy's PROTOCOL_HEADER), we tell it
 * each connection's real protocol in a header of our own, overwriting anything a client sent.
 */
const OWN_PROTOCOL_HEADER = 'x-whatmatters-protocol';

function protocolFromSocket(config: Config): ((req: http.IncomingMessage) => void) | null {
	if (config.origin || process.env.PROTOCOL_HEADER) return null;
	process.env.PROTOCOL_HEADER = OWN_PROTOCOL_HEADER;
	return (req) => {
		req.headers[OWN_PROTOCOL_HEADER] = 'encrypted' in req.socket && req.socket.encrypted ? 'https' : 'http';
	};
}

async function loadSvelteKitHandler(): Promise<Handler> {
	const file = path.join(root, 'build', 'handler.js');
	if (!fs.existsSync(file)) {
		throw new Error('The app is not built yet: run `npm run build` (or `npm start`, which builds first).');
	}
	return (await import(pathToFileURL(file).href)).handler as Handler;
}

function readConfig(): Config {
	try {
		return loadConfig();
	} catch (error) {
		if (error instanceof ConfigError) {
			console.error(`WhatMatters cannot start: ${error.message}`);
			process.exit(1);
		}
		throw error;
	}
}

/**
 * A request (or a WebSocket upgrade) must send its headers within HEADERS_TIMEOUT_MS, and
 * all of itself within REQUEST_TIMEOUT_MS: a client dribbling bytes is answered 408 and
 * dropped. Node checks open connections against them every `connectionsCheckingInterval`.
 */
function httpOptions(config: Config): http.ServerOptions {
	const { headersTimeoutMs, requestTimeoutMs } = config.http;
	return {
		headersTimeout: headersTimeoutMs,
		requestTimeout: requestTimeoutMs,
		connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(headersTimeoutMs / 4)))
	};
}

async function main(): Promise<void> {
	recordDiagnosticsIfAsked();
	recordAllocationProfileIfAsked();
	const config = readConfig();
	const services = await createServices(config);
	const markProtocol = protocolFromSocket(config);
	const handler = await loadSvelteKitHandler();
	const server = http.createServer(httpOptions(config), (req, res) => {
		markProtocol?.(req);
		handler(req, res);
	});
	if (config.http.maxConnections !== null) server.maxConnections = config.http.maxConnections;
	const realtime = await attachRealtime(server, services);

	server.listen(config.port, config.host, () => {
		const address = server.address();
		const port = typeof address === 'object' && address ? address.port : config.port;
		const store = config.databaseUrl ? { database: describeDatabase(config.databaseUrl) } : { dataDir: config.dataDir };
		services.log.info('WhatMatters is listening', { url: `http://localhost:${port}`, ...store });
	});

	// A promise nobody awaited must not take every open board down with it: log it loudly.
	process.on('unhandledRejection', (reason) => {
		services.log.error('Unhandled promise rejection', { error: reason instanceof Error ? reason.stack : String(reason) });
	});

	let stopping = false;
	const stop = async (signal: string) => {
		if (stopping) return;
		stopping = true;
		// Draining: /healthz says so (the load balancer stops sending us people), no new
		// connections are taken, open boards store what is pending, and every socket is closed
		// so that its client reconnects (sync: 1001; socket.io: the connection underneath, without
		// a final disconnect), through the load balancer to another instance.
		services.log.info('Stopping: draining this instance', { signal });
		services.stopping = true;
		server.close();
		await realtime.close();
		server.closeAllConnections();
		await stopHistoryCatchUps();
		await services.storage.close();
		services.log.info('Stopped: everything pending was stored');
		process.exit(0);
	};
	process.on('SIGTERM', () => void stop('SIGTERM'));
	process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error) => {
	if (error instanceof StorageStartError || error instanceof RedisStartError) {
		console.error(`WhatMatters cannot start: ${error.message}`);
		process.exit(1);
	}
	console.error('WhatMatters failed to start:', error instanceof Error ? error.message : error);
	process.exit(1);
});
