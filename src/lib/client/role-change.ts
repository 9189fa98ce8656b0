/**
 * What to tell someone whose role on a plan changed while they had it open, in plain words.
 * `lostChanges`: they could no longer write, and changes of theirs had not been shared yet.
 */
export type RoleChangeNotice = { kind: 'now-reader'; lostChanges: boolean } | { kind: 'now-writer' } | { kind: 'same-rights' };

export function roleChangeNotice(couldEdit: boolean, canEdit: boolean, unsynced: boolean): RoleChangeNotice {
	if (couldEdit && !canEdit) return { kind: 'now-reader', lostChanges: unsynced };
	if (!couldEdit && canEdit) return { kind: 'now-writer' };
	return { kind: 'same-rights' };
}
