/**
 * Caps on open sync sockets per account and per client address, so one account or one
 * machine cannot take every socket the process has. A socket holds its places from the moment
 * it is counted until it closes, handshake or not, so a burst of upgrades cannot slip past.
 */
import type { Duplex } from 'node:stream';

export class SocketCounter {
	private readonly open = new Map<string, number>();

	constructor(private readonly cap: number) {}

	/** Counts `socket` against `key` until it closes; false (and not counted) if `key` is at the cap. */
	take(key: string, socket: Duplex): boolean {
		const count = this.open.get(key) ?? 0;
		if (count >= this.cap) return false;
		this.open.set(key, count + 1);
		socket.once('close', () => {
			const left = (this.open.get(key) ?? 1) - 1;
			if (left > 0) this.open.set(key, left);
			else this.open.delete(key);
		});
		return true;
	}

	count(key: string): number {
		return this.open.get(key) ?? 0;
	}
}
