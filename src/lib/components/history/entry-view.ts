/** One history entry as the history page shows it. */
export interface EntryView {
	id: number;
	kind: string;
	itemId: string;
	firstSeq: number;
	lastSeq: number;
	at: number;
	sentence: string;
	typedBy: string | null;
	before: string | null;
	after: string | null;
}
