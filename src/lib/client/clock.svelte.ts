/**
 * "Now" for words like "5 minutes ago": reading `clock.now` in a component makes it update
 * every half minute while it is on screen, and costs nothing when nothing reads it.
 */
import { createSubscriber } from 'svelte/reactivity';

const TICK_MS = 30_000;

const subscribe = createSubscriber((update) => {
	const timer = setInterval(update, TICK_MS);
	return () => clearInterval(timer);
});

export const clock = {
	get now(): number {
		subscribe();
		return Date.now();
	}
};
