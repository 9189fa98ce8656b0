// Lint checks the project's structural rules; formatting and style are left to review.
import tseslint from 'typescript-eslint';
import svelteParser from 'svelte-eslint-parser';
import importDirection from './tests/lint/import-direction.js';

const house = { plugins: { whatmatters: { rules: { 'import-direction': importDirection } } } };

export default [
	{ ignores: ['build/', '.svelte-kit/', 'node_modules/', 'test-results/', 'playwright-report/'] },
	{
		files: ['**/*.ts', '**/*.js'],
		languageOptions: { parser: tseslint.parser },
		...house,
		rules: { 'whatmatters/import-direction': 'error' }
	},
	{
		files: ['**/*.svelte'],
		languageOptions: { parser: svelteParser, parserOptions: { parser: tseslint.parser } },
		...house,
		rules: { 'whatmatters/import-direction': 'error' }
	}
];
