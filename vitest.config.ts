import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const dir = (p: string) => fileURLToPath(new URL(p, import.meta.url));

// Unit and server tests: no PWA plugin, Node environment, fake-indexeddb where a test imports it.
export default defineConfig({
	plugins: [svelte({ compilerOptions: { runes: true } })],
	resolve: {
		alias: {
			$lib: dir('./src/lib'),
			$domain: dir('./src/lib/domain'),
			$data: dir('./src/lib/data'),
			$sync: dir('./src/lib/sync'),
			$export: dir('./src/lib/export'),
			$state: dir('./src/lib/state'),
			$components: dir('./src/lib/components'),
			$i18n: dir('./src/lib/i18n')
		}
	},
	test: {
		include: ['tests/unit/**/*.test.ts', 'tests/sync-server/**/*.test.ts'],
		environment: 'node',
		testTimeout: 20_000,
		hookTimeout: 30_000
	}
});
