import { defineConfig } from '@playwright/test';
import os from 'node:os';
import path from 'node:path';

/** Browser tests run against the built app (tests/run-all.sh builds it first), in Debian's Chromium. */
const port = Number(process.env.E2E_PORT ?? 3391);
// Kept in the environment so the test workers (which load this file again) know the same folder:
// a test that must age stored records (a visit "two hours ago") opens the database there.
const dataDir = (process.env.E2E_DATA_DIR ??= path.join(os.tmpdir(), `whatmatters-e2e-${process.pid}-${Date.now()}`));

export default defineConfig({
	testDir: './e2e',
	testMatch: '**/*.e2e.ts',
	fullyParallel: false,
	workers: 2,
	// Two workers, each with two or three browsers, and the server share two cores: a flow that
	// takes 30 s alone can take twice that here. A test that fails once under that load is run
	// once more in CI, and is reported as flaky, never as passed quietly.
	retries: process.env.CI ? 1 : 0,
	// The longest flows (the board's accessibility checks in four roles, follow the presenter)
	// took 1.8–2.0 minutes on a slower 2-core machine: room for them, not for a hang.
	timeout: 240_000,
	expect: { timeout: 10_000 },
	reporter: process.env.CI ? [['list']] : [['list']],
	outputDir: '../test-results',
	use: {
		baseURL: `http://127.0.0.1:${port}`,
		trace: 'retain-on-failure',
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			// Without these, Chromium keeps calling hosts a closed network refuses; as root it needs no sandbox.
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run'
			]
		}
	},
	webServer: {
		command: 'npx tsx server/index.ts',
		cwd: '..',
		url: `http://127.0.0.1:${port}/healthz`,
		reuseExistingServer: false,
		timeout: 60_000,
		env: { PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn' }
	}
});
