/**
 * "Together on one screen": one device used by several people at once. Larger text and targets,
 * and "Who is talking now?", so what is added is recorded as the words of whoever is talking,
 * with who typed them. Both choices stay on this device across page loads (per plan and
 * account), because the same people carry on at the same screen after a reload.
 */
import { THE_PERSON } from '$lib/board';
import { deviceStore, keep, readKept, type KeptChoices } from './device-store';
import type { MemberDirectory } from './members';

export type { KeptChoices } from './device-store';

export class SharedScreen {
	/** Is the screen shared now? */
	on = $state(false);
	/** Who is talking (a member id, or THE_PERSON before the person joins); only while `on`. */
	talking = $state('');

	readonly #people: MemberDirectory;
	readonly #store: KeptChoices | null;
	readonly #key: string;

	constructor(boardId: string, people: MemberDirectory, store: KeptChoices | null = deviceStore()) {
		this.#people = people;
		this.#store = store;
		this.#key = `whatmatters:together:${boardId}:${people.me.id}`;
		const kept = this.#read();
		this.on = kept?.on === true;
		this.talking = this.#valid(kept?.talking) ?? this.#first();
	}

	/** Whose words new things are: whoever is talking on a shared screen, else me. */
	get author(): string {
		return this.on ? this.#people.resolve(this.#valid(this.talking) ?? this.#people.me.id) : this.#people.me.id;
	}

	/** Turns the shared screen on (the person is talking first) or off. */
	setOn(on: boolean): void {
		this.on = on;
		if (on) this.talking = this.#first();
		this.#write();
	}

	/** Who is talking now. Ignored for anyone not on the plan. */
	setTalking(id: string): void {
		const valid = this.#valid(id);
		if (valid === null) return;
		this.talking = valid;
		this.#write();
	}

	#first(): string {
		return this.#people.everyone[0]?.id ?? this.#people.me.id;
	}

	// A kept choice of someone no longer on the plan is forgotten; THE_PERSON becomes the person once they join.
	#valid(id: unknown): string | null {
		if (typeof id !== 'string') return null;
		const resolved = this.#people.resolve(id);
		if (resolved === THE_PERSON && this.#people.person?.id !== THE_PERSON) return null;
		return this.#people.everyone.some((m) => m.id === resolved) ? resolved : null;
	}

	#read(): { on?: unknown; talking?: unknown } | null {
		const kept = readKept(this.#store, this.#key);
		return typeof kept === 'object' && kept !== null ? (kept as { on?: unknown; talking?: unknown }) : null;
	}

	#write(): void {
		keep(this.#store, this.#key, { on: this.on, talking: this.talking });
	}
}
