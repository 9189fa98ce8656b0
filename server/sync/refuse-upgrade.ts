/**
 * Refuses a WebSocket upgrade with a plain HTTP answer, before the handshake. A browser (and
 * the stock y-websocket client) sees a failed connection and tries again later with backoff,
 * unlike a close code in the 4400s, which the stock client takes as final.
 */
import type { Duplex } from 'node:stream';

const REASONS: Record<number, string> = { 429: 'Too Many Requests', 503: 'Service Unavailable' };

export function refuseUpgrade(socket: Duplex, status: 429 | 503, message: string, retryAfterSeconds = 10): void {
	if (socket.destroyed) return;
	const body = `${message}\n`;
	socket.end(
		`HTTP/1.1 ${status} ${REASONS[status]}\r\n` +
			'Connection: close\r\n' +
			'Content-Type: text/plain; charset=utf-8\r\n' +
			`Content-Length: ${Buffer.byteLength(body)}\r\n` +
			`Retry-After: ${retryAfterSeconds}\r\n` +
			'\r\n' +
			body
	);
}
