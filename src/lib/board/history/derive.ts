/**
 * Turns a board's update log into history entries. Replays the updates in order on a Y.Doc,
 * notes which items each one touched, and compares those items with their last known
 * snapshot (Yjs forgets a deleted item's words, the snapshot keeps them). Typing by one
 * sender in one item within GROUP_WINDOW_MS joins the item's newest entry.
 *
 * Resumable: `state()` is everything needed to carry on later from `lastSeq`, and carrying on
 * gives the same entries as one pass over the whole log.
 */
import * as Y from 'yjs';
import { getSectionMap } from '../doc.js';
import { fieldEntries, fieldSpec } from '../fields.js';
import { compareOrder } from '../order.js';
import { SECTION_KEYS, type SectionKey } from '../section-keys.js';
import { aroundChange, cut } from './excerpt.js';
import { changedFields, changedTexts, snapshotItem } from './snapshot.js';
import {
	GROUP_WINDOW_MS,
	type DerivationState,
	type EntryKind,
	type FieldScalar,
	type HistoryEntry,
	type ItemSnapshot,
	type LoggedUpdate
} from './types.js';

interface Change {
	kind: EntryKind;
	section: SectionKey;
	itemId: string;
	wordsOfId: string | null;
	text: string;
	field?: string;
	textBefore?: string;
	textAfter?: string;
	from?: FieldScalar;
	to?: FieldScalar;
}

export class HistoryDeriver {
	private readonly doc = new Y.Doc();
	private readonly items: Map<string, ItemSnapshot>;
	private readonly tails: Map<string, HistoryEntry>;
	private readonly groupStarts: Map<string, string>;
	private readonly deleted: Set<string>;
	private lastSeq: number;
	private nextEntryId: number;
	/** Entries made or changed since the last `takeChanged()`, by id. */
	private changed = new Map<number, HistoryEntry>();
	private touched = new Map<string, SectionKey>();

	constructor(state?: DerivationState) {
		if (state) Y.applyUpdate(this.doc, state.doc);
		this.items = new Map(Object.entries(structuredClone(state?.items ?? {})));
		this.tails = new Map(Object.entries(structuredClone(state?.tails ?? {})));
		this.groupStarts = new Map(Object.entries(state?.groupStarts ?? {}));
		this.deleted = new Set(state?.deleted ?? []);
		this.lastSeq = state?.lastSeq ?? 0;
		this.nextEntryId = state?.nextEntryId ?? 1;
		for (const section of SECTION_KEYS) {
			getSectionMap(this.doc, section).observeDeep((events) => {
				for (const event of events) {
					const keys = event.path.length === 0 ? [...event.changes.keys.keys()] : [String(event.path[0])];
					for (const id of keys) this.touched.set(id, section);
				}
			});
		}
	}

	/** The sequence number of the last update read. */
	get seq(): number {
		return this.lastSeq;
	}

	/** Reads one update; updates at or before `seq` were read already and are skipped. */
	apply(update: LoggedUpdate): void {
		if (update.seq <= this.lastSeq) return;
		this.touched = new Map();
		Y.applyUpdate(this.doc, update.data);
		this.lastSeq = update.seq;
		for (const change of this.compare(update.userId)) this.record(change, update);
	}

	/** Entries made or changed since the last call, oldest first. */
	takeChanged(): HistoryEntry[] {
		const out = [...this.changed.values()].sort((a, b) => a.id - b.id);
		this.changed = new Map();
		return out.map((entry) => structuredClone(entry));
	}

	/** Everything needed to carry on from here. */
	state(): DerivationState {
		return {
			lastSeq: this.lastSeq,
			nextEntryId: this.nextEntryId,
			doc: Y.encodeStateAsUpdate(this.doc),
			items: structuredClone(Object.fromEntries(this.items)),
			tails: structuredClone(Object.fromEntries(this.tails)),
			groupStarts: Object.fromEntries(this.groupStarts),
			deleted: [...this.deleted]
		};
	}

	private compare(senderId: string | null): Change[] {
		const changes: Change[] = [];
		// Items whose order key changed, per section, with their key before.
		const moved = new Map<SectionKey, Map<string, string>>();
		for (const [id, section] of this.touched) {
			const live = getSectionMap(this.doc, section).get(id);
			const before = this.items.get(id);
			const after = live instanceof Y.Map ? snapshotItem(section, live) : undefined;
			// New words are the author's; a change is the words of whoever was talking when it was made
			// (`updatedFor`), counted only when this sender made the item's last change.
			const words = (s: ItemSnapshot) => (s.author && s.author !== senderId ? s.author : null);
			const changeWords = (s: ItemSnapshot) =>
				s.updatedFor && s.updatedFor !== senderId && s.updatedBy === senderId ? s.updatedFor : null;
			if (!before && after && this.deleted.delete(id)) {
				// A restore puts back someone's words as they were: nobody typed them now.
				changes.push({ kind: 'restored', section, itemId: id, wordsOfId: null, text: after.texts.text });
			} else if (!before && after) {
				changes.push({ kind: 'added', section, itemId: id, wordsOfId: words(after), text: after.texts.text });
			} else if (before && !after) {
				this.deleted.add(id);
				changes.push({ kind: 'deleted', section: before.section, itemId: id, wordsOfId: null, text: before.texts.text });
			} else if (before && after) {
				for (const field of changedTexts(before, after)) {
					changes.push({
						kind: 'text',
						section,
						itemId: id,
						wordsOfId: changeWords(after),
						text: after.texts.text,
						field,
						textBefore: before.texts[field] ?? '',
						textAfter: after.texts[field]
					});
				}
				for (const field of changedFields(before, after)) {
					if (fieldSpec(section, field)?.quiet) continue;
					const to = after.fields[field];
					const done = fieldSpec(section, field)?.type === 'enum' && isStampTrigger(section, field, to);
					changes.push({ kind: done ? 'done' : 'field', section, itemId: id, wordsOfId: changeWords(after), text: after.texts.text, field, from: before.fields[field] ?? null, to });
				}
				if (before.order !== after.order) {
					if (!moved.has(section)) moved.set(section, new Map());
					moved.get(section)!.set(id, before.order);
				}
			}
			if (after) this.items.set(id, after);
			else this.items.delete(id);
		}
		for (const [section, previous] of moved) changes.push(...this.moves(section, previous));
		return changes;
	}

	/**
	 * A move rewrites the moved item's order key and sometimes its neighbours' too, to make room.
	 * Only an item whose place among the items that kept their keys changed has really moved.
	 */
	private moves(section: SectionKey, previous: Map<string, string>): Change[] {
		const rekeyed = new Set(previous.keys());
		const stable = [...getSectionMap(this.doc, section).keys()]
			.filter((id) => !rekeyed.has(id) && this.items.has(id))
			.map((id) => ({ id, order: this.items.get(id)!.order }))
			.sort(compareOrder);
		const rank = (entry: { id: string; order: string }) => stable.filter((s) => compareOrder(s, entry) < 0).length;
		const changes: Change[] = [];
		for (const [id, before] of previous) {
			const now = this.items.get(id);
			if (!now) continue;
			const from = rank({ id, order: before });
			const to = rank({ id, order: now.order });
			if (from !== to) changes.push({ kind: 'moved', section, itemId: id, wordsOfId: null, text: now.texts.text, field: 'order', from: from + 1, to: to + 1 });
		}
		return changes;
	}

	private record(change: Change, update: LoggedUpdate): void {
		const tail = this.tails.get(change.itemId);
		const sender = update.userId;
		if (
			change.kind === 'text' &&
			tail &&
			tail.senderId === sender &&
			tail.wordsOfId === change.wordsOfId &&
			update.at - tail.lastAt <= GROUP_WINDOW_MS &&
			(tail.kind === 'added' || (tail.kind === 'text' && tail.detail.field === change.field))
		) {
			tail.lastSeq = update.seq;
			tail.lastAt = update.at;
			tail.detail.text = cut(change.text);
			if (tail.kind === 'text') {
				const around = aroundChange(this.groupStarts.get(change.itemId) ?? '', change.textAfter ?? '');
				tail.detail.before = around.before;
				tail.detail.after = around.after;
			}
			this.changed.set(tail.id, tail);
			return;
		}
		const entry: HistoryEntry = {
			id: this.nextEntryId++,
			firstSeq: update.seq,
			lastSeq: update.seq,
			firstAt: update.at,
			lastAt: update.at,
			senderId: sender,
			wordsOfId: change.wordsOfId,
			section: change.section,
			itemId: change.itemId,
			kind: change.kind,
			detail: { text: cut(change.text) }
		};
		if (change.field !== undefined) entry.detail.field = change.field;
		if (change.kind === 'text') {
			const around = aroundChange(change.textBefore ?? '', change.textAfter ?? '');
			entry.detail.before = around.before;
			entry.detail.after = around.after;
			this.groupStarts.set(change.itemId, change.textBefore ?? '');
		} else if (change.kind !== 'added' && change.kind !== 'deleted' && change.kind !== 'restored') {
			entry.detail.from = change.from ?? null;
			entry.detail.to = change.to ?? null;
		}
		if (change.kind === 'deleted') {
			this.tails.delete(change.itemId);
			this.groupStarts.delete(change.itemId);
		} else {
			this.tails.set(change.itemId, entry);
			if (change.kind !== 'text') this.groupStarts.delete(change.itemId);
		}
		this.changed.set(entry.id, entry);
	}
}

/** True if setting `field` to `value` is what a stamp field records (a step marked done). */
function isStampTrigger(section: SectionKey, field: string, value: FieldScalar): boolean {
	return fieldEntries(section).some(([, spec]) => spec.type === 'stamp' && spec.when.field === field && spec.when.value === value);
}
