/** Read or edit: the person on a phone reads first, everyone else edits; a choice is kept; readers always read. */
import { describe, expect, it } from 'vitest';
import { BoardMode } from '../../src/lib/client/board-mode.svelte.js';
import type { KeptChoices } from '../../src/lib/client/device-store.js';

const PAT = { id: 'pat', name: 'Pat', role: 'person' as const };
const LEE = { id: 'lee', name: 'Lee', role: 'clinician' as const };
const ROBIN = { id: 'robin', name: 'Robin', role: 'supporter' as const };
const store = (): KeptChoices => {
	const kept = new Map<string, string>();
	return { getItem: (k) => kept.get(k) ?? null, setItem: (k, v) => void kept.set(k, v) };
};

describe('read or edit', () => {
	it('the person reads first on a phone and edits first on a bigger screen; others edit first anywhere', () => {
		expect(new BoardMode('b', PAT, true, true, store()).mode).toBe('read');
		expect(new BoardMode('b', PAT, true, false, store()).mode).toBe('edit');
		expect(new BoardMode('b', LEE, true, true, store()).mode).toBe('edit');
	});

	it('keeps a choice on the device, per plan and account', () => {
		const device = store();
		new BoardMode('b', PAT, true, true, device).choose('edit');
		expect(new BoardMode('b', PAT, true, true, device).mode).toBe('edit');
		expect(new BoardMode('other', PAT, true, true, device).mode).toBe('read');
		new BoardMode('b', LEE, true, false, device).choose('read');
		expect(new BoardMode('b', LEE, true, false, device).mode).toBe('read');
	});

	it('a reader always reads, whatever was kept or asked for', () => {
		const device = store();
		device.setItem('whatmatters:mode:b:robin', JSON.stringify('edit'));
		const mode = new BoardMode('b', ROBIN, false, false, device);
		expect(mode.mode).toBe('read');
		mode.choose('edit');
		expect(mode.mode).toBe('read');
	});
});
