import type { RequestEvent } from '@sveltejs/kit';

/**
 * Pages gzipped as they are made, for browsers that accept it (static files are precompressed
 * when the app is built). Only the board page: it is what someone on a slow connection waits
 * for, and it shows no secret, unlike the page that shows a new invitation link once, where
 * compression could let an attacker who reflects input and watches sizes guess it (BREACH).
 */
const COMPRESSED_ROUTES: ReadonlySet<string> = new Set(['/boards/[id]']);

export function compressPage(event: RequestEvent, response: Response): Response {
	if (event.request.method !== 'GET' || !COMPRESSED_ROUTES.has(event.route.id ?? '')) return response;
	if (!response.body || response.headers.has('content-encoding')) return response;
	if (!(response.headers.get('content-type') ?? '').startsWith('text/html')) return response;
	if (!/\bgzip\b/i.test(event.request.headers.get('accept-encoding') ?? '')) return response;
	const headers = new Headers(response.headers);
	headers.set('content-encoding', 'gzip');
	headers.delete('content-length');
	headers.append('vary', 'Accept-Encoding');
	return new Response(response.body.pipeThrough(new CompressionStream('gzip')), { status: response.status, statusText: response.statusText, headers });
}
