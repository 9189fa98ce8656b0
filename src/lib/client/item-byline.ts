/**
 * Who wrote an item and who changed it last, for the line under it. The times are kept as
 * numbers so the component can show them in the reader's zone as `<time>`; see
 * src/lib/time/time-words.ts for the words.
 */
import type { ItemBase } from '$lib/board';
import type { MemberDirectory } from './members.js';
import { BYLINE } from '$lib/copy/board';
import { say } from '$lib/copy/say';

export interface Byline {
	/** "Written by Sam (Person)", "Your words, typed by Lee (Clinician)", "Words of Sam (Person), typed by you". */
	wrote: string;
	writtenAt: number;
	/**
	 * Shown when the item was changed after it was written; null otherwise. `said`: "changed by
	 * Lee (Clinician)", or on a shared screen "changed: your words, typed by Lee (Clinician)".
	 */
	changed: { by: string; at: number; said: string } | null;
}

/** A change within this long of writing, by whoever typed it, is part of writing it. */
const STILL_WRITING_MS = 60_000;

export function itemByline(
	item: Pick<ItemBase, 'author' | 'recordedBy' | 'createdAt' | 'updatedAt' | 'updatedBy'> & Partial<Pick<ItemBase, 'updatedFor'>>,
	people: Pick<MemberDirectory, 'describe' | 'isMe'>
): Byline {
	// Words recorded on a shared screen say both whose words they are and who typed them.
	const typedForSomeone = item.recordedBy !== null && item.recordedBy !== item.author;
	const typist = people.describe(item.recordedBy ?? item.author);
	const wrote = !typedForSomeone
		? say(BYLINE.writtenBy, { who: people.describe(item.author) })
		: people.isMe(item.author)
			? say(BYLINE.yourWordsTypedBy, { typist })
			: say(BYLINE.wordsOfTypedBy, { who: people.describe(item.author), typist });
	const typedBy = item.recordedBy ?? item.author;
	const later = item.updatedAt > item.createdAt;
	// Someone else's words typed in straight after are a change too, not more of the writing.
	const otherVoice = (item.updatedFor ?? null) !== null && item.updatedFor !== item.author;
	const changedApart = item.updatedAt - item.createdAt >= STILL_WRITING_MS || item.updatedBy !== typedBy || otherVoice;
	const changed = item.updatedBy && later && changedApart ? { by: people.describe(item.updatedBy), at: item.updatedAt, said: changedSaid(item, people) } : null;
	return { wrote, writtenAt: item.createdAt, changed };
}

/** Who made the last change and, when typed for someone on a shared screen, whose words it was. */
function changedSaid(item: Pick<ItemBase, 'updatedBy'> & Partial<Pick<ItemBase, 'updatedFor'>>, people: Pick<MemberDirectory, 'describe' | 'isMe'>): string {
	const typist = people.describe(item.updatedBy);
	const whose = item.updatedFor ?? null;
	if (whose === null || whose === item.updatedBy) return say(BYLINE.changedBy, { who: typist });
	return people.isMe(whose) ? say(BYLINE.changedYourWords, { typist }) : say(BYLINE.changedWordsOf, { who: people.describe(whose), typist });
}
