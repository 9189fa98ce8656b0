/**
 * Pure rules behind what presence shows and says: where each person is, in words, and what is
 * news for a screen reader (someone joined, left, or started writing in the item I am in).
 */
import { excerpt } from './announcer.svelte';
import { fieldSpec, getSection, type SectionKey } from '$lib/board';
import type { PresenceState, PresenceUser } from '$lib/protocol/presence';

/** One open window on the board, as relayed. */
export interface Peer extends PresenceState {
	readonly clientId: number;
}

/** What the "Here now" list says of one person: their busiest window. */
export interface Whereabouts {
	readonly user: PresenceUser;
	/** e.g. "in My goals, writing in 'Take the bus…'"; empty when nothing is known. */
	readonly where: string;
}

/** The label of a field of an item, as the UI shows it ("What OK looks like"). */
export function fieldLabel(section: SectionKey, field: string | null | undefined): string | null {
	if (!field || field === 'text') return null;
	return fieldSpec(section, field)?.label ?? null;
}

/** Where one window is, in words; `itemText` gives an item's words for its short quote. */
export function describeWindow(peer: PresenceState, itemText: (section: SectionKey, itemId: string) => string | undefined): string {
	if (peer.drafting) return `in ${getSection(peer.drafting.section).title}, writing something new`;
	if (peer.editing) {
		const { section, itemId, field } = peer.editing;
		const words = excerpt(itemText(section, itemId) ?? '', 30);
		const label = fieldLabel(section, field);
		const item = words ? `‘${words}’` : 'an item';
		return `in ${getSection(section).title}, editing ${label ? `${label} of ${item}` : item}`;
	}
	return peer.viewing ? `looking at ${getSection(peer.viewing).title}` : '';
}

/** How much a window is doing, so a person with two windows is described by the busier. */
const busyness = (peer: PresenceState) => (peer.drafting || peer.editing ? 2 : peer.viewing ? 1 : 0);

/** Each person once (me first), described by their busiest window. */
export function whereabouts(peers: readonly Peer[], me: PresenceUser, itemText: (section: SectionKey, itemId: string) => string | undefined): Whereabouts[] {
	const best = new Map<string, Peer>();
	for (const peer of peers) {
		const seen = best.get(peer.user.id);
		if (!seen || busyness(peer) > busyness(seen)) best.set(peer.user.id, peer);
	}
	const list: Whereabouts[] = [{ user: me, where: '' }];
	for (const [id, peer] of best) {
		if (id === me.id) continue;
		list.push({ user: peer.user, where: describeWindow(peer, itemText) });
	}
	return list;
}

/** Who is on the board and which item each is writing in: what news is worked out from. */
export interface PresenceSnapshot {
	readonly people: ReadonlyMap<string, PresenceUser>;
	/** Item ids each person is writing in (any window). */
	readonly editing: ReadonlyMap<string, ReadonlySet<string>>;
}

export function snapshot(peers: readonly Peer[], meId: string): PresenceSnapshot {
	const people = new Map<string, PresenceUser>();
	const editing = new Map<string, Set<string>>();
	for (const peer of peers) {
		if (peer.user.id === meId) continue;
		people.set(peer.user.id, peer.user);
		if (!peer.editing) continue;
		const items = editing.get(peer.user.id) ?? new Set<string>();
		items.add(peer.editing.itemId);
		editing.set(peer.user.id, items);
	}
	return { people, editing };
}

/**
 * What a screen reader should hear about a change of presence: joins, leaves, and someone
 * starting to write in the item I am writing in. Never typing, carets or scrolling.
 */
export function presenceNews(before: PresenceSnapshot, after: PresenceSnapshot, myItem: string | null): string[] {
	const news: string[] = [];
	for (const [id, user] of after.people) if (!before.people.has(id)) news.push(`${user.name} joined.`);
	for (const [id, user] of before.people) if (!after.people.has(id)) news.push(`${user.name} left.`);
	if (myItem) {
		for (const [id, items] of after.editing) {
			if (items.has(myItem) && !before.editing.get(id)?.has(myItem)) news.push(`${after.people.get(id)?.name ?? 'Someone'} is writing in this item too.`);
		}
	}
	return news;
}
