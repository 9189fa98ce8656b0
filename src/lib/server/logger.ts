/** Where the product's rules write what happened; `server/log.ts` writes it as JSON lines. */
export interface Logger {
	error(message: string, fields?: Record<string, unknown>): void;
	warn(message: string, fields?: Record<string, unknown>): void;
	info(message: string, fields?: Record<string, unknown>): void;
	debug(message: string, fields?: Record<string, unknown>): void;
}
