/**
 * Everything one open board page needs, wired together: the connection (document,
 * device copy, server), the reactive view, presence, the editor for writers, the live
 * region and the member names. The board component creates one on mount and destroys
 * it when the page is left.
 */
import { getItemText, getSection, type ItemView, type SectionKey, type TextFieldName } from '$lib/board';
import { BOARD } from '$lib/copy/board';
import { CONVERSATION } from '$lib/copy/conversation';
import { GUIDE, stepNumber, stepTitle } from '$lib/copy/guide';
import { say } from '$lib/copy/say';
import type * as Y from 'yjs';
import { Announcer, excerpt } from './announcer.svelte';
import { BoardConnection } from './board-connection.svelte';
import { BoardEditor } from './board-editor.svelte';
import { BoardUndo } from './board-undo.svelte';
import { BoardView } from './board-view.svelte';
import { MemberDirectory, type Member } from './members';
import { Presence } from './presence.svelte';
import { SharedScreen } from './shared-screen.svelte';

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export interface BoardSessionOptions {
	boardId: string;
	me: Member;
	members: readonly Member[];
	/** False when the member list was cut down for a reader who may not see everyone. */
	membersComplete: boolean;
	/** May I change the board? Readers get no editor and never write to the document. */
	canEdit: boolean;
	/** The person's name on the plan: their words can be recorded before they have an account. */
	personName: string;
	/** The document to start from: the stored plan the page came with, so the first sync carries only what changed since. */
	doc?: Y.Doc;
}

export class BoardSession {
	readonly connection: BoardConnection;
	readonly view: BoardView;
	readonly presence: Presence;
	readonly #editor: BoardEditor | null;
	readonly #undo: BoardUndo | null;
	readonly people: MemberDirectory;
	/** "Together on one screen" and who is talking now, kept on this device. */
	readonly shared: SharedScreen;
	readonly announcer = new Announcer();

	constructor(options: BoardSessionOptions) {
		this.people = new MemberDirectory(options.members, options.me, options.membersComplete, options.personName);
		this.shared = new SharedScreen(options.boardId, this.people);
		this.connection = new BoardConnection(options.boardId, options.doc);
		const connection = this.connection;
		this.view = new BoardView(
			connection.doc,
			{
				added: (section, items) => this.#announceAdded(section, items),
				done: (step) => this.announcer.say(say(BOARD.stepDoneSaid, { text: excerpt(step.text) || BOARD.aNextStep })),
				stepMoved: (visit) => this.#announceStep(visit),
				visitEnded: () => this.announcer.say(CONVERSATION.ended)
			},
			// Items arriving with the first load are not news.
			() => connection.synced && connection.localReady
		);
		this.presence = new Presence(connection.provider.awareness, options.me, {
			itemText: (section, itemId) => this.view.items(section).find((item) => item.id === itemId)?.text,
			announce: (text) => this.announcer.sayAside(text),
			settled: () => connection.status === 'live'
		});
		this.#editor = options.canEdit ? new BoardEditor(connection.doc, options.me.id, this.announcer, this.shared) : null;
		this.#undo = options.canEdit ? new BoardUndo(connection.doc, options.me.id, this.announcer) : null;
	}

	/**
	 * The editor, or null when this board must be read-only: I may not write, the server
	 * says I no longer have access, or the board is from a newer app version (typing goes
	 * straight into the text, past the model's version check, so it must be stopped here).
	 */
	get editor(): BoardEditor | null {
		if (this.connection.status === 'no-access' || this.connection.tooNew) return null;
		return this.#editor;
	}

	/** Undo and Redo of my own changes, when I may write now (see `editor`). */
	get undo(): BoardUndo | null {
		return this.editor ? this.#undo : null;
	}

	#announceAdded(section: SectionKey, items: readonly ItemView[]) {
		const title = getSection(section).title;
		const item = items[0]!;
		const who = this.people.describe(item.author);
		if (section === 'visits') return this.announcer.say(say(BOARD.visitStartedSaid, { who: capitalise(who) }));
		if (items.length > 1) return this.announcer.say(say(BOARD.manyNewSaid, { n: items.length, title }));
		this.announcer.say(say(BOARD.newSaid, { title, who, text: excerpt(item.text) || BOARD.noWordsYet }));
	}

	#announceStep(visit: ItemView<'visits'>) {
		const who = capitalise(this.people.describe(visit.updatedBy));
		this.announcer.say(say(GUIDE.moved, { who, n: stepNumber(visit.step), title: stepTitle(visit.step) }));
	}

	/** The live text of an item's field, for the textarea binding. */
	text<S extends SectionKey>(section: S, itemId: string, field: TextFieldName<S>): Y.Text | undefined {
		return getItemText(this.connection.doc, section, itemId, field);
	}

	destroy(): void {
		this.#editor?.destroy();
		this.#undo?.destroy();
		this.presence.destroy();
		this.view.destroy();
		this.announcer.destroy();
		this.connection.destroy();
	}
}
