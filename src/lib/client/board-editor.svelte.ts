/**
 * Everything a writer does to the board, through the model: add, change a field, move,
 * delete with undo, and keeping "last changed by" true while typing. On a shared screen what
 * is added or changed is recorded as the words of whoever is talking, typed by me. Errors never reach
 * the page as exceptions: they are kept per field, in the model's plain words, for the
 * component to show next to the control.
 */
import type * as Y from 'yjs';
import {
	addItem,
	BoardInputError,
	BoardVersionError,
	BOARD_ORIGIN,
	createUndoManager,
	deleteItem,
	endVisit,
	getSection,
	moveItem,
	setParticipants,
	setVisitStep,
	startVisit,
	touchItem,
	updateFields,
	type GuideStep,
	type ItemPatch,
	type SectionKey
} from '$lib/board';
import { excerpt, type Announcer } from './announcer.svelte';
import { BOARD } from '$lib/copy/board';
import { say } from '$lib/copy/say';

/** A deleted item that can still be put back from this page. */
export interface DeletedNote {
	readonly key: number;
	readonly section: SectionKey;
	readonly itemId: string;
	readonly preview: string;
	readonly undo: Y.UndoManager;
}

// "Last changed" is stamped at most this often per item while someone types: each stamp
// is a map write that the document keeps forever, and a keystroke-by-keystroke time
// tells nobody anything more.
const TOUCH_EVERY_MS = 5_000;
// Deleted items a section keeps an Undo for; older ones stay in the plan's history.
const UNDO_PER_SECTION = 5;

const fieldKey = (itemId: string, field: string) => `${itemId}:${field}`;
/** The error key of a section's "Add" form. */
export const addKey = (section: SectionKey) => `add:${section}`;
/** The error key of the guide and its conversation (start, step, who, end). */
export const CONVERSATION_KEY = 'conversation';

/** Whose words new things and changes are: me, or whoever is talking on a shared screen. */
export interface Talking {
	readonly author: string;
}

export class BoardEditor {
	/** Plain-language problems, keyed by `itemId:field` or `add:<section>`. */
	errors = $state<Record<string, string>>({});
	/** Recently deleted items, newest first. */
	deleted = $state.raw<DeletedNote[]>([]);

	readonly #doc: Y.Doc;
	readonly #me: string;
	readonly #say: Announcer;
	readonly #talking: Talking;
	#noteKey = 0;
	#touched = new Map<string, number>();
	/** Whose words each item's last stamp named: a new speaker is stamped at once. */
	#touchedFor = new Map<string, string>();
	#trailing = new Map<string, ReturnType<typeof setTimeout>>();
	#trailingSection = new Map<string, SectionKey>();

	constructor(doc: Y.Doc, me: string, announcer: Announcer, talking: Talking = { author: me }) {
		this.#doc = doc;
		this.#me = me;
		this.#say = announcer;
		this.#talking = talking;
	}

	/** Whose words new items and changes are: me, or who is talking now on a shared screen. */
	get speakingAs(): string {
		return this.#talking.author;
	}

	/** The problem to show next to one field of an item, if any. */
	errorFor(itemId: string, field: string): string | undefined {
		return this.errors[fieldKey(itemId, field)];
	}

	#attempt<T>(key: string, action: () => T): T | undefined {
		try {
			const result = action();
			if (key in this.errors) delete this.errors[key];
			return result;
		} catch (error) {
			let message: string;
			if (error instanceof BoardInputError) message = error.message;
			else if (error instanceof BoardVersionError) message = BOARD.updatedWriting;
			else {
				console.error(error);
				message = BOARD.notSaved;
			}
			// Shown where the person acted, even if the model names another input (say, the author).
			this.errors[key] = message;
			return undefined;
		}
	}

	/**
	 * Adds an item with these words (and any of its fields), credited to `speakingAs`.
	 * @returns the new item's id, or undefined if the model refused (the error is kept).
	 */
	add<S extends SectionKey>(section: S, text: string, fields: ItemPatch<S> = {} as ItemPatch<S>): string | undefined {
		const key = addKey(section);
		const id = this.#attempt(key, () => addItem(this.#doc, section, { ...fields, author: this.speakingAs, recordedBy: this.#me, text }));
		if (id) this.#say.say(say(BOARD.addedTo, { title: getSection(section).title }));
		return id;
	}

	/** Changes one field of an item, as the words of `speakingAs`. @returns true if the model took the value. */
	update<S extends SectionKey>(section: S, itemId: string, field: string, value: string | number | null): boolean {
		const key = fieldKey(itemId, field);
		const patch = { [field]: value } as ItemPatch<S>;
		return this.#attempt(key, () => updateFields(this.#doc, section, itemId, patch, this.#me, this.speakingAs)) !== undefined;
	}

	/**
	 * Moves an item one place among the items shown (`among`: when the section shows only some).
	 * @returns true if it moved.
	 */
	move(
		section: SectionKey,
		itemId: string,
		direction: 'up' | 'down',
		position: { index: number; count: number },
		among?: ReadonlySet<string>
	): boolean {
		const moved = this.#attempt(fieldKey(itemId, 'move'), () => moveItem(this.#doc, section, itemId, direction, among)) ?? false;
		if (moved) {
			const now = direction === 'up' ? position.index - 1 : position.index + 1;
			this.#say.say(say(direction === 'up' ? BOARD.movedUp : BOARD.movedDown, { n: now + 1, count: position.count }));
		}
		return moved;
	}

	/** Deletes an item and keeps an Undo for it. */
	remove(section: SectionKey, itemId: string, text: string): boolean {
		const undo = createUndoManager(this.#doc, 0);
		const done = this.#attempt(fieldKey(itemId, 'delete'), () => deleteItem(this.#doc, section, itemId)) ?? false;
		// This manager holds exactly this delete: stop it recording anything after it.
		undo.trackedOrigins.delete(BOARD_ORIGIN);
		undo.trackedOrigins.delete(null);
		if (!done || undo.undoStack.length === 0) {
			undo.destroy();
			return false;
		}
		const note: DeletedNote = { key: ++this.#noteKey, section, itemId, preview: excerpt(text), undo };
		const mine = this.deleted.filter((n) => n.section === section);
		const dropped = mine.slice(UNDO_PER_SECTION - 1);
		for (const old of dropped) old.undo.destroy();
		this.deleted = [note, ...this.deleted.filter((n) => !dropped.includes(n))];
		return true;
	}

	/** Puts a deleted item back where it was. @returns its id, or undefined if it could not. */
	undoDelete(note: DeletedNote): string | undefined {
		const restored = this.#attempt(addKey(note.section), () => note.undo.undo() !== null);
		this.dismiss(note);
		if (!restored) return undefined;
		this.#say.say(say(BOARD.putBack, { title: getSection(note.section).title }));
		return note.itemId;
	}

	/** Forgets an Undo (the item stays deleted). */
	dismiss(note: DeletedNote): void {
		note.undo.destroy();
		this.deleted = this.deleted.filter((n) => n !== note);
	}

	/**
	 * Stamps "last changed by me" (and whose words, on a shared screen) after typing into an
	 * item's text, at most every few seconds per item, with a last stamp after the typing stops.
	 * Called inside the typing transaction, so the first stamp travels in the same update as the
	 * words. When someone else starts talking, the first words they say are stamped at once, so
	 * they are never counted as the last speaker's.
	 */
	touch(section: SectionKey, itemId: string): void {
		const now = Date.now();
		const newSpeaker = this.#touchedFor.get(itemId) !== this.speakingAs;
		if (newSpeaker || now - (this.#touched.get(itemId) ?? 0) >= TOUCH_EVERY_MS) {
			this.#touched.set(itemId, now);
			this.#touchNow(section, itemId);
			return;
		}
		if (this.#trailing.has(itemId)) return;
		this.#trailingSection.set(itemId, section);
		this.#trailing.set(
			itemId,
			setTimeout(() => {
				this.#trailing.delete(itemId);
				this.#touched.set(itemId, Date.now());
				this.#touchNow(section, itemId);
			}, TOUCH_EVERY_MS)
		);
	}

	#touchNow(section: SectionKey, itemId: string) {
		this.#touchedFor.set(itemId, this.speakingAs);
		try {
			touchItem(this.#doc, section, itemId, this.#me, this.speakingAs);
		} catch {
			// A stamp that cannot be written (newer board version) is not worth an error of its own:
			// the words were already refused or kept, and that is what the person sees.
		}
	}

	/** Starts a conversation with these people, credited to `speakingAs`. @returns its id. */
	startVisit(participants: readonly string[]): string | undefined {
		return this.#attempt(CONVERSATION_KEY, () => startVisit(this.#doc, { author: this.speakingAs, recordedBy: this.#me, participants }));
	}

	/** Moves the conversation's shared step. @returns true if the model took it. */
	setStep(visitId: string, step: GuideStep): boolean {
		return this.#attempt(CONVERSATION_KEY, () => setVisitStep(this.#doc, visitId, step, this.#me)) === true;
	}

	/** Changes who takes part in a conversation. */
	setParticipants(visitId: string, participants: readonly string[]): boolean {
		return this.#attempt(CONVERSATION_KEY, () => setParticipants(this.#doc, visitId, participants, this.#me)) === true;
	}

	/** Ends a conversation with what was agreed, as the words of `speakingAs`. */
	endVisit(visitId: string, agreed: string): boolean {
		return this.#attempt(CONVERSATION_KEY, () => endVisit(this.#doc, visitId, agreed, this.#me, this.speakingAs)) === true;
	}

	/** Clears a field's error (when the person starts again). */
	clearError(itemId: string, field: string): void {
		delete this.errors[fieldKey(itemId, field)];
	}

	destroy(): void {
		// Write the last "changed by" stamps now: they still reach this device's copy.
		for (const [itemId, timer] of this.#trailing) {
			clearTimeout(timer);
			const section = this.#trailingSection.get(itemId);
			if (section) this.#touchNow(section, itemId);
		}
		this.#trailing.clear();
		for (const note of this.deleted) note.undo.destroy();
		this.deleted = [];
	}
}
