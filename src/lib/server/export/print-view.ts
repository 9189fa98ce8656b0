/**
 * What the print page shows: the plan as stored, read as text (src/lib/plan-text), with who is
 * on it (for readers who may see that) and how far the copy goes. Names, not "you": the paper
 * is read by other people, later.
 */
import { SECTIONS, listItems } from '../../board/index.js';
import { readConversations, readPlan, type ConversationReading, type SectionReading } from '../../plan-text/index.js';
import { ROLE_SHORT_LABELS } from '../../roles.js';
import { decide, type BoardAccess } from '../permissions.js';
import type { Storage } from '../storage.js';
import { idsNamedIn, planPeople } from './plan-people.js';
import { loadStoredPlan } from './stored-plan.js';

export interface PrintView {
	sections: SectionReading[];
	/** The plan's conversations, the one going on first, then newest first. */
	conversations: ConversationReading[];
	/** Everyone on the plan, "Pat Okafor: Person"; null for a reader who may not see who is on it. */
	people: { id: string; name: string; role: string }[] | null;
	/** When the copy's last change was saved, and by whom. */
	savedAt: number;
	savedBy: string | null;
	/** When the page was made: the printed date, in the reader's zone. */
	printedAt: number;
	may: { fhir: boolean; data: boolean };
}

export async function printView(storage: Storage, { board, membership }: BoardAccess, now = Date.now()): Promise<PrintView> {
	const stored = await loadStoredPlan(storage, board.id);
	try {
		const named = idsNamedIn([...SECTIONS.flatMap((s) => listItems(stored.doc, s.key)), ...listItems(stored.doc, 'visits')]);
		const by = stored.lastChange?.userId ?? null;
		if (by) named.add(by);
		const people = await planPeople(storage, board, membership, named);
		return {
			sections: readPlan(stored.doc, people.nameOf),
			conversations: readConversations(stored.doc, people.nameOf),
			people: people.complete
				? people.people.filter((p) => p.role !== null).map((p) => ({ id: p.id, name: p.name, role: ROLE_SHORT_LABELS[p.role!] }))
				: null,
			savedAt: stored.lastChange?.at ?? board.createdAt,
			savedBy: by && people.nameOf(by),
			printedAt: now,
			may: { fhir: decide(board, membership, 'exportFhir').ok, data: decide(board, membership, 'exportData').ok }
		};
	} finally {
		stored.doc.destroy();
	}
}
