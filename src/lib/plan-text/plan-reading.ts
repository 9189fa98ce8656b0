/**
 * Reads a whole plan as text, through the board model: the ten sections in order, items in
 * their order, each with its words, its fields in words and who wrote it. Sections whose items
 * are of several kinds (a good day / a hard day, if things get difficult) are grouped by kind,
 * in the order the kinds are offered, so "Who to call" is found in one place.
 */
import type * as Y from 'yjs';
import { listItems, SECTIONS, type EnumOption, type ItemView, type SectionInfo, type SectionKey } from '../board/index.js';
import { itemByline } from '../client/item-byline.js';
import { itemFacts } from './fact-words.js';
import type { ItemGroup, ItemReading, NameOf, SectionReading } from './types.js';

/** The field a section's items are grouped by, where they are of several kinds. */
const GROUP_FIELD: Partial<Record<SectionKey, string>> = { goodDay: 'kind', contingency: 'kind' };

// Nobody is "you" on paper: the byline names everyone, whoever prints it.

/** One item as text. */
export function readItem(item: ItemView, info: SectionInfo, nameOf: NameOf, goals: readonly ItemView<'goals'>[]): ItemReading {
	const byline = itemByline(item, { describe: nameOf, isMe: () => false });
	const grouped = GROUP_FIELD[item.section];
	return {
		id: item.id,
		section: item.section,
		text: item.text,
		textLabel: info.textLabel,
		facts: itemFacts(item, nameOf, goals).filter((f) => f.name !== grouped),
		wrote: byline.wrote,
		writtenAt: byline.writtenAt,
		changed: byline.changed
	};
}

function groups(info: SectionInfo, items: readonly ItemView[], read: (item: ItemView) => ItemReading): ItemGroup[] {
	const field = GROUP_FIELD[info.key];
	const spec = field ? info.fields[field] : undefined;
	if (!field || !spec || spec.type !== 'enum') return [{ key: 'all', title: null, items: items.map(read) }];
	const options: readonly EnumOption[] = spec.options;
	const kindOf = (item: ItemView) => String((item as unknown as Record<string, unknown>)[field]);
	return options
		.map((option) => ({ key: option.value, title: option.label, items: items.filter((i) => kindOf(i) === option.value).map(read) }))
		.filter((group) => group.items.length > 0);
}

/** One section as text, from its items in order. */
export function readSection(info: SectionInfo, items: readonly ItemView[], nameOf: NameOf, goals: readonly ItemView<'goals'>[]): SectionReading {
	return {
		key: info.key,
		title: info.title,
		prompt: info.prompts[0] ?? '',
		count: items.length,
		groups: groups(info, items, (item) => readItem(item, info, nameOf, goals))
	};
}

/** Every section of the plan in its document, in the board's order. */
export function readPlan(doc: Y.Doc, nameOf: NameOf): SectionReading[] {
	const goals = listItems(doc, 'goals');
	return SECTIONS.map((info) => readSection(info, info.key === 'goals' ? goals : listItems(doc, info.key), nameOf, goals));
}
