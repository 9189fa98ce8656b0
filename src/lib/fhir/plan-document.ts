/**
 * A care and support plan as a FHIR R4 document: a Bundle of type `document` whose first entry
 * is a Composition (the plan's sections, in order, each with its narrative, then its
 * conversations), then the Patient,
 * the CarePlan, the CareTeam, the Goals, the Observations, and the Practitioners and
 * RelatedPersons they refer to. Every reference is a `urn:uuid:` of an entry in the same
 * Bundle. Why a document, and every choice of mapping: docs/fhir.md.
 */
import type { Bundle, BundleEntry, CarePlan, Composition, Reference, Resource } from '@medplum/fhirtypes';
import { isThePerson, listItems, type ItemView } from '../board/index.js';
import { readConversations, readSection } from '../plan-text/index.js';
import { conversationNote, conversationsSection } from './conversations.js';
import { SECTIONS } from '../board/index.js';
import { exactWords } from '../time/time-words.js';
import { planIds, urn } from './ids.js';
import { el, narrative } from './narrative.js';
import { Participants } from './participants.js';
import { goalResource, itemObservation, noteAnnotation, OBSERVED_SECTIONS, stepActivity, type ObservedSection } from './plan-items.js';
import { documentSection } from './sections.js';
import type { FhirPlanInput } from './types.js';

const iso = (at: number) => new Date(at).toISOString();

/** LOINC's "Plan of care note": a real code for the kind of document this is. */
export const DOCUMENT_TYPE = { coding: [{ system: 'http://loinc.org', code: '18776-5', display: 'Plan of care note' }], text: 'Personalised care and support plan' };

/** The JSON media type of FHIR R4. */
export const FHIR_JSON = 'application/fhir+json; fhirVersion=4.0';

/** Builds the plan's FHIR document. */
export function planDocument(input: FhirPlanInput): Bundle {
	const ids = planIds(input.boardId);
	const people = new Participants(input, ids);
	const careTeam = people.careTeam();
	const hasPerson = input.personId !== null;
	const title = `${input.personName}'s care and support plan`;

	const items = Object.fromEntries(SECTIONS.map((s) => [s.key, listItems(input.doc, s.key)])) as { [K in (typeof SECTIONS)[number]['key']]: ItemView<K>[] };
	const goals = items.goals.map((goal) => goalResource(goal, ids, people));
	const goalIds = new Set(items.goals.map((g) => g.id));
	const observations = new Map(OBSERVED_SECTIONS.map((key) => [key, (items[key] as ItemView<ObservedSection>[]).map((item) => itemObservation(item, ids, people))]));
	const activities = items.steps.map((step) => stepActivity(step, goalIds, ids, people));
	const conversations = readConversations(input.doc, input.nameOf);
	// Notes between visits, then the conversations, oldest first (the reading lists them newest first).
	const notes = [...items.notes.map((note) => noteAnnotation(note, people)).filter((n) => n !== null), ...conversations.map((c) => conversationNote(c, people)).reverse()];

	// Who wrote the plan: the person, whose plan it is; until they join, whoever started it.
	const author = hasPerson ? people.patientRef : people.ref(input.createdBy);
	const writers = new Set(SECTIONS.flatMap((s) => items[s.key].flatMap((i: ItemView) => [i.author, i.recordedBy ?? i.author])));
	const isAuthor = (id: string) => (hasPerson ? isThePerson(id, input.personId) : id === input.createdBy);
	const contributors = [...writers].filter((id) => !isAuthor(id)).map((id) => people.ref(id));
	const carePlanRef: Reference<CarePlan> = { reference: urn(ids.carePlan), type: 'CarePlan', display: title };
	const carePlan: CarePlan = {
		resourceType: 'CarePlan',
		id: ids.carePlan,
		identifier: [{ system: 'urn:ietf:rfc:3986', value: urn(ids.plan) }],
		// Until the person has joined, the plan is being written for them, not yet with them.
		status: hasPerson ? 'active' : 'draft',
		intent: 'plan',
		title,
		subject: people.patientRef,
		period: { start: iso(input.createdAt) },
		created: iso(input.createdAt),
		author,
		...(contributors.length ? { contributor: contributors } : {}),
		careTeam: [{ reference: careTeam.fullUrl, type: 'CareTeam' }],
		...(goals.length ? { goal: goals.map((g) => ({ reference: g.fullUrl, type: 'Goal' })) } : {}),
		...(activities.length ? { activity: activities } : {}),
		...(notes.length ? { note: notes } : {})
	};
	const supporting = [...observations.values()].flat();
	if (supporting.length) carePlan.supportingInfo = supporting.map((o) => ({ reference: o.fullUrl, type: 'Observation' }));

	const refsFor = (key: string): Reference[] => {
		if (key === 'goals') return goals.map((g) => ({ reference: g.fullUrl, type: 'Goal' }));
		if (key === 'steps' || key === 'notes') return items[key].length ? [carePlanRef] : [];
		return (observations.get(key as ObservedSection) ?? []).map((o) => ({ reference: o.fullUrl, type: 'Observation' }));
	};
	const goalItems = items.goals;
	const sections = [
		...SECTIONS.map((info) => documentSection(readSection(info, items[info.key], input.nameOf, goalItems), refsFor(info.key))),
		conversationsSection(conversations, carePlanRef)
	];
	const changedAt = input.lastChangeAt ?? input.createdAt;
	const composition: Composition = {
		resourceType: 'Composition',
		id: ids.composition,
		identifier: { system: 'urn:ietf:rfc:3986', value: urn(ids.plan) },
		// A copy of the plan as it stands; until the person has joined, it is not yet theirs to agree.
		status: hasPerson ? 'final' : 'preliminary',
		type: DOCUMENT_TYPE,
		subject: people.patientRef,
		date: iso(changedAt),
		author: [author, ...contributors],
		title,
		text: narrative(el('p', `${title}, as it was on ${exactWords(changedAt, 'UTC')} (UTC), from WhatMatters.`)),
		section: sections
	};

	const entries: BundleEntry<Resource>[] = [
		{ fullUrl: urn(ids.composition), resource: composition },
		people.patient,
		{ fullUrl: urn(ids.carePlan), resource: carePlan },
		careTeam,
		...goals,
		...supporting,
		...people.entries()
	];
	return {
		resourceType: 'Bundle',
		identifier: { system: 'urn:ietf:rfc:3986', value: urn(ids.document(input.seq)) },
		type: 'document',
		timestamp: iso(input.now),
		entry: entries
	};
}
