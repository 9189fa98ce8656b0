/**
 * Which items on the board others added or changed since my last visit and I have not seen
 * yet. An item counts as seen once I have been in it (focus anywhere inside it); "Mark all as
 * seen" clears them all. Each is told to the server, so the marks hold on my other devices.
 */
import { getContext, setContext } from 'svelte';
import { SvelteMap } from 'svelte/reactivity';

const KEY = Symbol('since-marks');

export type SinceMark = 'new' | 'changed';

export class SinceMarks {
	readonly marks = new SvelteMap<string, SinceMark>();
	private boardId = '';
	private upToSeq = 0;

	/** Starts over with a plan's summary (the page shows another plan, or reloaded its data). */
	reset(boardId: string, upToSeq: number, items: { itemId: string; mark: SinceMark }[]): void {
		this.boardId = boardId;
		this.upToSeq = upToSeq;
		this.marks.clear();
		for (const i of items) this.marks.set(i.itemId, i.mark);
	}

	markOf(itemId: string): SinceMark | undefined {
		return this.marks.get(itemId);
	}

	/** I have been in this item: it is no longer marked, here and on my other devices. */
	seen(itemId: string): void {
		if (!this.marks.delete(itemId)) return;
		void this.tell({ itemId });
	}

	allSeen(): void {
		this.marks.clear();
		void this.tell({ all: '1' });
	}

	private async tell(fields: Record<string, string>): Promise<void> {
		const body = new URLSearchParams({ ...fields, upTo: String(this.upToSeq) });
		// Losing one mark is harmless (it shows again next time), so a failure is not shown.
		await fetch(`/boards/${this.boardId}/seen`, { method: 'POST', body, headers: { accept: 'application/json' } }).catch(() => undefined);
	}
}

export function provideSinceMarks(marks: SinceMarks): void {
	setContext(KEY, marks);
}

/** The board's marks, or undefined where there is no summary. */
export function sinceMarks(): SinceMarks | undefined {
	return getContext<SinceMarks | undefined>(KEY);
}
