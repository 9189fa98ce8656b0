/**
 * Headers every response carries, so a browser limits what a page of health information can
 * do and where it can end up. The Content-Security-Policy itself is SvelteKit's (`kit.csp` in
 * svelte.config.js), because only SvelteKit knows the nonce of its own inline start-up script.
 */

/** Features a care plan never uses: switched off, so nothing embedded or injected can ask. */
export const PERMISSIONS_POLICY = [
	'camera=()',
	'microphone=()',
	'geolocation=()',
	'payment=()',
	'usb=()',
	'serial=()',
	'midi=()',
	'magnetometer=()',
	'gyroscope=()',
	'accelerometer=()',
	'display-capture=()'
].join(', ');

/** One year, the usual minimum for browsers' preload lists. */
export const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * Adds the headers to a response. `secure` is whether the browser reached us over https
 * (directly, through ORIGIN, or through a proxy's PROTOCOL_HEADER): HSTS on plain http would be
 * ignored at best, and would lock out a site that has no certificate yet at worst.
 */
export function applySecurityHeaders(headers: Headers, secure: boolean): void {
	// Pages hold health information: never let a shared cache keep them.
	if (!headers.has('cache-control') && headers.get('content-type')?.startsWith('text/html')) {
		headers.set('cache-control', 'no-store');
	}
	headers.set('x-content-type-options', 'nosniff');
	headers.set('referrer-policy', 'same-origin');
	// For browsers older than CSP's frame-ancestors.
	headers.set('x-frame-options', 'DENY');
	headers.set('permissions-policy', PERMISSIONS_POLICY);
	if (secure) headers.set('strict-transport-security', HSTS);
}
