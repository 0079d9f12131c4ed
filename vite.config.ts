import { sveltekit } from '@sveltejs/kit/vite';
import { SvelteKitPWA } from '@vite-pwa/sveltekit';
import { defineConfig } from 'vite';

export default defineConfig({
	plugins: [
		sveltekit(),
		SvelteKitPWA({
			strategies: 'generateSW',
			injectRegister: false,
			registerType: 'prompt',
			manifest: {
				name: 'Lederlogg',
				short_name: 'Lederlogg',
				description: 'Notater, plan og lesing for lederutviklingsprogrammet – også uten nett.',
				lang: 'nb',
				start_url: '/',
				scope: '/',
				display: 'standalone',
				background_color: '#f6f1e7',
				theme_color: '#17405e',
				icons: [
					{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
					{ src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
					{ src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' }
				]
			},
			kit: { adapterFallback: 'index.html', spa: true },
			workbox: {
				globPatterns: ['client/**/*.{js,css,ico,png,svg,webp,webmanifest,woff,woff2}'],
				cleanupOutdatedCaches: true,
				// The first service worker controls the page it was installed from at once, so the
				// rest of that first visit already works offline (an update still waits for a reload).
				clientsClaim: true,
				navigateFallbackDenylist: [/^\/api\//, /^\/sync\//]
			}
		})
	],
	server: {
		proxy: {
			'/api': 'http://localhost:8080',
			'/sync': { target: 'ws://localhost:8080', ws: true }
		}
	}
});
