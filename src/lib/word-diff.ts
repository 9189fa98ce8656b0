/** Word-by-word differences between two texts, for showing what changed (uses the `diff` library). */
import { diffWordsWithSpace } from 'diff';

export interface WordPart {
	readonly kind: 'same' | 'added' | 'removed';
	readonly text: string;
}

/** The parts of `after` and `before` in reading order, each kept, added or removed. */
export function wordDiff(before: string, after: string): WordPart[] {
	return diffWordsWithSpace(before, after).map((change) => ({
		kind: change.added ? 'added' : change.removed ? 'removed' : 'same',
		text: change.value
	}));
}
