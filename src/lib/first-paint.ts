/** The plan's words as the server sends them with the board page (src/lib/server/board-first-paint.ts). */
import type { BoardSectionKey } from './board/index.js';

export interface FirstPaintItem {
	id: string;
	text: string;
}

/** Each section's items in order ("Our time today": the agenda of now, as the board shows it). */
export type BoardFirstPaint = Partial<Record<BoardSectionKey, FirstPaintItem[]>>;
