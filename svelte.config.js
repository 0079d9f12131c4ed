import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ fallback: 'index.html' }),
		// workbox-window registers the service worker (src/lib/pwa).
		serviceWorker: { register: false },
		typescript: {
			config: (tsconfig) => {
				tsconfig.include.push(
					'../sync-server/**/*.ts',
					'../bench/**/*.ts',
					'../scripts/**/*.ts',
					'../playwright.config.ts',
					'../vitest.config.ts',
					'../eslint.config.js'
				);
			}
		},
		alias: {
			$domain: 'src/lib/domain',
			$data: 'src/lib/data',
			$sync: 'src/lib/sync',
			$export: 'src/lib/export',
			$state: 'src/lib/state',
			$components: 'src/lib/components',
			$i18n: 'src/lib/i18n'
		}
	}
};

export default config;
