/**
 * Words the issue took out of the product and that must not creep back (docs/copy.md): they
 * read as jargon or as blame. Checked in all UI copy, and in every sentence-like string written
 * anywhere in src/ (server refusals, history sentences), since not all of those are in the
 * copy modules yet.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allUiCopy } from '../helpers/ui-copy.js';

const BANNED = [/speaking as/i, /\bwithdraw\b/i, /invitations waiting to be used/i, /newer version of WhatMatters/i];
const ROOT = path.resolve(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		return entry.isDirectory() ? sourceFiles(full) : /\.(ts|svelte|html)$/.test(entry.name) ? [full] : [];
	});
}

/** String literals with a space in them (words, not identifiers or form actions), comments left out. */
function sentenceLiterals(source: string): string[] {
	const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '').replace(/<!--[\s\S]*?-->/g, '');
	return [...code.matchAll(/'([^'\n]*)'|"([^"\n]*)"|`([^`]*)`/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? '').filter((s) => /\S\s+\S/.test(s));
}

const hits = (texts: readonly { from: string; text: string }[]) =>
	texts.filter(({ text }) => BANNED.some((phrase) => phrase.test(text))).map(({ from, text }) => `${from}: ${text}`);

describe('words that must not come back', () => {
	it('are in no UI copy', async () => {
		const copy = await allUiCopy();
		expect(copy.length).toBeGreaterThan(100);
		expect(hits(copy)).toEqual([]);
	});

	it('are in no sentence written anywhere in src/', () => {
		const found = sourceFiles(path.join(ROOT, 'src')).flatMap((file) =>
			sentenceLiterals(fs.readFileSync(file, 'utf8')).map((text) => ({ from: path.relative(ROOT, file), text }))
		);
		expect(found.length).toBeGreaterThan(500);
		expect(hits(found)).toEqual([]);
	});

	it('would be caught', () => {
		expect(hits([{ from: 'a button', text: 'Withdraw' }, { from: 'a note', text: 'You are speaking as Sam.' }])).toHaveLength(2);
		expect(sentenceLiterals(`// not 'speaking as'\nconst a = 'Withdraw this link';\nconst b = "?/withdraw";`)).toEqual(['Withdraw this link']);
	});
});
