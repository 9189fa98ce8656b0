import { compareVersions } from '$lib/board';
import { requireVersion } from '$lib/server/kit/versions';
import { services } from '$lib/server/services';
import { loadCurrent } from '$lib/server/versions';
import type { PageServerLoad } from './$types';

/** Before the whole plan is put back: what it will change. Only for those who may edit (403 otherwise). */
export const load: PageServerLoad = async (event) => {
	const access = await requireVersion(event, 'edit');
	const now = await loadCurrent(services().storage, access.board.id);
	try {
		const diff = compareVersions(access.version.doc, now);
		return {
			version: { seq: access.seq, at: access.version.entry.at },
			comingBack: diff.removed.length,
			goingAway: diff.added.length,
			changing: diff.changed.length
		};
	} finally {
		now.destroy();
		access.version.done();
	}
};
