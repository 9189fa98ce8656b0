import { printView } from '$lib/server/export/print-view';
import { makeCopy } from '$lib/server/kit/copies';
import { services } from '$lib/server/services';
import type { PageServerLoad } from './$types';

/**
 * "My plan" to print or save as PDF: anyone who may read the plan. Opening it is logged in the
 * person's access log as a printed copy (the page exists to be printed); the larger-print choice
 * is made in the browser, so it does not open it, or log it, again.
 */
export const load: PageServerLoad = async (event) => {
	const { copy } = await makeCopy(event, 'print', 'print', (access) => printView(services().storage, access));
	return copy;
};
