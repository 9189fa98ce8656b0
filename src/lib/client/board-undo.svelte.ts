/**
 * Undo and Redo of my own changes on this board. The manager follows this page's document,
 * which a reconnect keeps (the provider syncs into the same Y.Doc), so what I did before a
 * drop can still be undone after it. Changes from others arrive with the provider as origin
 * and are never undone.
 */
import type * as Y from 'yjs';
import { createUndoManager, getSection, redoMine, undoMine, type UndoResult } from '$lib/board';
import type { Announcer } from './announcer.svelte';
import { UNDO } from '$lib/copy/board';
import { say } from '$lib/copy/say';

const where = (result: UndoResult) =>
	result.sections.length === 1 ? say(UNDO.inSection, { title: getSection(result.sections[0]!).title }) : result.sections.length > 1 ? UNDO.inSeveral : '';

export class BoardUndo {
	canUndo = $state(false);
	canRedo = $state(false);

	readonly #manager: Y.UndoManager;
	readonly #me: string;
	readonly #say: Announcer;
	readonly #refresh = () => {
		this.canUndo = this.#manager.canUndo();
		this.canRedo = this.#manager.canRedo();
	};

	constructor(doc: Y.Doc, me: string, announcer: Announcer) {
		this.#manager = createUndoManager(doc);
		this.#me = me;
		this.#say = announcer;
		for (const event of ['stack-item-added', 'stack-item-popped', 'stack-cleared'] as const) this.#manager.on(event, this.#refresh);
	}

	/** Undoes my last change. @returns false if there was nothing of mine to undo. */
	undo(): boolean {
		const result = undoMine(this.#manager, this.#me);
		this.#refresh();
		this.#say.say(result ? say(UNDO.undone, { where: where(result) }) : UNDO.noUndo);
		return result !== null;
	}

	/** Does again what I last undid. */
	redo(): boolean {
		const result = redoMine(this.#manager, this.#me);
		this.#refresh();
		this.#say.say(result ? say(UNDO.redone, { where: where(result) }) : UNDO.noRedo);
		return result !== null;
	}

	destroy(): void {
		this.#manager.destroy();
	}
}
