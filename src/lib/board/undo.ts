/**
 * Undo and Redo of my own changes. A plain Y.UndoManager puts back every value a change
 * replaced, "last changed by" too: undoing my edit of someone else's item would then name them
 * as its last editor, which the server refuses from me. So each undo or redo is one transaction
 * that also stamps me as the last editor of the items it touched — what really happened.
 */
import * as Y from 'yjs';
import { getSectionMap } from './doc.js';
import { SECTION_KEYS, type SectionKey } from './section-keys.js';

/** What one undo or redo changed; null if there was nothing to do. */
export interface UndoResult {
	readonly sections: readonly SectionKey[];
}

/** The section a changed type belongs to (a section map, an item in it, or a text in an item). */
// Yjs types the changed types loosely (AbstractType<any>).
function sectionOf(doc: Y.Doc, type: Y.AbstractType<any>): SectionKey | null {
	let root: Y.AbstractType<any> = type;
	while (root._item !== null) root = root._item.parent as Y.AbstractType<any>;
	return SECTION_KEYS.find((key) => getSectionMap(doc, key) === root) ?? null;
}

function stampMe(transaction: Y.Transaction, doc: Y.Doc, by: string): SectionKey[] {
	const sections = new Set<SectionKey>();
	const now = Date.now();
	for (const [type, keys] of transaction.changed) {
		const section = sectionOf(doc, type);
		if (section) sections.add(section);
		const isItem = type instanceof Y.Map && type._item !== null && SECTION_KEYS.some((key) => type._item!.parent === getSectionMap(doc, key));
		if (!isItem || type._item!.deleted || !keys.has('updatedBy')) continue;
		if (type.get('updatedBy') === by) continue;
		type.set('updatedBy', by);
		type.set('updatedAt', now);
		// Whose words an earlier change was belongs to whoever typed it, not to this undo.
		if (type.has('updatedFor')) type.delete('updatedFor');
	}
	return [...sections];
}

function step(manager: Y.UndoManager, kind: 'undo' | 'redo', by: string): UndoResult | null {
	const doc = manager.doc;
	let result: UndoResult | null = null;
	try {
		// The manager's own origin: the whole step lands on the other stack, as a plain undo would.
		doc.transact((transaction) => {
			const popped = kind === 'undo' ? manager.undo() : manager.redo();
			if (!popped) return;
			// undo()/redo() have returned, but this transaction is still open: keep the manager
			// knowing which way it is going until the transaction ends.
			if (kind === 'undo') manager.undoing = true;
			else manager.redoing = true;
			result = { sections: stampMe(transaction, doc, by) };
		}, manager);
	} finally {
		manager.undoing = false;
		manager.redoing = false;
	}
	return result;
}

/** Undoes my last change (and stamps me as last editor of what it touched). */
export function undoMine(manager: Y.UndoManager, by: string): UndoResult | null {
	return step(manager, 'undo', by);
}

/** Redoes what I last undid. */
export function redoMine(manager: Y.UndoManager, by: string): UndoResult | null {
	return step(manager, 'redo', by);
}
