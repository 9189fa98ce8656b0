/**
 * Names for the user ids stored on the board (authors, step owners), from the member list
 * the page loaded. Pure, so the words are tested once.
 */
import { ROLE_SHORT_LABELS, type Role } from '$lib/roles';

/** A member of the plan as the page's load function projects it. */
export interface Member {
	readonly id: string;
	readonly name: string;
	readonly role: Role;
}

/** One choice in a "who" select. */
export interface MemberOption {
	readonly value: string;
	readonly label: string;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export class MemberDirectory {
	readonly #byId: Map<string, Member>;
	readonly me: Member;
	readonly members: readonly Member[];
	readonly #unknown: string;

	/**
	 * @param complete false when the list was cut down (a supporter may not see who is on
	 *   the plan): then an unknown id is a helper we may not name, not someone who left.
	 */
	constructor(members: readonly Member[], me: Member, complete = true) {
		this.members = members;
		this.me = me;
		this.#unknown = complete ? 'someone who is not on this plan now' : 'someone who helps write this plan';
		this.#byId = new Map(members.map((m) => [m.id, m]));
		if (!this.#byId.has(me.id)) this.#byId.set(me.id, me);
	}

	get(id: string): Member | undefined {
		return this.#byId.get(id);
	}

	/** The person the plan belongs to, if they have joined. */
	get person(): Member | undefined {
		return this.members.find((m) => m.role === 'person');
	}

	/** "you", "Sam (Person)", or a plain phrase for someone no longer on the plan. */
	describe(id: string): string {
		if (id === this.me.id) return 'you';
		const member = this.#byId.get(id);
		if (!member) return this.#unknown;
		return `${member.name} (${ROLE_SHORT_LABELS[member.role]})`;
	}

	/**
	 * Choices for "Who does it": "Me" stands for the person's own id when I am the person;
	 * everyone else by name. A stored id of someone who has left stays selectable, so
	 * showing the field never changes it.
	 */
	ownerOptions(current: string | null): MemberOption[] {
		const options: MemberOption[] = this.members.map((m) => ({
			value: m.id,
			label: m.id === this.me.id && m.role === 'person' ? 'Me' : m.id === this.me.id ? `${m.name} (you)` : `${m.name} (${ROLE_SHORT_LABELS[m.role]})`
		}));
		if (this.me.role === 'person') options.sort((a, b) => (a.value === this.me.id ? -1 : b.value === this.me.id ? 1 : 0));
		if (current !== null && !this.#byId.has(current)) options.push({ value: current, label: capitalise(this.#unknown) });
		return options;
	}

	/** Label of a step owner for read-only display. */
	ownerLabel(id: string | null): string {
		if (id === null) return 'Not decided yet';
		if (id === this.me.id) return this.me.role === 'person' ? 'Me' : `${this.me.name} (you)`;
		return this.describe(id);
	}
}
