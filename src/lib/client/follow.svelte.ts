/**
 * Follow the presenter on one plan's page, over the live channel. A writer asks everyone to
 * follow; each person asked chooses (nobody is moved without saying yes); a follower's view
 * moves with the presenter's and stops by the button, by Escape, or when they start writing
 * somewhere other than the presenter's item. The server enforces who may present, who is asked
 * and who receives.
 */
import type { Person, ViewPosition } from '$lib/protocol/realtime-events';
import { Announcer } from './announcer.svelte';
import { currentPosition, isField, showPosition } from './follow-view';
import type { RealtimeChannel } from './realtime.svelte';

/** The presenter sends where they are at most this often (about 10 a second). */
const SEND_EVERY_MS = 100;

export class FollowState {
	/** A request I have not answered yet. */
	asked = $state<{ requestId: string; presenter: Person } | null>(null);
	/** Whom I follow now. */
	following = $state<{ requestId: string; presenter: Person } | null>(null);
	/** Where the presenter I follow is. */
	at = $state<ViewPosition | null>(null);
	/** I present; who follows me. */
	presenting = $state<{ requestId: string; followers: readonly Person[]; asked: number } | null>(null);
	/** A refusal to say (e.g. someone else is presenting). */
	problem = $state('');
	readonly announcer = new Announcer();

	readonly #stops: (() => void)[] = [];
	#lastSent = 0;
	#lastPosition = '';
	#timer: ReturnType<typeof setTimeout> | undefined;

	constructor(
		private readonly channel: RealtimeChannel,
		private readonly boardId: string
	) {
		const mine = (p: { boardId: string }) => p.boardId === boardId;
		this.#stops.push(
			channel.whileConnected(() => {
				// A new connection is a new socket: the server has forgotten any presenting or following.
				this.asked = this.following = this.presenting = null;
				void channel.send('plan:open', { boardId });
			}),
			channel.on('follow:asked', (p) => {
				if (!mine(p)) return;
				this.asked = { requestId: p.requestId, presenter: p.presenter };
				this.announcer.say(`${p.presenter.name} asks everyone to follow them. You can choose at the top of the plan.`);
			}),
			channel.on('follow:moved', (p) => {
				if (!mine(p) || !this.following) return;
				this.at = { section: p.section, itemId: p.itemId };
				showPosition(this.at);
			}),
			channel.on('follow:ended', (p) => {
				if (!mine(p)) return;
				// One presenter per plan: whatever request it was, it is over.
				if (this.following) this.announcer.say(`${this.following.presenter.name} stopped presenting.`);
				this.asked = this.following = null;
				this.at = null;
			}),
			channel.on('plan:removed', (p) => {
				if (!mine(p)) return;
				this.asked = this.following = this.presenting = null;
				this.at = null;
			}),
			channel.on('present:followers', (p) => {
				if (!mine(p) || !this.presenting) return;
				const before = this.presenting.followers.length;
				this.presenting = { ...this.presenting, requestId: p.requestId, followers: p.followers };
				if (p.followers.length > before) this.announcer.say(`${p.followers.at(-1)!.name} is following you.`);
			})
		);
		const onKey = (event: KeyboardEvent) => {
			if (event.key === 'Escape' && this.following) this.stopFollowing();
		};
		// Starting to write somewhere else stops following. Tabbing through fields is not writing (a
		// keyboard user reaching "Stop following" passes many), nor is writing in the presenter's item.
		const onInput = (event: Event) => {
			const target = event.target as Element | null;
			if (this.following && isField(target) && !target?.closest('[data-follow-bar]') && !this.#isPresentersItem(target)) this.stopFollowing();
		};
		const onFocus = () => this.presenting && this.#track();
		const onScroll = () => this.presenting && this.#track();
		document.addEventListener('keydown', onKey);
		document.addEventListener('input', onInput, true);
		document.addEventListener('focusin', onFocus);
		window.addEventListener('scroll', onScroll, { passive: true });
		this.#stops.push(() => {
			document.removeEventListener('keydown', onKey);
			document.removeEventListener('input', onInput, true);
			document.removeEventListener('focusin', onFocus);
			window.removeEventListener('scroll', onScroll);
		});
	}

	async askEveryone(): Promise<void> {
		this.problem = '';
		const answer = await this.channel.send('follow:ask', { boardId: this.boardId });
		if (!answer.ok) {
			this.problem =
				answer.error === 'already_presenting'
					? 'Someone else is presenting on this plan now. Ask again when they stop.'
					: 'Asking everyone to follow did not work just now. Try again in a moment.';
			return;
		}
		this.presenting = { requestId: answer.requestId, followers: this.presenting?.followers ?? [], asked: answer.asked };
		this.#lastPosition = '';
		this.#track();
	}

	async stopPresenting(): Promise<void> {
		this.presenting = null;
		await this.channel.send('present:stop', { boardId: this.boardId });
	}

	async answer(follow: boolean): Promise<void> {
		const asked = this.asked;
		if (!asked) return;
		this.asked = null;
		const answer = await this.channel.send('follow:answer', { boardId: this.boardId, requestId: asked.requestId, follow });
		if (follow && answer.ok) {
			this.following = asked;
			this.announcer.say(`You are following ${asked.presenter.name}. Press Escape to stop.`);
			// Start where the presenter is, not where they go next.
			if (answer.at) {
				this.at = answer.at;
				showPosition(answer.at);
			}
		}
	}

	stopFollowing(): void {
		if (!this.following) return;
		const name = this.following.presenter.name;
		this.following = null;
		this.at = null;
		this.announcer.say(`You stopped following ${name}.`);
		this.channel.fire('follow:stop', { boardId: this.boardId });
	}

	#isPresentersItem(element: Element | null): boolean {
		const itemId = element?.closest<HTMLElement>('[data-item-id]')?.dataset.itemId;
		return itemId !== undefined && itemId === this.at?.itemId;
	}

	/** Sends where I am, at most every SEND_EVERY_MS, and only when it changed. */
	#track(): void {
		if (this.#timer) return;
		const wait = Math.max(0, this.#lastSent + SEND_EVERY_MS - Date.now());
		this.#timer = setTimeout(() => {
			this.#timer = undefined;
			const position = currentPosition();
			const key = JSON.stringify(position);
			if (!this.presenting || !position || key === this.#lastPosition) return;
			this.#lastPosition = key;
			this.#lastSent = Date.now();
			this.channel.fire('present:at', { boardId: this.boardId, ...position });
		}, wait);
	}

	destroy(): void {
		for (const stop of this.#stops) stop();
		clearTimeout(this.#timer);
		this.announcer.destroy();
		this.channel.fire('plan:close', { boardId: this.boardId });
	}
}
