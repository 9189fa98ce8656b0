import { error } from '@sveltejs/kit';
import { describeEntry } from '$lib/board/history';
import { SECTIONS } from '$lib/board';
import { catchUpInBackground } from '$lib/server/history';
import { historyPage } from '$lib/server/history-page';
import { historyNames } from '$lib/server/history-names';
import { historyQuery, readHistoryFilter } from '$lib/server/history-query';
import { requireBoard } from '$lib/server/kit/guards';
import { services } from '$lib/server/services';
import type { PageServerLoad } from './$types';

/** Entries per page: enough to read, few enough to open fast however long the history. */
const PAGE_SIZE = 50;

export const load: PageServerLoad = async (event) => {
	const { board, membership } = await requireBoard(event, 'view');
	const read = readHistoryFilter(event.url.searchParams);
	if (!read.ok) error(400, read.message);
	const { filter } = read;
	const storage = services().storage;
	const { rows, senders, complete } = await historyPage(storage, board.id, filter, PAGE_SIZE, catchUpInBackground(services().log));
	const entries = rows.slice(0, PAGE_SIZE);
	const names = await historyNames(storage, board, membership, [...senders, ...entries.flatMap((e) => [e.senderId, e.wordsOfId])]);
	const people = [...names.named].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
	if (filter.who && !names.named.has(filter.who)) error(400, 'That is not someone you can choose here. Choose a name from the list.');
	const olderHref = rows.length > PAGE_SIZE ? historyQuery({ ...filter, before: entries.at(-1)!.id }) : null;
	return {
		entries: entries.map((entry) => ({
			id: entry.id,
			kind: entry.kind,
			itemId: entry.itemId,
			firstSeq: entry.firstSeq,
			lastSeq: entry.lastSeq,
			at: entry.lastAt,
			...describeEntry(entry, names.nameOf)
		})),
		filter: { who: filter.who ?? '', section: filter.section ?? '', paged: complete && filter.before !== null },
		gathering: !complete,
		people,
		sections: SECTIONS.map((s) => ({ key: s.key, title: s.title })),
		olderHref,
		newestHref: complete && filter.before !== null ? historyQuery({ ...filter, before: null }) || '?' : null
	};
};
