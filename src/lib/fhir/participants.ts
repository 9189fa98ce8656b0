/**
 * The people of a plan as FHIR resources: the person as Patient (their account, or THE_PERSON,
 * under which their words were kept before they joined), clinicians and peer advocates
 * (and anyone who wrote on the plan and has left it) as Practitioner, supporters as
 * RelatedPerson, and the members together as a CareTeam with their roles in words. Resources
 * are made only for people the document refers to, each once.
 */
import type { BundleEntry, CareTeam, Patient, Practitioner, Reference, RelatedPerson } from '@medplum/fhirtypes';
import { isThePerson } from '../board/index.js';
import type { Role } from '../roles.js';
import { urn, type PlanIds } from './ids.js';
import type { FhirPerson, FhirPlanInput } from './types.js';

/** How each role is named to another service: plain words, no invented codes (docs/fhir.md). */
const ROLE_TEXT: Record<Role, string> = {
	person: 'Person (the plan is theirs)',
	clinician: 'Clinician',
	peer_advocate: 'Peer advocate',
	supporter: 'Supporter (family or carer)'
};

type PersonResource = Patient | Practitioner | RelatedPerson;

export class Participants {
	readonly #input: FhirPlanInput;
	readonly #ids: PlanIds;
	readonly #byId: Map<string, FhirPerson>;
	readonly #made = new Map<string, BundleEntry<PersonResource>>();
	readonly patient: BundleEntry<Patient>;

	constructor(input: FhirPlanInput, ids: PlanIds) {
		this.#input = input;
		this.#ids = ids;
		this.#byId = new Map(input.people.map((p) => [p.id, p]));
		const patient: Patient = { resourceType: 'Patient', id: ids.patient, name: [{ text: input.personName }] };
		this.patient = { fullUrl: urn(ids.patient), resource: patient };
	}

	/** The reference to the Patient: the person, joined or not. */
	get patientRef(): Reference<Patient> {
		return { reference: urn(this.#ids.patient), type: 'Patient', display: this.#input.personName };
	}

	/** A reference to whoever `userId` is, making their resource the first time. */
	ref(userId: string): Reference<PersonResource> {
		if (isThePerson(userId, this.#input.personId)) return this.patientRef;
		const entry = this.#made.get(userId) ?? this.#make(userId);
		const resource = entry.resource!;
		return { reference: entry.fullUrl!, type: resource.resourceType, display: resource.name?.[0]?.text };
	}

	#make(userId: string): BundleEntry<PersonResource> {
		const id = this.#ids.user(userId);
		const known = this.#byId.get(userId);
		const name = [{ text: known?.name ?? this.#input.nameOf(userId) }];
		const resource: PersonResource =
			known?.role === 'supporter'
				? { resourceType: 'RelatedPerson', id, patient: this.patientRef, name, relationship: [{ text: ROLE_TEXT.supporter }] }
				: { resourceType: 'Practitioner', id, name };
		const entry = { fullUrl: urn(id), resource };
		this.#made.set(userId, entry);
		return entry;
	}

	/** The members of the plan now, with their roles, as one CareTeam. */
	careTeam(): BundleEntry<CareTeam> {
		const members = this.#input.people.filter((p) => p.role !== null);
		const resource: CareTeam = {
			resourceType: 'CareTeam',
			id: this.#ids.careTeam,
			status: 'active',
			name: `People on ${this.#input.personName}'s care and support plan`,
			subject: this.patientRef,
			participant: members.map((m) => ({
				role: [{ text: ROLE_TEXT[m.role!] }],
				member: this.ref(m.id),
				...(m.joinedAt !== null ? { period: { start: new Date(m.joinedAt).toISOString() } } : {})
			}))
		};
		if (resource.participant!.length === 0) delete resource.participant;
		return { fullUrl: urn(this.#ids.careTeam), resource };
	}

	/** Every Practitioner and RelatedPerson made so far, in the order they were first needed. */
	entries(): BundleEntry<PersonResource>[] {
		return [...this.#made.values()];
	}
}
