import { dataExport } from '$lib/server/export/data-export';
import { downloadHeaders } from '$lib/server/export/download';
import { makeCopy } from '$lib/server/kit/copies';
import { services } from '$lib/server/services';
import type { RequestHandler } from './$types';

/** All of the plan's data in one file, for the person (docs/print-and-export.md, "All my data"). */
export const GET: RequestHandler = async (event) => {
	const { copy, access } = await makeCopy(event, 'exportData', 'data', (access) => dataExport(services().storage, access));
	return new Response(JSON.stringify(copy, null, 1), { headers: downloadHeaders('application/json; charset=utf-8', access.board.personName, 'all-my-data') });
};
