/**
 * A text's length after an update: what the board has, plus what the update inserts, minus what
 * it deletes. Deletions are counted only when the quick sum is over the limit, so typing stays
 * cheap to check; counting them lets someone replace a long text in one go.
 */
import * as Y from 'yjs';
import type { DeleteSet } from './yjs-types.js';
import { LIMITS } from '../schema.js';
import { liveItemsDeletedBy, overlap } from './doc-ranges.js';
import type { UpdatePlaces } from './places.js';

function parseId(textId: string): Y.ID {
	const [client, clock] = textId.split(':').map(Number);
	return Y.createID(client, clock);
}

/** The Y.Text `textId` (the id of the struct that created it) names, if the board has it. */
function textInDoc(textId: string, places: UpdatePlaces): Y.Text | null {
	const creator = places.findInDoc(parseId(textId));
	return creator instanceof Y.Item && creator.content instanceof Y.ContentType && creator.content.type instanceof Y.Text
		? creator.content.type
		: null;
}

/** The length of the text `textId` once the update is applied, given `added` inserted characters. */
export function textLengthAfter(textId: string, added: number, places: UpdatePlaces, ds: DeleteSet, doc: Y.Doc): number {
	const text = textInDoc(textId, places);
	const before = text?.length ?? 0;
	if (before + added <= LIMITS.mergedTextLength) return before + added;
	let deleted = 0;
	if (text) {
		for (const { item, count } of liveItemsDeletedBy(ds, doc)) {
			if (item.parent === text && item.countable) deleted += count;
		}
	}
	// Words this update inserts and deletes again (an offline copy's typing and corrections).
	for (const [client, ranges] of ds.clients) {
		for (const { clock, len } of ranges) {
			for (const struct of places.structsIn(client, clock, len)) {
				if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentString) || places.isKnown(struct)) continue;
				const place = places.placeOf(struct);
				if (place.node.kind === 'text' && place.node.id === textId) deleted += overlap(struct, clock, len);
			}
		}
	}
	return before + added - deleted;
}
