/** A care and support plan as a FHIR R4 document (docs/fhir.md). Pure: the board model only. */
export { planDocument, DOCUMENT_TYPE, FHIR_JSON } from './plan-document.js';
export { GOAL_LIFECYCLE, GOAL_ACHIEVEMENT, STEP_STATUS, CHANGED_MY_MIND } from './statuses.js';
export { planIds, nameUuid, urn } from './ids.js';
export { GOAL_WITHOUT_WORDS, OBSERVED_SECTIONS } from './plan-items.js';
export type { FhirPerson, FhirPlanInput } from './types.js';
