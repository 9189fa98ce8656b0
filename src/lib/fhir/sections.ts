/**
 * The document's sections: one per section of the plan, in the plan's order, each with its
 * title, a narrative of every item (its words, its fields in words, who wrote it and when) and
 * references to the resources that carry its items.
 */
import type { CompositionSection, Reference } from '@medplum/fhirtypes';
import type { ItemReading, SectionReading } from '../plan-text/index.js';
import { factLine, utcDayWords } from '../plan-text/index.js';
import { el, narrative, type Markup } from './narrative.js';

function itemMarkup(item: ItemReading): Markup {
	const parts: Markup[] = [el('p', item.text === '' ? '(No words yet)' : item.text)];
	for (const fact of item.facts) parts.push(el('p', factLine(fact)));
	const changed = item.changed ? `; changed by ${item.changed.by} on ${utcDayWords(item.changed.at)}` : '';
	parts.push(el('p', `${item.wrote} on ${utcDayWords(item.writtenAt)}${changed}.`));
	return el('li', ...parts);
}

/** A section of the Composition from the plan's section read as text. */
export function documentSection(reading: SectionReading, entries: Reference[]): CompositionSection {
	const body: Markup[] = [];
	if (reading.count === 0) body.push(el('p', 'Nothing written here yet.'));
	for (const group of reading.groups) {
		if (group.title) body.push(el('p', el('b', group.title)));
		body.push(el('ul', ...group.items.map(itemMarkup)));
	}
	return {
		title: reading.title,
		text: narrative(...body),
		...(entries.length ? { entry: entries } : {})
	};
}
