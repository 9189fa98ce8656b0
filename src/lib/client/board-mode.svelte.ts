/**
 * Read or edit: how this device shows the plan. Readers (supporters) always read. A writer's
 * choice is kept on the device per plan and account; before they choose, the person on a phone
 * reads (their plan, as words), and everyone else edits.
 */
import { deviceStore, keep, readKept, type KeptChoices } from './device-store';
import type { Member } from './members';

export type BoardModeName = 'read' | 'edit';

/** Where the person first reads: narrower than this (the design system's tablet break point). */
export const PHONE_QUERY = '(max-width: 40.0525em)';

export class BoardMode {
	mode = $state<BoardModeName>('edit');
	readonly #store: KeptChoices | null;
	readonly #key: string;
	readonly #canEdit: boolean;

	/** @param onPhone whether this screen is a phone's (read once, as the page opens). */
	constructor(boardId: string, me: Member, canEdit: boolean, onPhone: boolean, store: KeptChoices | null = deviceStore()) {
		this.#store = store;
		this.#canEdit = canEdit;
		this.#key = `whatmatters:mode:${boardId}:${me.id}`;
		const kept = readKept(store, this.#key);
		if (!canEdit) this.mode = 'read';
		else if (kept === 'read' || kept === 'edit') this.mode = kept;
		else this.mode = me.role === 'person' && onPhone ? 'read' : 'edit';
	}

	/** Can this device switch to editing at all? */
	get canEdit(): boolean {
		return this.#canEdit;
	}

	choose(mode: BoardModeName): void {
		if (mode === 'edit' && !this.#canEdit) return;
		this.mode = mode;
		keep(this.#store, this.#key, mode);
	}
}
