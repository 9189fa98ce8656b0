import { changedFields, compareVersions, getSection, type ItemView } from '$lib/board';
import { requireVersion, visibleMembers } from '$lib/server/kit/versions';
import { services } from '$lib/server/services';
import { loadCurrent } from '$lib/server/versions';
import { wordDiff, type WordPart } from '$lib/word-diff';
import type { PageServerLoad } from './$types';

const TEXT_FIELDS = new Set(['text', 'okLooksLike']);

/** One item as the comparison shows it. */
const brief = (item: ItemView) => ({ id: item.id, section: item.section, sectionTitle: getSection(item.section).title, text: item.text });

/** A past version against the plan now: items added since, removed since, and changed (words as a word diff). */
export const load: PageServerLoad = async (event) => {
	const access = await requireVersion(event, 'view');
	const now = await loadCurrent(services().storage, access.board.id);
	try {
		const diff = compareVersions(access.version.doc, now);
		const { members, complete } = await visibleMembers(access);
		return {
			version: { seq: access.seq, at: access.version.entry.at, by: access.version.entry.userId },
			added: diff.added.map(brief),
			removed: diff.removed.map(brief),
			changed: diff.changed.map(({ before, after }) => ({
				...brief(after),
				words: changedFields(before, after)
					.filter((name) => TEXT_FIELDS.has(name))
					.map((name) => ({
						name,
						parts: wordDiff(String((before as unknown as Record<string, unknown>)[name] ?? ''), String((after as unknown as Record<string, unknown>)[name] ?? '')) as WordPart[]
					})),
				before,
				after
			})),
			members,
			membersComplete: complete
		};
	} finally {
		now.destroy();
		access.version.done();
	}
};
