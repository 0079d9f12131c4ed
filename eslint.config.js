import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

const dexie = { group: ['dexie', 'dexie/*'], message: 'Dexie is imported only in src/lib/data.' };
const yjs = {
	group: ['yjs', 'y-*', 'lib0', 'lib0/*', 'y-protocols/*'],
	message: 'Yjs and y-* are imported only in src/lib/sync (and sync-server).'
};
const editor = {
	group: ['prosemirror-*', '@tiptap/*'],
	message:
		'The rich-text editor is imported only in src/lib/sync (rich-text*.ts), and loaded lazily from state.'
};
const dataLayer = {
	group: ['$data', '$data/*', '$lib/data/*'],
	message: 'Reach data through src/lib/state.'
};
const syncLayer = {
	group: ['$sync', '$sync/*', '$lib/sync/*'],
	message: 'Reach sync through src/lib/state.'
};
const exportLayer = {
	group: ['$export', '$export/*', '$lib/export', '$lib/export/*'],
	message: 'Export through src/lib/state (export.ts).'
};
const aboveExport = {
	group: ['$state', '$state/*', '$lib/state/*', '$components', '$components/*', '$lib/components/*'],
	message: 'src/lib/export is pure: it imports src/lib/domain and its libraries (docx, fflate) only.'
};
/** What the domain, the components and the routes never import. */
const notHere = [dexie, yjs, editor, dataLayer, syncLayer, exportLayer];
const appCode = {
	regex: '^(\\$lib|\\$app)/|^(\\.\\./)+src/(?!lib/sync/protocol(\\.ts)?$)',
	message: 'The server is domain-blind: of the app it imports only src/lib/sync/protocol.ts.'
};
/** sync-server/mentor-scheme.ts is the one door to the mentor scheme's schemas. */
const appCodeButScheme = {
	regex: '^(\\$lib|\\$app)/|^(\\.\\./)+src/(?!lib/domain/(mentor-registration|pair)(\\.ts)?$)',
	message: 'sync-server/mentor-scheme.ts imports only domain/mentor-registration.ts and domain/pair.ts.'
};

export default ts.config(
	{ ignores: ['build/', '.svelte-kit/', 'node_modules/', 'data/', 'test-results/', 'playwright-report/'] },
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }]
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	// Layer rules: domain → data / sync / export → state → components → routes.
	{
		files: ['src/**'],
		ignores: ['src/lib/data/**', 'src/lib/sync/**'],
		rules: { 'no-restricted-imports': ['error', { patterns: [dexie, yjs, editor] }] }
	},
	{
		files: ['src/lib/data/**'],
		rules: { 'no-restricted-imports': ['error', { patterns: [yjs, editor, exportLayer] }] }
	},
	{
		files: ['src/lib/sync/**'],
		rules: { 'no-restricted-imports': ['error', { patterns: [dexie, exportLayer] }] }
	},
	{ files: ['src/lib/domain/**'], rules: { 'no-restricted-imports': ['error', { patterns: notHere }] } },
	{
		files: ['src/lib/export/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{ patterns: [dexie, yjs, editor, dataLayer, syncLayer, aboveExport] }
			]
		}
	},
	{
		files: ['src/lib/components/**', 'src/routes/**'],
		rules: { 'no-restricted-imports': ['error', { patterns: notHere }] }
	},
	{
		files: ['sync-server/**'],
		rules: { 'no-restricted-imports': ['error', { patterns: [dexie, appCode] }] }
	},
	{
		files: ['sync-server/mentor-scheme.ts'],
		rules: { 'no-restricted-imports': ['error', { patterns: [dexie, appCodeButScheme] }] }
	}
);
