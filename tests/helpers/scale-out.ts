/**
 * Several real instances of the app on one PostgreSQL schema and one redis-server of the
 * test's own: the scale-out set-up, on this machine.
 */
import { freshSchema } from './postgres.js';
import { startRedis, type TestRedis } from './redis.js';
import { startServer, type TestServer } from './server.js';

export interface Instances {
	redis: TestRedis;
	databaseUrl: string;
	servers: TestServer[];
	/** Starts one more instance on the same database and Redis. */
	add(env?: Record<string, string>): Promise<TestServer>;
	stop(): Promise<void>;
}

/** `count` instances on a fresh schema of the run's database (or `databaseUrl`) and a redis-server of their own. */
export async function startInstances(count: number, env: Record<string, string> = {}, databaseUrl?: string): Promise<Instances> {
	const redis = await startRedis();
	databaseUrl ??= await freshSchema('scale');
	const common = { DATABASE_URL: databaseUrl, REDIS_URL: redis.url, ...env };
	const servers: TestServer[] = [];
	// One first, so the others find the schema migrated (they would wait on its lock anyway).
	servers.push(await startServer(common));
	servers.push(...(await Promise.all(Array.from({ length: count - 1 }, () => startServer(common)))));
	return {
		redis,
		databaseUrl,
		servers,
		async add(extra = {}) {
			const server = await startServer({ ...common, ...extra });
			servers.push(server);
			return server;
		},
		async stop() {
			await Promise.all(servers.map((server) => server.stop().catch(() => undefined)));
			await redis.kill();
		}
	};
}
