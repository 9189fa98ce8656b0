/** Busy editing for the crash tests, and the checks that nothing received was lost. */
import * as Y from 'yjs';
import { addItem, getItemText, listItems, type SectionKey } from '../../src/lib/board/index.js';

export const EDITED_SECTIONS: SectionKey[] = ['matters', 'strengths', 'notes'];

/** Edits as fast as a busy person: a new item or a keystroke every few milliseconds. Returns stop(). */
export function keepEditing(doc: Y.Doc, author: string, label: string, everyMs = 3): () => void {
	let n = 0;
	const timer = setInterval(() => {
		const section = EDITED_SECTIONS[n % EDITED_SECTIONS.length];
		const mine = listItems(doc, section).filter((i) => i.author === author);
		// Items stay well under a section's limit; mostly it is typing.
		if (n % 5 === 0 && mine.length < 100) addItem(doc, section, { author, text: `${label} ${n}` });
		else if (mine.length) getItemText(doc, section, mine[n % mine.length].id)?.insert(0, label.charAt(0));
		n++;
	}, everyMs);
	return () => clearInterval(timer);
}

/** What a client knew at one moment: its own Yjs client id and its state vector. */
export interface Knowledge {
	clientId: number;
	stateVector: Uint8Array;
}

export function knowledgeOf(doc: Y.Doc): Knowledge {
	return { clientId: doc.clientID, stateVector: Y.encodeStateVector(doc) };
}

/**
 * What a client had received from other Yjs clients that `stored` lacks, as "client: had >
 * stored" lines (empty when storage has everything). Updates of one Yjs client apply in order,
 * so a clock covers every change that client made up to it.
 */
export function receivedButNotStored({ clientId, stateVector }: Knowledge, stored: Y.Doc): string[] {
	const had = Y.decodeStateVector(stateVector);
	const kept = Y.decodeStateVector(Y.encodeStateVector(stored));
	const missing: string[] = [];
	for (const [client, clock] of had) {
		if (client === clientId) continue;
		if ((kept.get(client) ?? 0) < clock) missing.push(`${client}: had ${clock} > stored ${kept.get(client) ?? 0}`);
	}
	return missing;
}

export function sameState(a: Y.Doc, b: Y.Doc): boolean {
	return Buffer.from(Y.encodeStateVector(a)).equals(Buffer.from(Y.encodeStateVector(b)));
}
