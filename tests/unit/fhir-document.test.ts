/**
 * The plan as a FHIR R4 document, on a full plan (every section and field, every role, steps
 * linked to goals, deleted items, words typed for the person): it validates against the R4
 * structure definitions with no errors, every reference resolves inside the Bundle, our
 * statuses map as docs/fhir.md says, and the person's words come out exactly.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Bundle, CarePlan, CareTeam, Composition, Goal, Observation, Resource } from '@medplum/fhirtypes';
import { initBoard, listItems, SECTIONS, STEP_STATUSES, THE_PERSON, updateFields, type GoalStatus, type StepStatus } from '../../src/lib/board/index.js';
import { planDocument, type FhirPerson, type FhirPlanInput } from '../../src/lib/fhir/index.js';
import { fhirErrors } from '../helpers/fhir-validate.js';
import { fullPlan, PEOPLE, TRICKY_WORDS } from '../helpers/full-plan.js';

const EVERYONE: FhirPerson[] = [
	{ id: PEOPLE.person, name: 'Pat Person', role: 'person', joinedAt: Date.UTC(2026, 0, 1) },
	{ id: PEOPLE.clinician, name: 'Cleo Clinician', role: 'clinician', joinedAt: Date.UTC(2026, 0, 2) },
	{ id: PEOPLE.advocate, name: 'Ade Advocate', role: 'peer_advocate', joinedAt: Date.UTC(2026, 0, 3) },
	{ id: PEOPLE.supporter, name: 'Sue Supporter', role: 'supporter', joinedAt: Date.UTC(2026, 0, 4) },
	{ id: PEOPLE.left, name: 'Lee Left', role: null, joinedAt: null }
];

function input(doc: Y.Doc, overrides: Partial<FhirPlanInput> = {}): FhirPlanInput {
	const people = overrides.people ?? EVERYONE;
	return {
		boardId: 'abcdefghijklmnopqrst',
		personName: 'Pat Person',
		personId: PEOPLE.person,
		createdBy: PEOPLE.person,
		createdAt: Date.UTC(2026, 0, 1, 9),
		doc,
		seq: 42,
		lastChangeAt: Date.UTC(2026, 4, 3, 14, 5),
		people,
		// As the server names people (plan-people.ts): THE_PERSON is the person.
		nameOf: (id) => (id === THE_PERSON ? (overrides.personName ?? 'Pat Person') : (people.find((p) => p.id === id)?.name ?? 'someone who has left the plan')),
		now: Date.UTC(2026, 4, 4, 10),
		...overrides
	};
}

const resources = (bundle: Bundle) => bundle.entry!.map((e) => e.resource!);
function only<T extends Resource>(bundle: Bundle, type: T['resourceType']): T[] {
	return resources(bundle).filter((r): r is T => r.resourceType === type);
}
const byFullUrl = (bundle: Bundle) => new Map(bundle.entry!.map((e) => [e.fullUrl!, e.resource!]));

/** Every Reference in a value, with where it is. */
function referencesIn(value: unknown, path = ''): { path: string; reference: string; type?: string }[] {
	if (Array.isArray(value)) return value.flatMap((v, i) => referencesIn(v, `${path}[${i}]`));
	if (!value || typeof value !== 'object') return [];
	const record = value as Record<string, unknown>;
	const own = typeof record.reference === 'string' ? [{ path, reference: record.reference, type: record.type as string | undefined }] : [];
	return [...own, ...Object.entries(record).flatMap(([k, v]) => (k === 'reference' ? [] : referencesIn(v, `${path}.${k}`)))];
}

describe('a full plan as a FHIR document', () => {
	const { doc, ids } = fullPlan();
	const bundle = planDocument(input(doc));
	const json = JSON.stringify(bundle);
	const carePlan = only<CarePlan>(bundle, 'CarePlan')[0]!;
	const goal = (itemId: string) => only<Goal>(bundle, 'Goal').find((g) => g.id === itemId)!;
	const observation = (itemId: string) => only<Observation>(bundle, 'Observation').find((o) => o.id === itemId)!;
	const resolve = (reference: string | undefined) => byFullUrl(bundle).get(reference!);

	it('validates against the FHIR R4 structure definitions with no errors', () => {
		expect(fhirErrors(bundle)).toEqual([]);
		// Each resource on its own too, as a service that stores them one by one would check them.
		for (const resource of resources(bundle)) expect(fhirErrors(resource), resource.resourceType).toEqual([]);
	});

	it('is a document: the Composition first, then every resource, each under its own urn:uuid', () => {
		expect(bundle.type).toBe('document');
		expect(bundle.identifier?.value).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
		expect(bundle.timestamp).toBe('2026-05-04T10:00:00.000Z');
		expect(bundle.entry![0]!.resource!.resourceType).toBe('Composition');
		const fullUrls = bundle.entry!.map((e) => e.fullUrl);
		expect(new Set(fullUrls).size).toBe(fullUrls.length);
		for (const entry of bundle.entry!) expect(entry.fullUrl).toBe(`urn:uuid:${entry.resource!.id}`);
	});

	it('resolves every reference inside the Bundle, to a resource of the type it names', () => {
		const found = referencesIn(bundle);
		expect(found.length).toBeGreaterThan(50);
		for (const ref of found) {
			const target = resolve(ref.reference);
			expect(target, `${ref.path} → ${ref.reference}`).toBeDefined();
			if (ref.type) expect(target!.resourceType, ref.path).toBe(ref.type);
		}
		// And nothing in the Bundle is left unreferenced but the Composition.
		const referenced = new Set(found.map((r) => r.reference));
		for (const entry of bundle.entry!.slice(1)) expect(referenced.has(entry.fullUrl!), entry.resource!.resourceType).toBe(true);
	});

	it('has one section per section of the plan, in its order, each with its narrative', () => {
		const composition = bundle.entry![0]!.resource as Composition;
		expect(composition.section!.map((s) => s.title)).toEqual([...SECTIONS.map((s) => s.title), 'Our conversations']);
		for (const section of composition.section!) expect(section.text?.div).toMatch(/^<div xmlns="http:\/\/www\.w3\.org\/1999\/xhtml">.+<\/div>$/s);
		expect(composition.status).toBe('final');
		expect(composition.date).toBe('2026-05-03T14:05:00.000Z');
		expect(resolve(composition.subject!.reference)!.resourceType).toBe('Patient');
		// Words typed for the person on a shared screen say so.
		expect(composition.section![1]!.text!.div).toContain('Words of Pat Person, typed by Cleo Clinician');
	});

	it('keeps the person’s words exactly: quotes, a newline, a tab, emoji and right-to-left text', () => {
		expect(goal(ids.goal!).description.text).toBe(TRICKY_WORDS);
		expect(goal(ids.goal!).target![0]!.detailString).toBe('I walk twice a week\nwithout feeling out of breath');
		// Through JSON and back, as a service reads it.
		const read = JSON.parse(json) as Bundle;
		expect((read.entry!.find((e) => e.resource!.id === ids.goal)!.resource as Goal).description.text).toBe(TRICKY_WORDS);
		// In the narrative it is escaped, so it can never become markup.
		const goals = (bundle.entry![0]!.resource as Composition).section![6]!.text!.div;
		expect(goals).toContain('Walk to &quot;the park&quot; &amp; back &lt;b&gt;<br/>مشي إلى الحديقة 🌳 שלום\twith Jo');
		expect(goals).not.toContain('back <b>');
	});

	it('carries a goal with its review date, what OK looks like, importance and confidence, and who it is from', () => {
		const g = goal(ids.goal!);
		expect(g.target).toEqual([{ measure: { text: 'What "OK" would look like' }, detailString: 'I walk twice a week\nwithout feeling out of breath', dueDate: '2026-06-30' }]);
		expect(g.note!.map((n) => n.text)).toEqual(['Importance: 9 out of 10 important to me', 'Confidence: 6 out of 10 sure I can do it']);
		expect(resolve(g.expressedBy!.reference)).toMatchObject({ resourceType: 'Patient', name: [{ text: 'Pat Person' }] });
		expect(resolve(g.subject.reference)!.resourceType).toBe('Patient');
		expect(carePlan.goal!.map((r) => resolve(r.reference)!.id)).toEqual([ids.goal, ids.achieved, ids.letGo, ids.notStarted, ids.beforeJoining]);
	});

	it('credits words typed for the person before they joined (kept under THE_PERSON) to the person, as Patient', () => {
		expect(resolve(goal(ids.beforeJoining!).expressedBy!.reference)).toMatchObject({ resourceType: 'Patient', name: [{ text: 'Pat Person' }] });
		const step = carePlan.activity![4]!.detail!;
		expect(step.description).toBe('Ring my friend Ali');
		expect(resolve(step.performer![0]!.reference)).toMatchObject({ resourceType: 'Patient', name: [{ text: 'Pat Person' }] });
		// Nobody in the document is "someone who has left the plan": every writer is known.
		expect(json).not.toContain('someone who has left the plan');
		expect(only(bundle, 'Patient')).toHaveLength(1);
	});

	it('maps goal statuses as documented', () => {
		const expected: [string, GoalStatus, string, string | undefined][] = [
			[ids.notStarted!, 'not_started', 'planned', undefined],
			[ids.goal!, 'working_on_it', 'active', 'in-progress'],
			[ids.achieved!, 'achieved', 'completed', 'achieved'],
			[ids.letGo!, 'changed_my_mind', 'cancelled', undefined]
		];
		for (const [id, ours, lifecycle, achievement] of expected) {
			expect(goal(id).lifecycleStatus, ours).toBe(lifecycle);
			expect(goal(id).achievementStatus?.coding?.[0]?.code, ours).toBe(achievement);
		}
		expect(goal(ids.letGo!).statusReason).toBe('Changed my mind');
	});

	it('maps step statuses as documented', () => {
		const detailOf = (stepId: string) => carePlan.activity![listItems(doc, 'steps').findIndex((s) => s.id === stepId)]!.detail!;
		const expected: [string, StepStatus, string][] = [
			[ids.freshStep!, 'not_started', 'not-started'],
			[ids.step!, 'doing', 'in-progress'],
			[ids.doneStep!, 'done', 'completed'],
			[ids.mindStep!, 'changed_my_mind', 'cancelled']
		];
		for (const [id, ours, fhir] of expected) {
			expect(listItems(doc, 'steps').find((s) => s.id === id)!.status, 'the fixture').toBe(ours);
			expect(detailOf(id).status, ours).toBe(fhir);
		}
		// Every status of ours is covered.
		expect(new Set(expected.map(([, ours]) => ours))).toEqual(new Set(STEP_STATUSES.map((s) => s.value)));
	});

	it('makes each next step an activity with its status, who does it, by when and its goal', () => {
		const activities = carePlan.activity!.map((a) => a.detail!);
		expect(activities.map((a) => a.description)).toEqual([
			'Ask the council about the damp',
			'Book a walking group',
			'Buy trainers',
			'Call Jo on Sunday',
			'Ring my friend Ali',
			'Step of a deleted goal'
		]);
		const [step, done, mind, fresh, , orphan] = activities;
		expect(step!.scheduledPeriod).toEqual({ end: '2026-05-20' });
		expect(resolve(step!.goal![0]!.reference)!.id).toBe(ids.goal);
		expect(resolve(step!.performer![0]!.reference)!.resourceType).toBe('Patient');
		expect(resolve(done!.performer![0]!.reference)).toMatchObject({ resourceType: 'Practitioner', name: [{ text: 'Cleo Clinician' }] });
		expect(carePlan.activity![1]!.progress![0]!.text).toBe('Done');
		// Someone who has left the plan is still named as who was to do it.
		expect(resolve(mind!.performer![0]!.reference)).toMatchObject({ resourceType: 'Practitioner', name: [{ text: 'Lee Left' }] });
		expect(mind!.statusReason).toEqual({ text: 'Changed my mind' });
		expect(fresh!.performer).toBeUndefined();
		// The goal it pointed at was deleted: no link, and no dangling reference.
		expect(orphan!.goal).toBeUndefined();
	});

	it('carries each conversation as a note of the plan and a section of the document: its day, who took part, what we wanted and what we agreed', () => {
		const [, ended, open] = carePlan.note!;
		expect(ended).toMatchObject({
			time: '2026-05-01',
			text: 'Conversation of 1 May 2026.\nTaking part: Pat Person, Cleo Clinician\nWhat we agreed: Pat will ring the council by Friday.\nWe meet again in June.'
		});
		expect(resolve(ended!.authorReference!.reference)).toMatchObject({ resourceType: 'Practitioner', name: [{ text: 'Cleo Clinician' }] });
		expect(open).toMatchObject({ time: '2026-05-03', text: expect.stringContaining('This conversation was not ended.') });
		expect(resolve(open!.authorReference!.reference)!.resourceType).toBe('Patient');
		const section = (bundle.entry![0]!.resource as Composition).section!.at(-1)!;
		expect(section.title).toBe('Our conversations');
		expect(section.entry!.map((r) => resolve(r.reference)!.resourceType)).toEqual(['CarePlan']);
		expect(section.text!.div).toContain('<b>Conversation of 1 May 2026</b>');
		expect(section.text!.div).toContain('What we wanted from it:</p><ul><li>Talk about sleep</li></ul>');
		expect(section.text!.div).toContain('What we agreed: Pat will ring the council by Friday.<br/>We meet again in June.');
		// No Encounter: FHIR would want a coded kind of encounter the plan does not know.
		expect(only(bundle, 'Encounter')).toEqual([]);
	});

	it('carries notes between visits as notes of the plan, with their day and who wrote them', () => {
		expect(carePlan.note).toHaveLength(3);
		expect(carePlan.note![0]).toMatchObject({ time: '2026-05-02', text: 'Pat went to the walking group' });
		expect(resolve(carePlan.note![0]!.authorReference!.reference)).toMatchObject({ name: [{ text: 'Ade Advocate' }] });
	});

	it('carries every other section as Observations in words, without made-up codes', () => {
		for (const observed of only<Observation>(bundle, 'Observation')) {
			expect(observed.code.coding).toBeUndefined();
			expect(observed.category?.every((c) => c.coding === undefined) ?? true).toBe(true);
		}
		expect(observation(ids.matters!)).toMatchObject({ code: { text: 'What matters to me' }, valueString: 'Seeing my grandchildren' });
		expect(observation(ids.hardDay!)).toMatchObject({ code: { text: 'A good day / a hard day' }, category: [{ text: 'A hard day' }] });
		expect(observation(ids.people!).component).toEqual([{ code: { text: 'Who they are to me and how they help' }, valueString: 'My sister, she drives me to appointments' }]);
		expect(observation(ids.obstacle!).category).toEqual([{ text: 'Housing' }]);
		expect(observation(ids.call!)).toMatchObject({ code: { text: 'If things get difficult' }, category: [{ text: 'Who to call' }], valueString: 'My sister Jo' });
		expect(observation(ids.call!).component).toEqual([{ code: { text: 'Phone number' }, valueString: '+44 7700 900123' }]);
		expect(observation(ids.today!).code.text).toBe('Our time today');
		expect(resolve(observation(ids.obstacle!).performer![0]!.reference)).toMatchObject({ name: [{ text: 'Cleo Clinician' }] });
		expect(carePlan.supportingInfo!.map((r) => resolve(r.reference)!.id).sort()).toEqual(only<Observation>(bundle, 'Observation').map((o) => o.id).sort());
	});

	it('names every role: the person as Patient, helpers as Practitioner, supporters as RelatedPerson, all in the CareTeam', () => {
		const team = only<CareTeam>(bundle, 'CareTeam')[0]!;
		const members = team.participant!.map((p) => ({ role: p.role![0]!.text, resource: resolve(p.member!.reference)!, start: p.period?.start }));
		expect(members.map((m) => [m.role, m.resource.resourceType, (m.resource as { name: { text: string }[] }).name[0]!.text])).toEqual([
			['Person (the plan is theirs)', 'Patient', 'Pat Person'],
			['Clinician', 'Practitioner', 'Cleo Clinician'],
			['Peer advocate', 'Practitioner', 'Ade Advocate'],
			['Supporter (family or carer)', 'RelatedPerson', 'Sue Supporter']
		]);
		expect(members[1]!.start).toBe('2026-01-02T00:00:00.000Z');
		// Lee has left: named where their words are, not in the team.
		expect(members.some((m) => JSON.stringify(m.resource).includes('Lee Left'))).toBe(false);
		expect(carePlan).toMatchObject({ status: 'active', intent: 'plan', title: "Pat Person's care and support plan", created: '2026-01-01T09:00:00.000Z', period: { start: '2026-01-01T09:00:00.000Z' } });
		expect(resolve(carePlan.author!.reference)!.resourceType).toBe('Patient');
		expect(carePlan.contributor!.map((r) => (resolve(r.reference) as { name: { text: string }[] }).name[0]!.text).sort()).toEqual(['Ade Advocate', 'Cleo Clinician', 'Lee Left']);
		expect(resolve(carePlan.careTeam![0]!.reference)!.resourceType).toBe('CareTeam');
	});

	it('leaves deleted items out', () => {
		expect(json).not.toContain('Deleted words');
		expect(json).not.toContain('A goal deleted later');
	});

	it('gives the same ids for the same plan, and a new document id when the plan has changed', () => {
		const again = planDocument(input(doc));
		expect(again.entry!.map((e) => e.fullUrl)).toEqual(bundle.entry!.map((e) => e.fullUrl));
		expect(again.identifier).toEqual(bundle.identifier);
		expect(planDocument(input(doc, { seq: 43 })).identifier).not.toEqual(bundle.identifier);
	});
});

describe('plans that are not full', () => {
	it('exports a plan nobody has joined as the person yet: a draft, written by whoever started it', () => {
		const { doc, ids } = fullPlan();
		const helpers = EVERYONE.filter((p) => p.role !== 'person');
		const bundle = planDocument(input(doc, { personId: null, personName: 'Sam (not joined)', createdBy: PEOPLE.clinician, people: helpers }));
		expect(fhirErrors(bundle)).toEqual([]);
		const patient = only(bundle, 'Patient');
		expect(patient).toEqual([expect.objectContaining({ name: [{ text: 'Sam (not joined)' }] })]);
		const carePlan = only<CarePlan>(bundle, 'CarePlan')[0]!;
		expect(carePlan.status).toBe('draft');
		expect((bundle.entry![0]!.resource as Composition).status).toBe('preliminary');
		expect(byFullUrl(bundle).get(carePlan.author!.reference!)).toMatchObject({ resourceType: 'Practitioner', name: [{ text: 'Cleo Clinician' }] });
		// Words kept under THE_PERSON before the person joined are theirs: the Patient's, not a stranger's.
		const goal = only<Goal>(bundle, 'Goal').find((g) => g.id === ids.beforeJoining)!;
		expect(byFullUrl(bundle).get(goal.expressedBy!.reference!)).toMatchObject({ resourceType: 'Patient', name: [{ text: 'Sam (not joined)' }] });
		const step = carePlan.activity!.find((a) => a.detail!.description === 'Ring my friend Ali')!.detail!;
		expect(byFullUrl(bundle).get(step.performer![0]!.reference!)!.resourceType).toBe('Patient');
		expect(carePlan.contributor!.map((r) => r.type)).toContain('Patient');
		const team = only<CareTeam>(bundle, 'CareTeam')[0]!;
		expect(team.participant!.map((p) => p.role![0]!.text)).toEqual(['Clinician', 'Peer advocate', 'Supporter (family or carer)']);
		for (const ref of referencesIn(bundle)) expect(byFullUrl(bundle).has(ref.reference), ref.path).toBe(true);
	});

	it('exports an empty plan: every section says nothing is written yet', () => {
		const doc = new Y.Doc();
		initBoard(doc);
		const bundle = planDocument(input(doc, { lastChangeAt: null }));
		expect(fhirErrors(bundle)).toEqual([]);
		const composition = bundle.entry![0]!.resource as Composition;
		expect(composition.section).toHaveLength(11);
		for (const section of composition.section!.slice(0, 10)) expect(section.text!.div).toContain('Nothing written here yet.');
		expect(composition.section![10]!.text!.div).toContain('There are no conversations yet.');
		expect(composition.section![10]!.entry).toBeUndefined();
		expect(composition.date).toBe('2026-01-01T09:00:00.000Z');
	});

	it('exports items with no words yet without empty strings, which FHIR does not allow', () => {
		const { doc, ids } = fullPlan();
		updateFields(doc, 'goals', ids.goal!, { text: '', okLooksLike: '' }, PEOPLE.person);
		updateFields(doc, 'notes', ids.note!, { text: '' }, PEOPLE.advocate);
		updateFields(doc, 'contingency', ids.call!, { text: '' }, PEOPLE.person);
		const bundle = planDocument(input(doc));
		expect(fhirErrors(bundle)).toEqual([]);
		expect(JSON.stringify(bundle)).not.toMatch(/:""/);
		expect(only<Goal>(bundle, 'Goal')[0]!.description.text).toBe('(A goal with no words written yet)');
		// The phone number of "who to call" is still there without words.
		expect(only<Observation>(bundle, 'Observation').find((o) => o.id === ids.call)!.component![0]!.valueString).toBe('+44 7700 900123');
	});
});

describe('the validation itself', () => {
	// A check that cannot fail proves nothing: these are the mistakes it must catch.
	const bundle = planDocument(input(fullPlan().doc));
	const broken = (change: (copy: Bundle) => void) => {
		const copy = structuredClone(bundle);
		change(copy);
		return fhirErrors(copy);
	};
	const carePlanOf = (b: Bundle) => b.entry!.find((e) => e.resource!.resourceType === 'CarePlan')!.resource as CarePlan;

	it('catches a status outside its required value set', () => {
		expect(broken((b) => (carePlanOf(b).activity![0]!.detail!.status = 'doing' as never))).not.toEqual([]);
		expect(broken((b) => (carePlanOf(b).status = 'open' as never))).not.toEqual([]);
	});

	it('catches a missing required element, an unknown element and a bad date', () => {
		expect(broken((b) => delete (carePlanOf(b) as Partial<CarePlan>).subject)).not.toEqual([]);
		expect(broken((b) => Object.assign(carePlanOf(b), { importance: 9 }))).not.toEqual([]);
		expect(broken((b) => (carePlanOf(b).activity![0]!.detail!.scheduledPeriod = { end: '20 May 2026' }))).not.toEqual([]);
	});

	it('catches a reference to nothing in the Bundle, and one to a type its element does not allow', () => {
		expect(broken((b) => (carePlanOf(b).subject = { reference: 'urn:uuid:00000000-0000-4000-8000-000000000000' }))).not.toEqual([]);
		const careTeamUrl = (b: Bundle) => b.entry!.find((e) => e.resource!.resourceType === 'CareTeam')!.fullUrl!;
		expect(broken((b) => (carePlanOf(b).subject = { reference: careTeamUrl(b) }))).toEqual([expect.stringContaining('CarePlan.subject: may not point at a CareTeam')]);
	});

	it('catches a document without its identifier', () => {
		expect(broken((b) => delete b.identifier)).not.toEqual([]);
	});
});
