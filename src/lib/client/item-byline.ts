/** "Written by …", "Words of …, typed by …", "Last changed by …": who an item's words belong to, in words. */
import type { ItemView } from '$lib/board';
import type { MemberDirectory } from './members';

export function itemByline(item: ItemView, people: MemberDirectory): string {
	const wrote =
		item.recordedBy && item.recordedBy !== item.author
			? `${item.author === people.me.id ? 'Your words' : `Words of ${people.describe(item.author)}`}, typed by ${people.describe(item.recordedBy)}.`
			: `Written by ${people.describe(item.author)}.`;
	if (!item.updatedBy || item.updatedBy === item.author) return wrote;
	if (item.updatedBy === item.recordedBy && item.updatedAt === item.createdAt) return wrote;
	return `${wrote} Last changed by ${people.describe(item.updatedBy)}.`;
}
