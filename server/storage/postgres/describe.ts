/** The database a URL names, for messages: host, port and name, never the password. */
export function describeDatabase(url: string): string {
	try {
		const parsed = new URL(url);
		return `${parsed.hostname}${parsed.port ? `:${parsed.port}` : ''}${parsed.pathname}`;
	} catch {
		return '(an unreadable DATABASE_URL)';
	}
}
