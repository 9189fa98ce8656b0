/**
 * The protocol's reference server for comparison: y-websocket@1's setupWSConnection, in
 * memory, storing nothing. Usage: tsx bench/reference-server.ts <port>
 */
import http from 'node:http';
import { createRequire } from 'node:module';
import { WebSocketServer } from 'ws';
import { recordAllocationProfileIfAsked } from '../server/allocation-profile.js';
import { recordDiagnosticsIfAsked } from '../server/diagnostics.js';

const require = createRequire(import.meta.url);
const { setupWSConnection } = require('y-websocket-v1/bin/utils') as {
	setupWSConnection: (conn: unknown, req: http.IncomingMessage) => void;
};

// The same event-loop and GC record as our server's, so the report can compare the two.
recordDiagnosticsIfAsked();
recordAllocationProfileIfAsked();
const port = Number(process.argv[2]);
const server = http.createServer((_req, res) => {
	res.writeHead(200, { 'content-type': 'application/json' });
	res.end('{"status":"ok"}');
});
const wss = new WebSocketServer({ noServer: true });
wss.on('connection', setupWSConnection);
server.on('upgrade', (req, socket, head) => wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req)));
server.listen(port, '127.0.0.1');
process.on('SIGTERM', () => process.exit(0));
