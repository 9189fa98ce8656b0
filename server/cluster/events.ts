/**
 * Events every instance must hear at once, through Redis pub/sub: a member removed or given
 * another role, sessions ended (sign-out closes sockets on every instance), who is on which
 * plan, and changes stored. Pub/sub loses what is sent while a subscriber is disconnected, so
 * after a reconnection each instance checks again what such events would have told it
 * (reconnected listeners): the periodic re-checks stay as the last safety net.
 */
import type { Logger } from '../log.js';
import { onReconnect, type RedisClient } from './redis.js';

const CHANNEL = 'whatmatters:events';

export interface ClusterEvent {
	type: string;
	[field: string]: unknown;
}

export interface ClusterEvents {
	/** Sends to every other instance. */
	publish(event: ClusterEvent): void;
	/** Hears events of one type from other instances. */
	on<E extends ClusterEvent>(type: E['type'], listener: (event: E, from: string) => void): () => void;
	/** Called after this instance's connection to the events was lost and is back. */
	onReconnected(listener: () => void): () => void;
	close(): Promise<void>;
}

export async function startClusterEvents(main: RedisClient, subscriber: RedisClient, instanceId: string, log: Logger): Promise<ClusterEvents> {
	const listeners = new Map<string, Set<(event: ClusterEvent, from: string) => void>>();
	const reconnected = new Set<() => void>();
	await subscriber.subscribe(CHANNEL, (raw: string) => {
		let message: { from: string; event: ClusterEvent };
		try {
			message = JSON.parse(raw);
		} catch {
			return log.warn('Ignored an unreadable cluster event');
		}
		if (message.from === instanceId) return;
		for (const listener of listeners.get(message.event?.type) ?? []) {
			try {
				listener(message.event, message.from);
			} catch (error) {
				log.error('A cluster event could not be handled', { type: message.event.type, error: (error as Error).message });
			}
		}
	});
	const stop = [onReconnect(subscriber, () => reconnected.forEach((listener) => listener())), onReconnect(main, () => reconnected.forEach((l) => l()))];
	return {
		publish(event) {
			main.publish(CHANNEL, JSON.stringify({ from: instanceId, event })).catch((error: Error) =>
				log.warn('Telling the other instances failed', { type: event.type, error: error.message })
			);
		},
		on(type, listener) {
			let set = listeners.get(type);
			if (!set) listeners.set(type, (set = new Set()));
			const untyped = listener as (event: ClusterEvent, from: string) => void;
			set.add(untyped);
			return () => set.delete(untyped);
		},
		onReconnected(listener) {
			reconnected.add(listener);
			return () => reconnected.delete(listener);
		},
		async close() {
			for (const s of stop) s();
			await subscriber.unsubscribe(CHANNEL).catch(() => undefined);
		}
	};
}
