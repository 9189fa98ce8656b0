/**
 * The plan list's live part: who is on each of my plans now, and who changed it last while
 * the list was open. Watches while at least one card shows it; asks again after a reconnect.
 * While the channel is down, or until the server answers again, what it holds may be old
 * (`current` says so), so the cards can say it is only the last known.
 */
import type { Person } from '$lib/protocol/realtime-events';
import type { RealtimeChannel } from './realtime.svelte';

export interface LivePlan {
	/** Others with the plan open now; null when my role may not see who. */
	here: readonly Person[] | null;
	/** Who changed it last while I watched (null: someone I may not name). */
	changedBy: string | null | undefined;
	/** When, by the server's clock; undefined until a change is seen. */
	changedAt: number | undefined;
}

export class LivePlanList {
	plans = $state<Record<string, LivePlan>>({});
	/** The server has answered plans:watch on this connection: events since then keep it true. */
	#answered = $state(false);
	#watchers = 0;
	#stops: (() => void)[] = [];

	constructor(private readonly channel: RealtimeChannel) {}

	/** Is what the list holds up to date? Not while the channel is down, nor until it is asked again. */
	get current(): boolean {
		return this.channel.status === 'live' && this.#answered;
	}

	/** Starts watching (shared by every card); returns the function that stops this card's watch. */
	watch(): () => void {
		if (this.#watchers++ === 0) this.#start();
		return () => {
			if (--this.#watchers === 0) this.#end();
		};
	}

	#start(): void {
		const channel = this.channel;
		// What an earlier watch (perhaps of another account, in this tab) saw is not news now.
		this.plans = {};
		this.#stops = [
			channel.on('plans:here', ({ boardId, here }) => (this.plans[boardId] = { ...this.#get(boardId), here })),
			channel.on('plans:changed', ({ boardId, by, at }) => (this.plans[boardId] = { ...this.#get(boardId), changedBy: by, changedAt: at })),
			channel.whileConnected(() => {
				// Whoever came or went while the channel was down was missed: old until answered.
				this.#answered = false;
				void channel.send('plans:watch', {}).then((answer) => {
					if (!answer.ok) return;
					this.#answered = true;
					for (const { boardId, here } of answer.plans) this.plans[boardId] = { ...this.#get(boardId), here };
				});
			})
		];
	}

	#end(): void {
		for (const stop of this.#stops) stop();
		this.#stops = [];
		this.channel.fire('plans:unwatch', {});
	}

	#get(boardId: string): LivePlan {
		return this.plans[boardId] ?? { here: null, changedBy: undefined, changedAt: undefined };
	}
}

let list: LivePlanList | null = null;

/** The tab's live plan list over the channel. */
export function livePlanList(channel: RealtimeChannel): LivePlanList {
	list ??= new LivePlanList(channel);
	return list;
}
