/**
 * The board model: the only code that reads or writes a board's Y.Doc. Pure TypeScript
 * over yjs and fractional-indexing, shared by the browser and the server.
 * Layout and rules: docs/board-schema.md.
 */
export { SCHEMA_VERSION, BOARD_ORIGIN, STAMP_ORIGIN, LIMITS, THE_PERSON } from './schema.js';
export { accountOf, isThePerson } from './the-person.js';
export { BoardInputError, BoardVersionError } from './errors.js';
export { SECTION_KEYS, BOARD_SECTION_KEYS, isSectionKey, type SectionKey, type BoardSectionKey } from './section-keys.js';
export { SECTIONS, VISITS_SECTION, getSection, type SectionInfo } from './sections.js';
export {
	FIELDS,
	BASE_FIELDS,
	GOOD_DAY_KINDS,
	OBSTACLE_AREAS,
	GOAL_STATUSES,
	STEP_STATUSES,
	CONTINGENCY_KINDS,
	GUIDE_STEPS,
	VISIT_STATUSES,
	fieldEntries,
	fieldSpec,
	type FieldSpec,
	type EnumOption,
	type FieldValue,
	type SectionFieldValues,
	type EditableFieldName,
	type ItemPatch,
	type TextFieldName,
	type GoodDayKind,
	type ObstacleArea,
	type GoalStatus,
	type StepStatus,
	type ContingencyKind,
	type GuideStep,
	type VisitStatus
} from './fields.js';
export type { ItemBase, ItemView, AddItemInput } from './types.js';
export { initBoard, getSchemaVersion } from './doc.js';
export { listItems, getItem, getItemText } from './item-read.js';
export { addItem, updateFields, setText, touchItem, deleteItem } from './item-write.js';
export { moveItem, moveItemTo } from './item-move.js';
export {
	currentVisit,
	pastVisits,
	agendaOf,
	startVisit,
	setVisitStep,
	setParticipants,
	endVisit,
	neighbourStep,
	type Visit,
	type StartVisitInput
} from './visits.js';
export { observeBoard, createUndoManager, type BoardChange } from './observe.js';
export { validateBoardShape } from './validate-shape.js';
export { checkUpdate, type UpdateCheckContext, type UpdateRefusal, type UpdateWriter } from './update-check/check-update.js';
export { keepDeletedAttribution } from './update-check/former-attribution.js';
export { isIsoDate, todayIso, sameValue } from './values.js';
export { compareOrder } from './order.js';
export { replayVersion, encodeVersion, CHECKPOINT_EVERY, type LoggedUpdate, type ReplayInput } from './versions.js';
export { restoreItem, restorePlan, findVersionItem, type RestoreOptions } from './restore.js';
export { draftUpdate } from './draft.js';
export { compareVersions, changedFields, type ItemChange, type VersionComparison } from './compare.js';
export { undoMine, redoMine, type UndoResult } from './undo.js';
