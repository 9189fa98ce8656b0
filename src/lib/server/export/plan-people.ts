/**
 * The people a copy of the plan names: everyone on it now, and anyone no longer on it whose
 * words or steps are still there. Named as on the board: members from the member list, someone
 * who has left from their account; someone who may not see who is on the plan (a supporter)
 * sees only the person's name and their own. Words kept under THE_PERSON are the person's, named
 * as them, by the same rule as the history (src/lib/board/the-person.ts).
 */
import { accountOf, THE_PERSON } from '../../board/index.js';
import { ROLE_SHORT_LABELS, type Role } from '../../roles.js';
import { LEFT_THE_PLAN, SOMEONE_ON_THE_PLAN } from '../history-names.js';
import { decide } from '../permissions.js';
import type { BoardRecord, MembershipRecord, Storage } from '../storage.js';

export interface PlanPerson {
	id: string;
	name: string;
	/** Their role on the plan now; null if they are no longer on it. */
	role: Role | null;
	/** When they joined; null if they are no longer on it. */
	joinedAt: number | null;
}

export interface PlanPeople {
	/** Everyone the reader may see, members first (the person first of all). */
	people: PlanPerson[];
	/** False for a reader who may not see who is on the plan. */
	complete: boolean;
	/** "Pat Okafor (Person)", "Sam Lee (not on the plan now)", or a plain phrase. */
	nameOf(id: string): string;
	/** Who an id is; THE_PERSON is the person (before they join: their name on the plan). */
	get(id: string): PlanPerson | undefined;
}

const ROLE_ORDER: Role[] = ['person', 'clinician', 'peer_advocate', 'supporter'];

/** The people of a plan as `reader` may see them, including the former members among `ids`. */
export async function planPeople(storage: Storage, board: BoardRecord, reader: MembershipRecord, ids: Iterable<string | null>): Promise<PlanPeople> {
	const members = await storage.members.list(board.id);
	const complete = decide(board, reader, 'viewPeople').ok;
	const byId = new Map<string, PlanPerson>();
	const shown = members
		.filter((m) => complete || m.role === 'person' || m.userId === reader.userId)
		.sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) || a.joinedAt - b.joinedAt);
	for (const m of shown) byId.set(m.userId, { id: m.userId, name: m.name, role: m.role, joinedAt: m.joinedAt });
	const memberIds = new Set(members.map((m) => m.userId));
	const hidden = new Set<string>();
	for (const id of new Set(ids)) {
		if (id === null || id === '' || id === THE_PERSON || byId.has(id) || hidden.has(id)) continue;
		if (memberIds.has(id) || !complete) {
			hidden.add(id);
			continue;
		}
		const user = await storage.users.byId(id);
		if (user) byId.set(id, { id, name: user.name, role: null, joinedAt: null });
	}
	// The person before they join: named as the plan names them, with their role to be.
	const notJoined: PlanPerson = { id: THE_PERSON, name: board.personName, role: 'person', joinedAt: null };
	const get = (id: string) => {
		const account = accountOf(id, board.ownerId);
		if (account === null) return notJoined;
		return byId.get(account) ?? (id === THE_PERSON ? notJoined : undefined);
	};
	return {
		people: [...byId.values()],
		complete,
		get,
		nameOf(id) {
			const person = get(id);
			if (!person) return hidden.has(id) ? SOMEONE_ON_THE_PLAN : LEFT_THE_PLAN;
			return `${person.name} (${person.role ? ROLE_SHORT_LABELS[person.role] : 'not on the plan now'})`;
		}
	};
}

interface NamingItem {
	author: string;
	recordedBy: string | null;
	updatedBy: string;
	updatedFor?: string | null;
	owner?: string | null;
	participants?: readonly string[];
}

/** Every user id an item of the plan names: authors, typists, last editors, step owners and who took part in a conversation. */
export function idsNamedIn(items: Iterable<NamingItem>): Set<string> {
	const ids = new Set<string>();
	for (const item of items) {
		for (const id of [item.author, item.recordedBy, item.updatedBy, item.updatedFor ?? null, item.owner ?? null, ...(item.participants ?? [])]) if (id) ids.add(id);
	}
	return ids;
}
