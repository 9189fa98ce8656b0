/**
 * Every piece of UI copy, gathered for the reading-level test: the copy modules
 * (src/lib/copy/*.ts, one per page or component), the board's own words (section titles,
 * prompts, field labels and choices), role names, and any words still written straight into a
 * component's markup (text and the attributes people hear or read: aria-label, title, alt,
 * placeholder), read with Svelte's own parser so none is missed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'svelte/compiler';
import { FIELDS, SECTIONS, VISITS_SECTION } from '../../src/lib/board/index.js';
import * as roles from '../../src/lib/roles.js';

export interface CopyString {
	/** Where it comes from: a module and key path, or a component file. */
	readonly from: string;
	readonly text: string;
}

const ROOT = path.resolve(import.meta.dirname, '../..');
const COPY_DIR = path.join(ROOT, 'src/lib/copy');
const SPOKEN_ATTRIBUTES = new Set(['aria-label', 'title', 'alt', 'placeholder', 'aria-description']);

/** Sample words for template slots: a short name, a small number, a date as the page writes it. */
const SAMPLES: Record<string, string> = { n: 'two', date: 'Tuesday 12 May', when: 'today' };
const fill = (text: string) => text.replace(/\{(\w+)\}/g, (_, slot: string) => SAMPLES[slot] ?? 'Sam');

function walk(value: unknown, from: string, out: CopyString[]): void {
	if (typeof value === 'string') out.push({ from, text: fill(value) });
	else if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${from}[${i}]`, out));
	else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, `${from}.${k}`, out);
}

/** The copy modules' strings (functions are skipped: they only put strings together). */
export async function copyModules(): Promise<CopyString[]> {
	const out: CopyString[] = [];
	for (const file of fs.readdirSync(COPY_DIR).filter((f) => f.endsWith('.ts')).sort()) {
		const module = (await import(path.join(COPY_DIR, file))) as Record<string, unknown>;
		for (const [name, value] of Object.entries(module)) walk(value, `copy/${file}:${name}`, out);
	}
	return out;
}

/** The board model's words: sections, fields, choices; and the role names. */
export function boardWords(): CopyString[] {
	const out: CopyString[] = [];
	for (const info of [...SECTIONS, VISITS_SECTION]) {
		const { key, fields: _fields, ...words } = info;
		walk(words, `sections:${key}`, out);
	}
	for (const [section, fields] of Object.entries(FIELDS)) {
		for (const [name, spec] of Object.entries(fields as Record<string, { label: string; prompt?: string; options?: readonly { label: string }[] }>)) {
			walk({ label: spec.label, prompt: spec.prompt, options: spec.options?.map((o) => o.label) }, `fields:${section}.${name}`, out);
		}
	}
	for (const [name, value] of Object.entries(roles)) walk(value, `roles:${name}`, out);
	return out;
}

type Node = { type?: string; data?: unknown; name?: string; value?: unknown; [key: string]: unknown };

function svelteFiles(dir: string): string[] {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		return entry.isDirectory() ? svelteFiles(full) : entry.name.endsWith('.svelte') ? [full] : [];
	});
}

/** Words written straight into components' markup. */
export function markupWords(): CopyString[] {
	const out: CopyString[] = [];
	for (const file of svelteFiles(path.join(ROOT, 'src')).sort()) {
		const from = path.relative(ROOT, file);
		const ast = parse(fs.readFileSync(file, 'utf8'), { modern: true }) as unknown as { fragment: Node };
		const visit = (node: unknown): void => {
			if (!node || typeof node !== 'object') return;
			if (Array.isArray(node)) return node.forEach(visit);
			const n = node as Node;
			if (n.type === 'Text' && typeof n.data === 'string' && /[A-Za-z]{2}/.test(n.data)) out.push({ from, text: n.data.replace(/\s+/g, ' ').trim() });
			if (n.type === 'Attribute') {
				// Only the attributes people hear or read; class names and drawing paths are not words.
				if (typeof n.name === 'string' && SPOKEN_ATTRIBUTES.has(n.name) && Array.isArray(n.value)) {
					const text = (n.value as Node[]).map((part) => (part.type === 'Text' ? String(part.data) : 'Sam')).join('');
					if (/[A-Za-z]{2}/.test(text)) out.push({ from, text });
				}
				return;
			}
			for (const [key, child] of Object.entries(n)) if (key !== 'metadata' && key !== 'parent') visit(child);
		};
		visit(ast.fragment);
	}
	return out;
}

/** All UI copy, each distinct text once (the first place it is found). */
export async function allUiCopy(): Promise<CopyString[]> {
	const seen = new Set<string>();
	return [...(await copyModules()), ...boardWords(), ...markupWords()].filter((s) => {
		const key = s.text.trim();
		if (!key || seen.has(key)) return false;
		seen.add(key);
		return true;
	});
}
