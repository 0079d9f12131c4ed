import { defineConfig, devices } from '@playwright/test';

/**
 * End-to-end tests in Debian's Chromium against the real server (tests/e2e/fixtures.ts starts one
 * per worker on a free port, serving build/ with its own temporary DATA_DIR). Run `npm run build` first.
 */
export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: false,
	workers: process.env.CI ? 2 : 2,
	retries: process.env.CI ? 1 : 0,
	timeout: 60_000,
	expect: { timeout: 10_000 },
	reporter: [['list']],
	use: {
		...devices['Desktop Chrome'],
		serviceWorkers: 'allow',
		trace: 'retain-on-failure',
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync'
			]
		}
	}
});
