/**
 * Names for the people in a plan's history. Members are named from the member list; someone
 * who has left is still named from their account; an id nobody knows reads plainly. Someone
 * who may not see who is on the plan (a supporter) sees only the person's name and their own,
 * as on the board.
 */
import type { NameOf } from '../board/history/index.js';
import type { BoardRecord, MembershipRecord, Storage } from './storage.js';
import { decide } from './permissions.js';
import { THE_PERSON } from '../board/schema.js';
import { accountOf } from '../board/the-person.js';

export const LEFT_THE_PLAN = 'someone who has left the plan';
export const SOMEONE_ON_THE_PLAN = 'someone helping with the plan';
/** The reader, in the history's sentences (made "You" where a sentence starts with it). */
export const YOU = 'you';

export interface HistoryNames {
	nameOf: NameOf;
	/** Ids named in full, with their names: the people a viewer may filter by. */
	named: Map<string, string>;
}

export async function historyNames(
	storage: Storage,
	board: BoardRecord,
	viewer: MembershipRecord,
	ids: Iterable<string | null>
): Promise<HistoryNames> {
	const members = await storage.members.list(board.id);
	const complete = decide(board, viewer, 'viewPeople').ok;
	const named = new Map<string, string>();
	for (const m of members) {
		if (complete || m.role === 'person' || m.userId === viewer.userId) named.set(m.userId, m.name);
	}
	const memberIds = new Set(members.map((m) => m.userId));
	const hidden = new Set<string>();
	for (const id of new Set(ids)) {
		if (id === null || named.has(id) || hidden.has(id)) continue;
		if (memberIds.has(id) || !complete) {
			hidden.add(id);
			continue;
		}
		const user = await storage.users.byId(id);
		if (user) named.set(id, user.name);
	}
	return {
		named,
		nameOf: (id) => {
			if (id === null) return 'WhatMatters';
			const account = accountOf(id, board.ownerId);
			// The reader is "you", never named to themselves.
			if (account === viewer.userId) return YOU;
			// The person's words recorded before they had an account are theirs: named as them.
			if (id === THE_PERSON) return (account !== null ? named.get(account) : undefined) ?? board.personName;
			return named.get(id) ?? (hidden.has(id) ? SOMEONE_ON_THE_PLAN : LEFT_THE_PLAN);
		}
	};
}
