/**
 * The board's DOM as follow-the-presenter sees it: where I am looking (for a presenter), and
 * showing a place (for a follower). Sections are `[data-section]` with id `section-<key>`,
 * items `[data-item-id]` with id `item-<id>`.
 */
import { isSectionKey } from '$lib/board';
import type { ViewPosition } from '$lib/protocol/realtime-events';

/** Is this element somewhere one types (where focus must never be taken from)? */
export function isField(element: Element | null): boolean {
	return element instanceof HTMLTextAreaElement || element instanceof HTMLInputElement || element instanceof HTMLSelectElement || (element instanceof HTMLElement && element.isContentEditable);
}

/**
 * Where I am on the board: the item holding the focus, if any; otherwise the last section whose
 * top has scrolled past the upper third of what the window shows below its sticky bars (the page's
 * scroll padding: a section jumped to stops just under them, however tall they are).
 */
export function currentPosition(): ViewPosition | null {
	const focused = document.activeElement?.closest<HTMLElement>('[data-item-id]');
	const focusedSection = focused?.closest<HTMLElement>('[data-section]')?.dataset.section;
	if (focused && isSectionKey(focusedSection)) return { section: focusedSection, itemId: focused.dataset.itemId ?? null };
	const sections = [...document.querySelectorAll<HTMLElement>('[data-section]')];
	const bars = parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0;
	const line = bars + (window.innerHeight - bars) / 3;
	let seen: HTMLElement | undefined = sections[0];
	for (const section of sections) if (section.getBoundingClientRect().top <= line) seen = section;
	const key = seen?.dataset.section;
	return isSectionKey(key) ? { section: key, itemId: null } : null;
}

/**
 * Shows a place the presenter is at: scrolls to it and moves the focus there, so a screen reader
 * reads it out — unless the focus is in a field (someone typing keeps their field, in view), the
 * follow bar or a notice.
 */
export function showPosition(position: ViewPosition): void {
	const item = position.itemId ? document.getElementById(`item-${position.itemId}`) : null;
	const target = item ?? document.getElementById(`section-${position.section}-title`);
	const active = document.activeElement;
	// A follower writing in the presenter's item stays there; the follow bar says where the presenter went.
	if (!target || isField(active)) return;
	const still = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
	target.scrollIntoView({ block: 'start', behavior: still ? 'auto' : 'smooth' });
	// Nor from the follow bar or a notice: someone reaching for "Stop following" must get there.
	if (active?.closest('[data-follow-bar], [data-live-area]')) return;
	// A heading takes the focus only when told it may; that is not a tab stop.
	if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
	target.focus({ preventScroll: true });
}
