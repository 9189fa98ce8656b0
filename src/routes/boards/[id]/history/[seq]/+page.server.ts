import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import type * as Y from 'yjs';
import { BoardInputError, compareVersions, findVersionItem, listItems, restoreItem, restorePlan, SECTION_KEYS, type ItemView, type SectionKey } from '$lib/board';
import { requireVersion, visibleMembers, type VersionAccess } from '$lib/server/kit/versions';
import { services } from '$lib/server/services';
import { loadCurrent } from '$lib/server/versions';
import type { Actions, PageServerLoad } from './$types';

/** The plan just after one stored change, read-only, with how each item differs from now. */
export const load: PageServerLoad = async (event) => {
	const access = await requireVersion(event, 'view');
	const { version } = access;
	const now = await loadCurrent(services().storage, access.board.id);
	try {
		const sections = Object.fromEntries(SECTION_KEYS.map((key) => [key, listItems(version.doc, key)])) as Record<SectionKey, ItemView[]>;
		const diff = compareVersions(version.doc, now);
		const { members, complete } = await visibleMembers(access);
		return {
			version: { seq: access.seq, at: version.entry.at, by: version.entry.userId },
			sections,
			removedNow: diff.removed.map((item) => item.id),
			changedNow: diff.changed.map((change) => change.after.id),
			members,
			membersComplete: complete
		};
	} finally {
		now.destroy();
		version.done();
	}
};

/** Applies a restore as `access.user`, through the sync path; answers like any failed form. */
async function applyRestore(access: VersionAccess, change: (doc: Y.Doc, isMember: (id: string) => boolean) => boolean) {
	const changes = services().boardChanges;
	if (!changes) error(503, 'Changes cannot be saved just now. Please try again in a minute.');
	const { all } = await visibleMembers(access);
	const onPlan = new Set(all.map((m) => m.userId));
	try {
		const outcome = await changes.apply(access.board.id, access.user.id, (doc) => change(doc, (id) => onPlan.has(id)));
		if (!outcome.ok) return fail(outcome.reason === 'failed' ? 503 : 409, { message: 'That could not be put back. Please try again.' });
		return null;
	} catch (problem) {
		if (problem instanceof BoardInputError) return fail(400, { message: problem.message });
		throw problem;
	}
}

async function withVersion<T>(event: RequestEvent, run: (access: VersionAccess) => Promise<T>): Promise<T> {
	// Who may restore is who may edit: a supporter gets 403 before anything is read.
	const access = await requireVersion(event, 'edit');
	try {
		return await run(access);
	} finally {
		access.version.done();
	}
}

export const actions: Actions = {
	/** Puts one item back as it was in this version (re-created if it was deleted since). */
	restoreItem: (event) =>
		withVersion(event, async (access) => {
			const form = await event.request.formData();
			const itemId = form.get('itemId');
			if (typeof itemId !== 'string' || itemId.length === 0 || itemId.length > 100) return fail(400, { message: 'Choose an item to put back.' });
			if (!findVersionItem(access.version.doc, itemId)) return fail(400, { message: 'That item is not in this version of the plan.' });
			const refused = await applyRestore(access, (doc, isMember) => restoreItem(doc, access.version.doc, itemId, access.user.id, { isMember }));
			if (refused) return refused;
			redirect(303, `/boards/${access.board.id}?restored=item#item-${itemId}`);
		}),
	/** Puts the whole plan back as it was in this version, once the confirmation page was seen. */
	restorePlan: (event) =>
		withVersion(event, async (access) => {
			const form = await event.request.formData();
			if (form.get('confirm') !== 'yes') redirect(303, `/boards/${access.board.id}/history/${access.seq}/restore`);
			const refused = await applyRestore(access, (doc, isMember) => restorePlan(doc, access.version.doc, access.user.id, { isMember }));
			if (refused) return refused;
			redirect(303, `/boards/${access.board.id}?restored=plan`);
		})
};
