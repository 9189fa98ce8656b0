/**
 * Per-section item fields, as data: the single source for input validation, reading,
 * validateBoardShape and generic UI rendering. Every item also has the base fields
 * (BASE_FIELDS) described in docs/board-schema.md.
 */
import { LIMITS } from './schema.js';
import type { SectionKey } from './section-keys.js';

/**
 * Fields every item has besides its section's own. `recordedBy` and `updatedFor` are present only
 * on a shared screen: who typed words recorded as the author's, and whose words the last change
 * was when that is not `updatedBy` (who made it). An item without them reads as "nobody else".
 */
export const BASE_FIELDS = ['id', 'order', 'author', 'recordedBy', 'createdAt', 'updatedAt', 'updatedBy', 'updatedFor', 'text'] as const;

/** One allowed value of an enum field, with a plain-language label for the UI. */
export interface EnumOption<V extends string = string> {
	readonly value: V;
	readonly label: string;
}

interface FieldBase {
	/** Plain-language label for a form control. */
	readonly label: string;
	/** Optional question shown as a hint. */
	readonly prompt?: string;
	/**
	 * A change of this field alone is not worth an entry in the plan's history (the guide's
	 * shared step moves many times in one conversation); it is still stored and restorable.
	 */
	readonly quiet?: boolean;
}

/** One of a fixed set of strings. */
export interface EnumFieldSpec extends FieldBase {
	readonly type: 'enum';
	readonly options: readonly EnumOption[];
	readonly nullable: boolean;
	/** Value used when addItem is not given one. */
	readonly default: string | null;
}
/** Integer 0–10 or null (motivational-interviewing ruler). */
export interface RulerFieldSpec extends FieldBase {
	readonly type: 'ruler';
}
/** Calendar date `yyyy-mm-dd`. Non-nullable dates default to today (local time). */
export interface DateFieldSpec extends FieldBase {
	readonly type: 'date';
	readonly nullable: boolean;
}
/** Short single-line string or null. */
export interface StringFieldSpec extends FieldBase {
	readonly type: 'string';
	readonly maxLength: number;
	readonly format?: 'phone';
}
/** A second collaborative text (Y.Text), like the item's main `text`. */
export interface TextFieldSpec extends FieldBase {
	readonly type: 'text';
}
/** A board member's user id, or null (not decided). */
export interface UserIdFieldSpec extends FieldBase {
	readonly type: 'userId';
}
/** A list of people on the plan (user ids, or THE_PERSON), without repeats. Default: empty. */
export interface MembersFieldSpec extends FieldBase {
	readonly type: 'members';
}
/** Id of an item in another section, or null. May dangle after a concurrent delete. */
export interface ItemRefFieldSpec extends FieldBase {
	readonly type: 'itemRef';
	readonly section: SectionKey;
}
/** Epoch ms set by the model (never by callers) when `field` becomes `value`. */
export interface StampFieldSpec extends FieldBase {
	readonly type: 'stamp';
	readonly when: { readonly field: string; readonly value: string };
}

export type FieldSpec =
	| EnumFieldSpec
	| RulerFieldSpec
	| DateFieldSpec
	| StringFieldSpec
	| TextFieldSpec
	| UserIdFieldSpec
	| MembersFieldSpec
	| ItemRefFieldSpec
	| StampFieldSpec;

export const GOOD_DAY_KINDS = [
	{ value: 'good_day', label: 'A good day' },
	{ value: 'hard_day', label: 'A hard day' },
	{ value: 'what_helps', label: 'What helps me have more good days' }
] as const;

export const OBSTACLE_AREAS = [
	{ value: 'housing', label: 'Housing' },
	{ value: 'money', label: 'Money' },
	{ value: 'loneliness', label: 'Feeling lonely' },
	{ value: 'stress', label: 'Stress' },
	{ value: 'health', label: 'Health' },
	{ value: 'work', label: 'Work' },
	{ value: 'other', label: 'Something else' }
] as const;

export const GOAL_STATUSES = [
	{ value: 'not_started', label: 'Not started yet' },
	{ value: 'working_on_it', label: 'Working on it' },
	{ value: 'achieved', label: 'Achieved' },
	{ value: 'changed_my_mind', label: 'Changed my mind' }
] as const;

export const STEP_STATUSES = [
	{ value: 'not_started', label: 'Not started' },
	{ value: 'doing', label: 'Doing it' },
	{ value: 'done', label: 'Done' },
	{ value: 'changed_my_mind', label: 'Changed my mind' }
] as const;

export const CONTINGENCY_KINDS = [
	{ value: 'warning_sign', label: 'Warning signs' },
	{ value: 'what_helps', label: 'What helps' },
	{ value: 'who_to_call', label: 'Who to call' }
] as const;

/**
 * The five steps of a good conversation, from the "what matters to you?" guidance: the shared
 * "we are on step N" of a conversation. What each step asks is in src/lib/copy/guide.ts.
 */
export const GUIDE_STEPS = [
	{ value: 'today', label: 'What you want from today' },
	{ value: 'explore', label: 'Talk it through' },
	{ value: 'matters', label: 'What matters and what OK looks like' },
	{ value: 'first_step', label: 'A first step' },
	{ value: 'follow_up', label: 'Follow up and celebrate' }
] as const;

export const VISIT_STATUSES = [
	{ value: 'in_progress', label: 'Going on now' },
	{ value: 'ended', label: 'Ended' }
] as const;

/** Extra fields of each section's items, beyond the base fields. */
export const FIELDS = {
	today: {
		// The conversation this is the agenda of; null: kept for the next conversation.
		visitId: { type: 'itemRef', label: 'Which conversation it is for', section: 'visits' }
	},
	matters: {},
	goodDay: {
		kind: { type: 'enum', label: 'This is about', options: GOOD_DAY_KINDS, nullable: false, default: 'good_day' }
	},
	strengths: {},
	people: {
		relationship: {
			type: 'string',
			label: 'Who they are to me and how they help',
			maxLength: LIMITS.maxShortString
		}
	},
	obstacles: {
		area: { type: 'enum', label: 'What it is about', options: OBSTACLE_AREAS, nullable: true, default: null }
	},
	goals: {
		okLooksLike: { type: 'text', label: 'What "OK" would look like', prompt: 'How would you know things are OK?' },
		importance: { type: 'ruler', label: 'How important is this to you?', prompt: '0 means not at all, 10 means very important.' },
		confidence: { type: 'ruler', label: 'How sure are you that you can do it?', prompt: '0 means not at all sure, 10 means very sure.' },
		status: { type: 'enum', label: 'How it is going', options: GOAL_STATUSES, nullable: false, default: 'not_started' },
		reviewDate: { type: 'date', label: 'When we will look at this again', nullable: true }
	},
	steps: {
		owner: { type: 'userId', label: 'Who does it' },
		dueDate: { type: 'date', label: 'By when', nullable: true },
		status: { type: 'enum', label: 'How it is going', options: STEP_STATUSES, nullable: false, default: 'not_started' },
		goalId: { type: 'itemRef', label: 'Which goal it helps with', section: 'goals' },
		doneAt: { type: 'stamp', label: 'Done on', when: { field: 'status', value: 'done' } }
	},
	notes: {
		date: { type: 'date', label: 'Date', nullable: false }
	},
	contingency: {
		kind: { type: 'enum', label: 'Put it under', options: CONTINGENCY_KINDS, nullable: false, default: 'warning_sign' },
		phone: { type: 'string', label: 'Phone number', maxLength: LIMITS.maxPhoneLength, format: 'phone' }
	},
	// A conversation: its text is what was agreed, written when it ends.
	visits: {
		date: { type: 'date', label: 'Date of the conversation', nullable: false },
		participants: { type: 'members', label: 'Who took part' },
		step: { type: 'enum', label: 'Step of the conversation', options: GUIDE_STEPS, nullable: false, default: 'today', quiet: true },
		status: { type: 'enum', label: 'Conversation', options: VISIT_STATUSES, nullable: false, default: 'in_progress' },
		endedAt: { type: 'stamp', label: 'Ended on', when: { field: 'status', value: 'ended' } }
	}
} as const satisfies Record<SectionKey, Readonly<Record<string, FieldSpec>>>;

type Fields = typeof FIELDS;
type OptionValue<F> = F extends { readonly options: readonly { readonly value: infer V }[] } ? V : never;

/** The stored/read value type of a field spec. */
export type FieldValue<F> = F extends { readonly type: 'enum'; readonly nullable: true }
	? OptionValue<F> | null
	: F extends { readonly type: 'enum' }
		? OptionValue<F>
		: F extends { readonly type: 'date'; readonly nullable: false }
			? string
			: F extends { readonly type: 'text' }
				? string
				: F extends { readonly type: 'ruler' | 'stamp' }
					? number | null
					: F extends { readonly type: 'members' }
						? readonly string[]
						: F extends { readonly type: 'date' | 'string' | 'userId' | 'itemRef' }
							? string | null
							: never;

/** Extra field values of one section's items (as read). */
export type SectionFieldValues<S extends SectionKey> = {
	-readonly [K in keyof Fields[S]]: FieldValue<Fields[S][K]>;
};

/** Names of fields a caller may write (stamps are set by the model). */
export type EditableFieldName<S extends SectionKey> = {
	[K in keyof Fields[S]]: Fields[S][K] extends { readonly type: 'stamp' } ? never : K;
}[keyof Fields[S]];

/** A partial update of one section's editable fields (plus the main `text`). */
export type ItemPatch<S extends SectionKey> = { text?: string } & {
	[K in EditableFieldName<S>]?: FieldValue<Fields[S][K]>;
};

/** Names of a section's Y.Text fields: always `text`, plus e.g. `okLooksLike` for goals. */
export type TextFieldName<S extends SectionKey> =
	| 'text'
	| { [K in keyof Fields[S]]: Fields[S][K] extends { readonly type: 'text' } ? K : never }[keyof Fields[S]];

export type GoodDayKind = (typeof GOOD_DAY_KINDS)[number]['value'];
export type ObstacleArea = (typeof OBSTACLE_AREAS)[number]['value'];
export type GoalStatus = (typeof GOAL_STATUSES)[number]['value'];
export type StepStatus = (typeof STEP_STATUSES)[number]['value'];
export type ContingencyKind = (typeof CONTINGENCY_KINDS)[number]['value'];
export type GuideStep = (typeof GUIDE_STEPS)[number]['value'];
export type VisitStatus = (typeof VISIT_STATUSES)[number]['value'];

const ENTRIES = new Map<string, ReadonlyArray<readonly [string, FieldSpec]>>(
	Object.entries(FIELDS).map(([key, specs]) => [key, Object.entries(specs as Readonly<Record<string, FieldSpec>>)])
);

/** The extra field specs of a section as `[name, spec]` entries, for generic code. */
export function fieldEntries(section: SectionKey): ReadonlyArray<readonly [string, FieldSpec]> {
	return ENTRIES.get(section) ?? [];
}

/** The spec of one extra field of a section, or undefined if the section has no such field. */
export function fieldSpec(section: SectionKey, name: string): FieldSpec | undefined {
	const specs = FIELDS[section] as Readonly<Record<string, FieldSpec>>;
	return Object.hasOwn(specs, name) ? specs[name] : undefined;
}
