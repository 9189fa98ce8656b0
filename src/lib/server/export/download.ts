/** How a copy is sent to the browser: as a file to keep, never cached on the way. */

/** "pat-okafor" from "Pat Okafor": letters and digits only, for a file name any system accepts. */
function slug(name: string): string {
	const plain = name.normalize('NFKD').replace(/[^\w\s-]/g, '').trim().toLowerCase().replace(/[\s_-]+/g, '-');
	return plain.slice(0, 40).replace(/-+$/, '') || 'plan';
}

/** The headers of a download: `<name>-<what>-<yyyy-mm-dd>.json`. */
export function downloadHeaders(contentType: string, personName: string, what: string, now = Date.now()): Record<string, string> {
	const file = `${slug(personName)}-${what}-${new Date(now).toISOString().slice(0, 10)}.json`;
	return {
		'content-type': contentType,
		'content-disposition': `attachment; filename="${file}"`,
		// A care plan must not stay in a shared cache or a proxy.
		'cache-control': 'no-store'
	};
}
