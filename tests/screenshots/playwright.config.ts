import { defineConfig } from '@playwright/test';
import os from 'node:os';
import path from 'node:path';
import base from '../playwright.config.js';

/**
 * `npm run screenshots`: the pictures in docs/screenshots/, taken from the built app with a plan
 * made through the real UI, in Debian's Chromium like the browser tests. SCREENSHOT_PORT picks
 * the port (default 3398); the data goes in a fresh temporary folder.
 */
const port = Number(process.env.SCREENSHOT_PORT ?? 3398);
const dataDir = path.join(os.tmpdir(), `whatmatters-screenshots-${process.pid}-${Date.now()}`);

export default defineConfig({
	...base,
	testDir: '.',
	testMatch: '**/*.shot.ts',
	workers: 1,
	timeout: 180_000,
	use: { ...base.use, baseURL: `http://127.0.0.1:${port}` },
	webServer: {
		command: 'npx tsx server/index.ts',
		cwd: '../..',
		url: `http://127.0.0.1:${port}/healthz`,
		reuseExistingServer: false,
		timeout: 60_000,
		env: { PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn' }
	}
});
