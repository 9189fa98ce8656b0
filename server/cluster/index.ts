/**
 * Several instances on one Redis (REDIS_URL): what they share. The bus carries boards'
 * updates and presence (Redis streams, server/bus/redis-bus.ts); socket.io's adapter carries
 * its events to sockets on every instance; the cluster events carry sign-outs, membership
 * changes and who is on which plan; the shared counts hold the socket caps across instances.
 */
import { randomUUID } from 'node:crypto';
import { createAdapter } from '@socket.io/redis-adapter';
import type { Services } from '../../src/lib/server/services.js';
import type { SessionEnd } from '../../src/lib/server/session-events.js';
import type { BoardActivity } from '../../src/lib/server/board-activity.js';
import type { Bus } from '../bus/bus.js';
import { createRedisBus } from '../bus/redis-bus.js';
import type { RealtimeScaleOut } from '../realtime/endpoint.js';
import type { SyncCaps } from '../sync/endpoint.js';
import { clusterActivity, type ClusterActivity } from './activity.js';
import { sharedCounter } from './counts.js';
import { startClusterEvents, type ClusterEvents } from './events.js';
import { holdLease } from './lease.js';
import { sharedFollowStore } from './shared-follow.js';
import { connectRedis } from './redis.js';

type MembershipEvent = { type: 'membership'; boardId: string; userId: string };
type SessionEvent = { type: 'session'; ended: SessionEnd };

export interface Cluster {
	readonly instanceId: string;
	readonly bus: Bus;
	readonly events: ClusterEvents;
	readonly syncCaps: SyncCaps;
	readonly realtime: RealtimeScaleOut;
	/** Who is on which plan on every instance, from this instance's own activity and the others'. */
	activity(local: BoardActivity): ClusterActivity;
	close(): Promise<void>;
}

/** Connects to Redis and joins the others. Rejects (RedisStartError, naming REDIS_URL) if Redis cannot be reached. */
export async function joinCluster(redisUrl: string, services: Services): Promise<Cluster> {
	const { log, config } = services;
	const [main, reader, subscriber, ioPub, ioSub] = await Promise.all(
		['commands', 'stream reader', 'events', 'socket.io publish', 'socket.io subscribe'].map((role) => connectRedis(redisUrl, log, role))
	);
	const clients = [main, reader, subscriber, ioPub, ioSub];
	const instanceId = randomUUID();
	const lease = holdLease(main, instanceId, log);
	const events = await startClusterEvents(main, subscriber, instanceId, log);
	const bus = createRedisBus(main, reader, log, instanceId);

	// A membership change or a sign-out here reaches every instance at once.
	const stops = [
		services.membership.forward((boardId, userId) => events.publish({ type: 'membership', boardId, userId } satisfies MembershipEvent)),
		events.on<MembershipEvent>('membership', ({ boardId, userId }) => services.membership.deliver(boardId, userId)),
		services.sessionEvents.forward((ended) => events.publish({ type: 'session', ended } satisfies SessionEvent)),
		events.on<SessionEvent>('session', ({ ended }) => services.sessionEvents.deliver(ended))
	];
	const counter = (name: string, cap: number) => sharedCounter(main, name, cap, instanceId, log);
	const activities: ClusterActivity[] = [];
	log.info('Joined the other instances through Redis', { instance: instanceId });

	return {
		instanceId,
		bus,
		events,
		syncCaps: {
			perAddress: counter('sync-address', config.sync.maxSocketsPerAddress),
			perAccount: counter('sync-account', config.sync.maxSocketsPerAccount)
		},
		realtime: {
			adapter: createAdapter(ioPub, ioSub, { key: 'whatmatters:socket.io' }),
			perAccount: counter('realtime-account', config.realtime.maxSocketsPerAccount),
			follow: sharedFollowStore(main),
			instanceId
		},
		activity(local) {
			const activity = clusterActivity(local, events, lease, (message) => log.warn(message));
			activities.push(activity);
			return activity;
		},
		async close() {
			for (const stop of stops) stop();
			for (const activity of activities) activity.close();
			await bus.close();
			await events.close();
			await lease.stop();
			await Promise.all(clients.map((client) => client.close().catch(() => client.destroy())));
		}
	};
}
