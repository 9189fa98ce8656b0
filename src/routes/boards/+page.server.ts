import { requireUser } from '$lib/server/kit/guards';
import { planChangeViews } from '$lib/server/plan-changes';
import { services } from '$lib/server/services';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const storage = services().storage;
	const plans = await storage.boards.listForUser(user.id);
	const changes = await planChangeViews(storage, user.id, plans);
	return {
		plans: plans.map(({ id, personName, role }) => {
			const change = changes.get(id);
			return { id, personName, role, lastAt: change?.lastAt ?? null, lastBy: change?.lastBy ?? null, isNew: change?.isNew ?? false };
		})
	};
};
