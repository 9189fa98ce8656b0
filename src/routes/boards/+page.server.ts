import { requireUser } from '$lib/server/kit/guards';
import { services } from '$lib/server/services';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const plans = await services().storage.boards.listForUser(user.id);
	return { plans: plans.map(({ id, personName, role }) => ({ id, personName, role })) };
};
