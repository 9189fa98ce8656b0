/**
 * Notices between visits: "Sam Okafor added a note to Pat Morgan's plan". One per plan on
 * screen (a newer one replaces it), said once, politely, and dismissed by the reader.
 */
import { noticeText } from '$lib/board/change-words';
import type { ServerEventMap } from '$lib/protocol/realtime-events';
import { Announcer } from './announcer.svelte';
import type { RealtimeChannel } from './realtime.svelte';

export interface Notice {
	readonly key: number;
	readonly boardId: string;
	readonly text: string;
}

export class RealtimeNotices {
	list = $state<Notice[]>([]);
	readonly announcer = new Announcer();
	#next = 1;
	readonly #stop: () => void;

	/** @param isOnPlan is this plan's page the one open now (then its board shows the change itself)? */
	constructor(channel: RealtimeChannel, isOnPlan: (boardId: string) => boolean) {
		this.#stop = channel.on('notice', (notice) => {
			if (!isOnPlan(notice.boardId)) this.add(notice);
		});
	}

	add(notice: ServerEventMap['notice']): void {
		const text = `${noticeText(notice)}.`;
		const shown = { key: this.#next++, boardId: notice.boardId, text };
		this.list = [...this.list.filter((n) => n.boardId !== notice.boardId), shown];
		this.announcer.say(text);
	}

	dismiss(key: number): void {
		this.list = this.list.filter((n) => n.key !== key);
	}

	/** Notices of a plan go once its page is open. */
	dismissPlan(boardId: string): void {
		if (this.list.some((n) => n.boardId === boardId)) this.list = this.list.filter((n) => n.boardId !== boardId);
	}

	destroy(): void {
		this.#stop();
		this.announcer.destroy();
	}
}
