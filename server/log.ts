/** One-line JSON logs on stdout/stderr, filtered by LOG_LEVEL. */
import type { LogLevel } from '../src/lib/server/config.js';
import type { Logger } from '../src/lib/server/logger.js';

export type { Logger };

const RANK: Record<LogLevel, number> = { error: 0, warn: 1, info: 2, debug: 3 };


export function createLogger(level: LogLevel): Logger {
	const write = (at: LogLevel) => (message: string, fields: Record<string, unknown> = {}) => {
		if (RANK[at] > RANK[level]) return;
		const line = JSON.stringify({ time: new Date().toISOString(), level: at, message, ...fields });
		(at === 'error' || at === 'warn' ? process.stderr : process.stdout).write(line + '\n');
	};
	return { error: write('error'), warn: write('warn'), info: write('info'), debug: write('debug') };
}
