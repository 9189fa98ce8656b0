/**
 * Names for the user ids stored on the board (authors, step owners, who took part), from the
 * member list the page loaded. Pure, so the words are tested once. The plan's person is known
 * even before they have an account: THE_PERSON stands for them, under their name on the plan.
 */
import { THE_PERSON } from '$lib/board';
import { MEMBERS } from '$lib/copy/members';
import { say } from '$lib/copy/say';
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
	/** The person's name on the plan, for THE_PERSON before they join. */
	readonly #personName: string | null;

	/**
	 * @param complete false when the list was cut down (a supporter may not see who is on
	 *   the plan): then an unknown id is a helper we may not name, not someone who left.
	 * @param personName the person's name on the plan, known before they have an account.
	 */
	constructor(members: readonly Member[], me: Member, complete = true, personName: string | null = null) {
		this.members = members;
		this.me = me;
		this.#unknown = complete ? MEMBERS.notOnPlan : MEMBERS.someoneHelping;
		this.#byId = new Map(members.map((m) => [m.id, m]));
		if (!this.#byId.has(me.id)) this.#byId.set(me.id, me);
		this.#personName = personName;
	}

	get(id: string): Member | undefined {
		if (id === THE_PERSON) return this.person;
		return this.#byId.get(id);
	}

	/** The person who has joined the plan, if they have. */
	get joinedPerson(): Member | undefined {
		return this.members.find((m) => m.role === 'person');
	}

	/**
	 * The person the plan belongs to: the member once they have joined; before that, THE_PERSON
	 * under their name on the plan (words recorded for them are theirs from the start).
	 */
	get person(): Member | undefined {
		const joined = this.joinedPerson;
		if (joined) return joined;
		return this.#personName === null ? undefined : { id: THE_PERSON, name: this.#personName, role: 'person' };
	}

	/** The id words are stored under: THE_PERSON reads as the person once they have joined. */
	resolve(id: string): string {
		return id === THE_PERSON ? (this.joinedPerson?.id ?? THE_PERSON) : id;
	}

	/** Is this id me (THE_PERSON is me when I am the person)? */
	isMe(id: string): boolean {
		return this.resolve(id) === this.me.id;
	}

	/** Everyone on the plan who could be talking or taking part: the person first, then the others in order. */
	get everyone(): Member[] {
		const person = this.person;
		const others = this.members.filter((m) => m.role !== 'person');
		if (!this.members.some((m) => m.id === this.me.id) && this.me.role !== 'person') others.push(this.me);
		return person ? [person, ...others] : others;
	}

	/** "you", "Sam (Person)", or a plain phrase for someone no longer on the plan. */
	describe(id: string): string {
		if (this.isMe(id)) return MEMBERS.you;
		const member = this.get(id);
		if (!member) return this.#unknown;
		if (member.id === THE_PERSON) return say(MEMBERS.personBeforeJoining, { name: member.name });
		return say(MEMBERS.nameAndRole, { name: member.name, role: ROLE_SHORT_LABELS[member.role] });
	}

	/**
	 * Choices for "Who does it": "Me" stands for the person's own id when I am the person;
	 * everyone else by name (the person before they join under THE_PERSON). A stored id of
	 * someone who has left stays selectable, so showing the field never changes it.
	 */
	ownerOptions(current: string | null): MemberOption[] {
		const options: MemberOption[] = this.everyone.map((m) => ({ value: m.id, label: this.#ownerName(m) }));
		if (current !== null && !this.get(current) && !options.some((o) => o.value === current)) options.push({ value: current, label: capitalise(this.#unknown) });
		return options;
	}

	#ownerName(m: Member): string {
		if (m.id === this.me.id) return m.role === 'person' ? MEMBERS.me : say(MEMBERS.nameYou, { name: m.name });
		if (m.id === THE_PERSON) return say(MEMBERS.personBeforeJoining, { name: m.name });
		return say(MEMBERS.nameAndRole, { name: m.name, role: ROLE_SHORT_LABELS[m.role] });
	}

	/** Label of a step owner for read-only display. */
	ownerLabel(id: string | null): string {
		if (id === null) return MEMBERS.notDecided;
		if (this.isMe(id)) return this.me.role === 'person' ? MEMBERS.me : say(MEMBERS.nameYou, { name: this.me.name });
		return this.describe(id);
	}
}
