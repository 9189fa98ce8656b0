import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';

/** In `vite dev`, starts the same services and realtime endpoints as `npm start`. */
function whatmattersDevServer(): Plugin {
	return {
		name: 'whatmatters-dev-server',
		apply: 'serve',
		async configureServer(server) {
			// Tests start their own servers; only a developer's `vite dev` gets this one.
			if (!server.httpServer || process.env.VITEST) return;
			const { loadConfig } = await import('./server/config.js');
			const { createServices } = await import('./server/services.js');
			const { attachRealtime } = await import('./server/attach.js');
			const services = await createServices(loadConfig());
			await attachRealtime(server.httpServer as import('node:http').Server, services);
		}
	};
}

export default defineConfig({
	plugins: [whatmattersDevServer(), sveltekit()],
	server: { port: 3000 },
	build: {
		// Fewer, larger chunks: on a slow connection each script costs a round trip, and the board
		// page needed 46 of them. Chunks under 10 kB are merged into others (docs/benchmarks.md).
		rollupOptions: { output: { experimentalMinChunkSize: 10_000 } }
	},
	test: {
		// The crash loop and other long runs are `npm run test:soak`, not part of `npm test`.
		include: process.env.WM_SOAK ? ['tests/soak/**/*.soak.ts'] : ['tests/**/*.test.ts'],
		// A fresh PostgreSQL database for the run, dropped afterwards (tests/setup/postgres.ts).
		globalSetup: ['tests/setup/postgres.ts'],
		testTimeout: 30_000,
		hookTimeout: 60_000,
		// Integration tests start real servers; two at a time fits a 2-core machine.
		maxWorkers: 2,
		pool: 'forks'
	}
});
