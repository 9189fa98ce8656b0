/**
 * A cheap structural check of a whole board document, for the server to run after
 * applying a client's update: anything outside the schema is reported. Linear in the
 * number of items and text runs; stops after `maxProblems`.
 */
import * as Y from 'yjs';
import { getMetaMap, getSectionMap, sectionRootName } from './doc.js';
import { BASE_FIELDS, fieldEntries } from './fields.js';
import { isValidOrderKey } from './order.js';
import { LIMITS, META_ROOT, SCHEMA_VERSION } from './schema.js';
import { SECTION_KEYS, type SectionKey } from './section-keys.js';
import { checkFieldValue, checkId, checkTimestamp } from './values.js';

// A Y.Map must only hold keyed entries; live list content in it means a forged update.
function hasListContent(type: { readonly _start: Y.Item | null }): boolean {
	for (let n = type._start; n !== null; n = n.right) if (!n.deleted) return true;
	return false;
}

// Plain text only: no embeds, no formatting attributes, within the length cap.
function checkYText(value: unknown): string | null {
	if (!(value instanceof Y.Text) || value instanceof Y.XmlText) return 'is not a Y.Text';
	if (value.length > LIMITS.mergedTextLength) return `is longer than ${LIMITS.mergedTextLength} characters`;
	for (let n = value._start; n !== null; n = n.right) {
		if (!n.deleted && !(n.content instanceof Y.ContentString)) return 'holds something other than plain text';
	}
	if (value._map.size > 0) return 'has attributes';
	return null;
}

function checkItem(section: SectionKey, id: string, item: Y.Map<unknown>, report: (m: string) => void): void {
	const at = `${section}/${id}`;
	if (hasListContent(item)) report(`${at}: item has list content`);
	const specs = new Map(fieldEntries(section));
	for (const key of item.keys()) {
		if (!(BASE_FIELDS as readonly string[]).includes(key) && !specs.has(key)) report(`${at}: unknown field "${key}"`);
	}
	if (item.get('id') !== id) report(`${at}: "id" does not match its key`);
	if (!isValidOrderKey(item.get('order'))) report(`${at}: "order" is not a valid order key`);
	for (const f of ['author', 'updatedBy'] as const) if (checkId(item.get(f), f)) report(`${at}: "${f}" is not a user id`);
	for (const f of ['recordedBy', 'updatedFor'] as const) if (item.has(f) && checkId(item.get(f), f)) report(`${at}: "${f}" is not a user id`);
	for (const f of ['createdAt', 'updatedAt'] as const) if (checkTimestamp(item.get(f), f)) report(`${at}: "${f}" is not a time`);
	const text = checkYText(item.get('text'));
	if (text) report(`${at}: "text" ${text}`);
	for (const [name, spec] of specs) {
		if (!item.has(name)) continue; // absent reads as the default
		const value = item.get(name);
		if (spec.type === 'text') {
			const problem = checkYText(value);
			if (problem) report(`${at}: "${name}" ${problem}`);
		} else if (checkFieldValue(spec, value)) report(`${at}: "${name}" has a value outside the schema`);
	}
}

/**
 * Lists everything in `doc` that is outside the board schema: unknown top-level types,
 * a missing or newer schema version, non-map items, items missing id/order or with
 * fields of the wrong type, too many items, overlong or formatted text.
 * @returns problems in plain words; empty if the document is fine.
 */
export function validateBoardShape(doc: Y.Doc, maxProblems = 100): string[] {
	const problems: string[] = [];
	const report = (m: string) => {
		if (problems.length < maxProblems) problems.push(m);
	};
	const known = new Set<string>([META_ROOT, ...SECTION_KEYS.map(sectionRootName)]);
	for (const name of doc.share.keys()) if (!known.has(name)) report(`unknown top-level type "${name}"`);

	try {
		const meta = getMetaMap(doc);
		if (hasListContent(meta)) report('meta has list content');
		for (const key of meta.keys()) if (key !== 'schemaVersion') report(`meta: unknown key "${key}"`);
		const version = meta.get('schemaVersion');
		if (version === undefined) report('meta: schemaVersion is missing');
		else if (!Number.isSafeInteger(version) || (version as number) < 1) report('meta: schemaVersion is not a positive integer');
		else if ((version as number) > SCHEMA_VERSION) report(`meta: schemaVersion ${version} is newer than ${SCHEMA_VERSION}`);
	} catch {
		report('meta is not a map'); // defined as another type: getMap throws
	}

	for (const section of SECTION_KEYS) {
		if (problems.length >= maxProblems) break;
		let map: Y.Map<unknown>;
		try {
			map = getSectionMap(doc, section);
		} catch {
			report(`${sectionRootName(section)} is not a map`);
			continue;
		}
		if (hasListContent(map)) report(`${section}: section has list content`);
		if (map.size > LIMITS.mergedItemsPerSection) report(`${section}: more than ${LIMITS.mergedItemsPerSection} items`);
		for (const [id, item] of map.entries()) {
			if (problems.length >= maxProblems) break;
			if (item instanceof Y.Map) checkItem(section, id, item, report);
			else report(`${section}/${id}: item is not a Y.Map`);
		}
	}
	return problems;
}
