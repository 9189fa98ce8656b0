/** The plan as stored, as a FHIR R4 document (src/lib/fhir, docs/fhir.md). */
import type { Bundle } from '@medplum/fhirtypes';
import { SECTIONS, listItems } from '../../board/index.js';
import { planDocument } from '../../fhir/index.js';
import type { BoardAccess } from '../permissions.js';
import type { Storage } from '../storage.js';
import { idsNamedIn, planPeople } from './plan-people.js';
import { loadStoredPlan } from './stored-plan.js';

export async function fhirExport(storage: Storage, { board, membership }: BoardAccess, now = Date.now()): Promise<Bundle> {
	const stored = await loadStoredPlan(storage, board.id);
	try {
		const named = idsNamedIn(SECTIONS.flatMap((s) => listItems(stored.doc, s.key)));
		named.add(board.createdBy);
		const people = await planPeople(storage, board, membership, named);
		return planDocument({
			boardId: board.id,
			personName: board.personName,
			personId: board.ownerId,
			createdBy: board.createdBy,
			createdAt: board.createdAt,
			doc: stored.doc,
			seq: stored.seq,
			lastChangeAt: stored.lastChange?.at ?? null,
			people: people.people,
			nameOf: people.nameOf,
			now
		});
	} finally {
		stored.doc.destroy();
	}
}
