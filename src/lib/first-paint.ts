/**
 * The plan as the server sends it with the board page (src/lib/server/board-first-paint.ts):
 * its stored state, compressed with the page. The page shows the plan's words from it before
 * the script has loaded, and the board starts from it, so the first sync with the server
 * carries only what changed since the page was made, not the whole plan again.
 */
import * as Y from 'yjs';
import { decodeBase64, encodeBase64 } from '@oslojs/encoding';
import { agendaOf, BOARD_SECTION_KEYS, currentVisit, listItems, type BoardSectionKey, type ItemView } from './board/index.js';

export interface FirstPaintItem {
	id: string;
	text: string;
}

/** Each section's items in order ("Our time today": the agenda of now, as the board shows it). */
export type BoardFirstPaint = Partial<Record<BoardSectionKey, FirstPaintItem[]>>;

/** The stored plan, for the page's data: a Yjs update (version 2, the more compact encoding) in base64. */
export function planForPage(doc: Y.Doc): string {
	return encodeBase64(Y.encodeStateAsUpdateV2(doc));
}

/**
 * The page's plan as a document to start the board from (and to read its words from); null if
 * the state cannot be read, and then the board loads the plan from the server alone.
 */
export function planDocFromPage(state: string): Y.Doc | null {
	const doc = new Y.Doc();
	try {
		Y.applyUpdateV2(doc, decodeBase64(state));
		return doc;
	} catch {
		doc.destroy();
		return null;
	}
}

/** The words each section shows, read from a plan's document. */
export function firstPaintOf(doc: Y.Doc): BoardFirstPaint {
	const visits = listItems(doc, 'visits');
	const shown: BoardFirstPaint = {};
	for (const key of BOARD_SECTION_KEYS) {
		const all = listItems(doc, key);
		const items = key === 'today' ? agendaOf(all as ItemView<'today'>[], currentVisit(visits)?.id ?? null, visits) : all;
		if (items.length > 0) shown[key] = items.map((item) => ({ id: item.id, text: item.text }));
	}
	return shown;
}
