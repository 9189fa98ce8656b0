/** What the FHIR document of a plan is made from: plain data, read by the server from storage. */
import type * as Y from 'yjs';
import type { Role } from '../roles.js';

/** Someone the plan names: a member now (`role`), or someone no longer on it (`role` null). */
export interface FhirPerson {
	id: string;
	name: string;
	role: Role | null;
	joinedAt: number | null;
}

export interface FhirPlanInput {
	boardId: string;
	/** The person's name as the plan has it (their account name once they have joined). */
	personName: string;
	/** The person's user id; null while nobody has joined as the person. */
	personId: string | null;
	createdBy: string;
	createdAt: number;
	/** The plan as stored. */
	doc: Y.Doc;
	/** The last stored update it includes. */
	seq: number;
	/** When the plan last changed (null: never since it was made). */
	lastChangeAt: number | null;
	/** Everyone the plan names, members and former members. */
	people: readonly FhirPerson[];
	/** The words a person is called by in the narrative: "Pat Okafor (Person)". */
	nameOf(id: string): string;
	/** When the document is made (Bundle.timestamp). */
	now: number;
}
