import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		adapter: adapter({ out: 'build' }),
		// SvelteKit's origin check on form POSTs is on by default and stays on: it is our CSRF guard.
		// The Content-Security-Policy: 'auto' gives SvelteKit's own inline start-up script a nonce
		// (a hash on prerendered pages), so no other inline script can run. Every other header is
		// set in src/lib/server/kit/security-headers.ts.
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				// Svelte and SvelteKit write style attributes (the route announcer, for one);
				// scripts stay strict, which is where the danger is.
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				// 'self' covers ws:// and wss:// to this same host: the board's live connection.
				'connect-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;
