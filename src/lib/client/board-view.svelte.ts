/**
 * The board as plain, reactive snapshots: one `$state.raw` list per section, re-read from
 * the model only for the sections a transaction touched, so typing in one section does
 * not re-render the other nine. Also notices what others did (items added, steps done)
 * so the page can say it out loud.
 */
import type * as Y from 'yjs';
import { listItems, observeBoard, SECTION_KEYS, type ItemView, type SectionKey } from '$lib/board';

/** Items of one section, in display order. */
class SectionItems {
	items = $state.raw<ItemView[]>([]);
}

/** Things worth announcing, found by comparing a section before and after a change. */
export interface ViewEvents {
	/** Someone else added items (not reported while the board first loads). */
	added?(section: SectionKey, items: readonly ItemView[]): void;
	/** A step became done, here or elsewhere. */
	done?(step: ItemView<'steps'>, local: boolean): void;
	/** Someone else moved a conversation's shared step. */
	stepMoved?(visit: ItemView<'visits'>): void;
	/** Someone else ended a conversation. */
	visitEnded?(visit: ItemView<'visits'>): void;
}

export class BoardView {
	readonly sections = Object.fromEntries(SECTION_KEYS.map((key) => [key, new SectionItems()])) as Record<
		SectionKey,
		SectionItems
	>;
	readonly #off: () => void;

	/**
	 * @param settled true once the board's first load is over (this device's copy and the
	 *   first server sync); before that, arriving items are not "new", just loading.
	 */
	constructor(doc: Y.Doc, events: ViewEvents = {}, settled: () => boolean = () => true) {
		for (const key of SECTION_KEYS) this.sections[key].items = listItems(doc, key);
		this.#off = observeBoard(doc, (change) => {
			for (const key of change.sections) {
				const before = this.sections[key].items;
				const after = listItems(doc, key);
				this.sections[key].items = after;
				if (settled()) this.#compare(key, before, after, change.local, events);
			}
		});
	}

	#compare(key: SectionKey, before: readonly ItemView[], after: readonly ItemView[], local: boolean, events: ViewEvents) {
		const old = new Map(before.map((item) => [item.id, item]));
		if (!local && events.added) {
			const added = after.filter((item) => !old.has(item.id));
			if (added.length) events.added(key, added);
		}
		if (key === 'visits' && !local) {
			for (const visit of after as ItemView<'visits'>[]) {
				const was = old.get(visit.id) as ItemView<'visits'> | undefined;
				if (!was) continue;
				if (was.step !== visit.step) events.stepMoved?.(visit);
				if (was.status !== 'ended' && visit.status === 'ended') events.visitEnded?.(visit);
			}
		}
		if (key === 'steps' && events.done) {
			for (const item of after as ItemView<'steps'>[]) {
				const was = old.get(item.id) as ItemView<'steps'> | undefined;
				if (was && was.status !== 'done' && item.status === 'done') events.done(item, local);
			}
		}
	}

	/** Items of a section (reactive). */
	items<S extends SectionKey>(section: S): ItemView<S>[] {
		return this.sections[section].items as ItemView<S>[];
	}

	destroy(): void {
		this.#off();
	}
}
