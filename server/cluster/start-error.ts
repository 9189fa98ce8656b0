/** Start-up cannot reach Redis (REDIS_URL); the message says what to do. Apart from the Redis client, so one instance never loads it. */
export class RedisStartError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'RedisStartError';
	}
}
