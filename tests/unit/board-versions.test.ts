import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	addItem,
	checkUpdate,
	compareVersions,
	createUndoManager,
	redoMine,
	undoMine,
	deleteItem,
	draftUpdate,
	initBoard,
	keepDeletedAttribution,
	listItems,
	moveItem,
	replayVersion,
	restoreItem,
	restorePlan,
	SECTION_KEYS,
	updateFields,
	type LoggedUpdate,
	type UpdateWriter
} from '../../src/lib/board/index.js';
import { updateOf } from '../helpers/forge-update.js';

const members = new Set(['person', 'clinician', 'advocate', 'supporter']);
const as = (id: string): UpdateWriter => ({ id, personId: 'person', isMember: (m) => members.has(m) });

/** Every section's items, as plain data, to compare two documents. */
const contents = (doc: Y.Doc) => SECTION_KEYS.map((section) => listItems(doc, section));

/** A log of `count` stored updates: items added, typed into, moved, changed and deleted. */
function buildLog(count: number): LoggedUpdate[] {
	const doc = new Y.Doc();
	const log: LoggedUpdate[] = [];
	doc.on('update', (data: Uint8Array) => log.push({ seq: log.length + 1, data }));
	initBoard(doc);
	const live: string[] = [];
	for (let i = 0; log.length < count; i++) {
		const pick = live[(i * 7) % Math.max(live.length, 1)];
		if (i % 9 === 0 || live.length < 3) live.push(addItem(doc, 'matters', { author: i % 2 ? 'person' : 'clinician', text: `Thing ${i}` }));
		else if (i % 13 === 0 && pick) {
			deleteItem(doc, 'matters', pick);
			live.splice(live.indexOf(pick), 1);
		} else if (i % 5 === 0 && pick) moveItem(doc, 'matters', pick, 'up');
		else if (pick) updateFields(doc, 'matters', pick, { text: `Thing ${pick.slice(0, 3)} typed ${i}` }, 'advocate');
	}
	return log.slice(0, count);
}

describe('rebuilding a version', () => {
	const EVERY = 10;
	const log = buildLog(47);
	const upTo = (seq: number) => log.filter((u) => u.seq <= seq);
	const full = (seq: number) => replayVersion({ checkpoint: null, updates: upTo(seq) });
	const checkpoints = new Map<number, Uint8Array>();
	replayVersion({ checkpoint: null, updates: log, every: EVERY, onCheckpoint: (seq, state) => checkpoints.set(seq, state) }).destroy();

	it('keeps a checkpoint at every boundary it passes, and only there', () => {
		expect([...checkpoints.keys()]).toEqual([10, 20, 30, 40]);
	});

	it('checkpoint plus the updates after it reads exactly like replaying the whole log, at and around boundaries', () => {
		for (const seq of [1, 9, 10, 11, 19, 20, 21, 30, 39, 40, 41, 47]) {
			const base = Math.floor(seq / EVERY) * EVERY;
			const checkpoint = base > 0 ? { seq: base, data: checkpoints.get(base)! } : null;
			const rebuilt = replayVersion({ checkpoint, updates: log.filter((u) => u.seq > base && u.seq <= seq) });
			const replayed = full(seq);
			expect(contents(rebuilt), `version ${seq}`).toEqual(contents(replayed));
			rebuilt.destroy();
			replayed.destroy();
		}
	});

	it('a version differs from the one before it when its update changed the plan', () => {
		const changedAt = log.findIndex((_, i) => i > 5 && JSON.stringify(contents(full(i + 1))) !== JSON.stringify(contents(full(i))));
		expect(changedAt).toBeGreaterThan(0);
	});
});

/** The server's copy (keeps deleted items' attribution) with a plan on it. */
function serverPlan() {
	const doc = new Y.Doc({ gcFilter: keepDeletedAttribution });
	initBoard(doc);
	const words = addItem(doc, 'matters', { author: 'person', recordedBy: 'clinician', text: 'Time in the garden' });
	const goal = addItem(doc, 'goals', { author: 'clinician', text: 'Take the bus', confidence: 4 });
	const version = new Y.Doc();
	Y.applyUpdate(version, Y.encodeStateAsUpdate(doc));
	return { doc, words, goal, version };
}

/** Drafts `change` on a copy, checks it as `writer` would send it, and applies it if accepted. */
function send(doc: Y.Doc, writer: string, change: (d: Y.Doc) => boolean) {
	const { update, result } = draftUpdate(doc, change);
	expect(result).toBe(true);
	const refusal = checkUpdate(update!, { doc, writer: as(writer) });
	if (!refusal) Y.applyUpdate(doc, update!);
	return refusal;
}

describe('restoring, as a forward change', () => {
	it('brings a deleted item back with its author and typist; the restorer is "last changed by"; the check accepts it', () => {
		const { doc, words, version } = serverPlan();
		deleteItem(doc, 'matters', words);
		expect(send(doc, 'advocate', (d) => restoreItem(d, version, words, 'advocate'))).toBeNull();
		const back = listItems(doc, 'matters').find((i) => i.id === words)!;
		expect(back).toMatchObject({ text: 'Time in the garden', author: 'person', recordedBy: 'clinician', updatedBy: 'advocate' });
	});

	it('puts one item’s fields and words back, leaving the rest of the plan as it is now', () => {
		const { doc, goal, words, version } = serverPlan();
		updateFields(doc, 'goals', goal, { confidence: 5, text: 'Take the train' }, 'clinician');
		updateFields(doc, 'matters', words, { text: 'Reading' }, 'clinician');
		expect(send(doc, 'person', (d) => restoreItem(d, version, goal, 'person'))).toBeNull();
		expect(listItems(doc, 'goals')[0]).toMatchObject({ text: 'Take the bus', confidence: 4, updatedBy: 'person', author: 'clinician' });
		expect(listItems(doc, 'matters')[0]!.text).toBe('Reading');
	});

	it('puts the whole plan back: added items go, deleted ones return, changed ones read as they did', () => {
		const { doc, goal, words, version } = serverPlan();
		deleteItem(doc, 'matters', words);
		updateFields(doc, 'goals', goal, { confidence: 9 }, 'clinician');
		addItem(doc, 'notes', { author: 'advocate', text: 'Added later' });
		const before = compareVersions(version, doc);
		expect([before.removed.length, before.added.length, before.changed.length]).toEqual([1, 1, 1]);
		expect(send(doc, 'clinician', (d) => restorePlan(d, version, 'clinician'))).toBeNull();
		const after = compareVersions(version, doc);
		expect(after.added).toEqual([]);
		expect(after.removed).toEqual([]);
		expect(after.changed).toEqual([]);
	});

	it('keeps what someone typed meanwhile elsewhere when both merge', () => {
		const { doc, goal, words, version } = serverPlan();
		deleteItem(doc, 'matters', words);
		const other = new Y.Doc();
		Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
		const { update } = draftUpdate(doc, (d) => restoreItem(d, version, words, 'advocate'));
		updateFields(other, 'goals', goal, { text: 'Take the bus on Monday' }, 'clinician');
		Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
		expect(checkUpdate(update!, { doc, writer: as('advocate') })).toBeNull();
		Y.applyUpdate(doc, update!);
		expect(listItems(doc, 'goals')[0]!.text).toBe('Take the bus on Monday');
		expect(listItems(doc, 'matters')[0]!.text).toBe('Time in the garden');
	});
});

describe('a forged "restore" from a stock client', () => {
	const forgeNewItem = (doc: Y.Doc, fields: Record<string, unknown>) =>
		updateOf(doc, (d) => {
			const map = new Y.Map<unknown>();
			d.getMap('section:matters').set('abcdefghijklmnop', map);
			for (const [k, v] of Object.entries({ id: 'abcdefghijklmnop', order: 'a0', createdAt: 1, updatedAt: 1, ...fields })) map.set(k, v);
			map.set('text', new Y.Text('Words never said'));
		});

	it('cannot put words in someone else’s name on a NEW item, with or without naming a typist', () => {
		const { doc } = serverPlan();
		const noTypist = forgeNewItem(doc, { author: 'clinician', updatedBy: 'advocate' });
		expect(checkUpdate(noTypist, { doc, writer: as('advocate') })?.message).toMatch(/author|recordedBy/);
		const otherTypist = forgeNewItem(doc, { author: 'person', recordedBy: 'clinician', updatedBy: 'advocate' });
		expect(checkUpdate(otherTypist, { doc, writer: as('advocate') })?.message).toMatch(/recordedBy/);
	});

	it('cannot re-use a live item’s author to write a new one in their name', () => {
		const { doc, goal } = serverPlan();
		const forged = updateOf(doc, (d) => {
			const map = new Y.Map<unknown>();
			d.getMap('section:goals').set(goal.split('').reverse().join(''), map);
			for (const [k, v] of Object.entries({ id: goal.split('').reverse().join(''), order: 'a0', author: 'clinician', createdAt: 1, updatedAt: 1, updatedBy: 'advocate' })) map.set(k, v);
			map.set('text', new Y.Text('Not theirs'));
		});
		expect(checkUpdate(forged, { doc, writer: as('advocate') })?.message).toMatch(/author|recordedBy/);
	});
});

describe('undo that is mine', () => {
	/** A server copy and a clinician's copy, synced both ways by hand. */
	function pair() {
		const server = new Y.Doc({ gcFilter: keepDeletedAttribution });
		initBoard(server);
		const goal = addItem(server, 'goals', { author: 'person', text: 'Take the bus' });
		const mine = new Y.Doc();
		Y.applyUpdate(mine, Y.encodeStateAsUpdate(server));
		const sent: Uint8Array[] = [];
		mine.on('update', (update: Uint8Array, origin: unknown) => origin !== 'server' && sent.push(update));
		return { server, goal, mine, sent, undo: createUndoManager(mine, 0) };
	}

	it('undoing my edit of someone else’s item is accepted by the server, and names me as last editor', () => {
		const { server, goal, mine, sent, undo } = pair();
		updateFields(mine, 'goals', goal, { confidence: 6 }, 'clinician');
		Y.applyUpdate(server, sent.pop()!);
		expect(undoMine(undo, 'clinician')?.sections).toEqual(['goals']);
		const undone = sent.pop()!;
		expect(checkUpdate(undone, { doc: server, writer: as('clinician') })).toBeNull();
		Y.applyUpdate(server, undone);
		expect(listItems(mine, 'goals')[0]).toMatchObject({ confidence: null, updatedBy: 'clinician' });
		expect(redoMine(undo, 'clinician')).not.toBeNull();
		expect(listItems(mine, 'goals')[0]!.confidence).toBe(6);
		expect(checkUpdate(sent.pop()!, { doc: server, writer: as('clinician') })).toBeNull();
	});

	it('an update that leaves someone else as last editor is still refused, whatever it wrote before', () => {
		const { server, goal } = pair();
		const forged = updateOf(server, (d) => {
			const item = d.getMap('section:goals').get(goal) as Y.Map<unknown>;
			d.transact(() => {
				item.set('updatedBy', 'clinician');
				item.set('updatedBy', 'advocate');
			});
		});
		expect(checkUpdate(forged, { doc: server, writer: as('clinician') })?.message).toMatch(/updatedBy/);
	});

	it('a plain Yjs undo of the same edit would name the person and be refused (why undoMine stamps)', () => {
		const { server, goal, mine, sent, undo } = pair();
		updateFields(mine, 'goals', goal, { confidence: 6 }, 'clinician');
		Y.applyUpdate(server, sent.pop()!);
		undo.undo();
		expect(checkUpdate(sent.pop()!, { doc: server, writer: as('clinician') })?.message).toMatch(/updatedBy/);
	});

	it('undoes only my typing, never someone else’s concurrent typing, also after a reconnect', () => {
		const { server, goal, mine, undo } = pair();
		const theirs = new Y.Doc();
		Y.applyUpdate(theirs, Y.encodeStateAsUpdate(server));
		const text = (doc: Y.Doc) => doc.getMap('section:goals').get(goal) as Y.Map<unknown>;
		(text(mine).get('text') as Y.Text).insert(0, 'Mine: ');
		(text(theirs).get('text') as Y.Text).insert(12, ' on Monday');
		// A reconnect: the same document receives what it missed from the server, origin the provider.
		Y.applyUpdate(server, Y.encodeStateAsUpdate(theirs));
		Y.applyUpdate(server, Y.encodeStateAsUpdate(mine));
		Y.applyUpdate(mine, Y.encodeStateAsUpdate(server), 'server');
		expect(listItems(mine, 'goals')[0]!.text).toBe('Mine: Take the bus on Monday');
		expect(undoMine(undo, 'clinician')).not.toBeNull();
		expect(listItems(mine, 'goals')[0]!.text).toBe('Take the bus on Monday');
		expect(undoMine(undo, 'clinician')).toBeNull();
	});
});
