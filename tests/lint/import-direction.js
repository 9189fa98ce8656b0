/**
 * ESLint rule: imports run one way. `server/` (the process: composition, sync, storage and bus
 * implementations) may use `src/lib`; nothing under `src/` may reach back into `server/`. A type
 * both sides need belongs in `src/lib` (for example `src/lib/server/storage.ts`).
 */
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const srcDir = path.join(root, 'src') + path.sep;
const serverDir = path.join(root, 'server') + path.sep;

/** @type {import('eslint').Rule.RuleModule} */
export default {
	meta: {
		type: 'problem',
		docs: { description: 'src/ must not import from server/' },
		messages: {
			backwards:
				'"{{source}}" reaches into server/ from src/. Imports run one way: move what both sides need into src/lib.'
		},
		schema: []
	},
	create(context) {
		const file = path.resolve(context.filename);
		if (!file.startsWith(srcDir)) return {};
		const check = (node) => {
			const source = node?.value;
			if (typeof source !== 'string' || !source.startsWith('.')) return;
			const target = path.resolve(path.dirname(file), source);
			if (target.startsWith(serverDir)) context.report({ node, messageId: 'backwards', data: { source } });
		};
		return {
			ImportDeclaration: (node) => check(node.source),
			ExportNamedDeclaration: (node) => check(node.source),
			ExportAllDeclaration: (node) => check(node.source),
			ImportExpression: (node) => node.source.type === 'Literal' && check(node.source)
		};
	}
};
