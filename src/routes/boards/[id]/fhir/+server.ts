import { FHIR_JSON } from '$lib/fhir';
import { fhirExport } from '$lib/server/export/fhir-export';
import { downloadHeaders } from '$lib/server/export/download';
import { makeCopy } from '$lib/server/kit/copies';
import { services } from '$lib/server/services';
import type { RequestHandler } from './$types';

/** The plan as stored, as a FHIR R4 document Bundle (docs/fhir.md), for another service's records. */
export const GET: RequestHandler = async (event) => {
	const { copy, access } = await makeCopy(event, 'exportFhir', 'fhir', (access) => fhirExport(services().storage, access));
	return new Response(JSON.stringify(copy), { headers: downloadHeaders(FHIR_JSON, access.board.personName, 'care-plan-fhir') });
};
