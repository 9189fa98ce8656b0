/**
 * What the UI needs to render the sections generically: titles, prompts, the label of each
 * item's main text and its extra fields. The words are plain; the person is "you" in questions
 * and "I" in what is theirs (titles, labels, the read view's lines).
 */
import { FIELDS, type FieldSpec } from './fields.js';
import type { BoardSectionKey, SectionKey } from './section-keys.js';

/** Display information for one section. */
export interface SectionInfo<S extends SectionKey = SectionKey> {
	readonly key: S;
	/** Heading, e.g. "What matters to me". */
	readonly title: string;
	/** Questions that start the conversation, asked of the person; the first is the main one. */
	readonly prompts: readonly string[];
	/** The section in the person's own voice, for the read view ("What I would like to change…"). */
	readonly voice: string;
	/** Label of each item's main text field. */
	readonly textLabel: string;
	/** Label of the box that adds an item. */
	readonly addLabel: string;
	/** The add button, e.g. "Add a goal". */
	readonly addButton: string;
	/** What to call one item in a sentence: "a goal", "a next step". */
	readonly oneItem: string;
	/** Extra fields of this section's items (may be empty). */
	readonly fields: Readonly<Record<string, FieldSpec>>;
}

type Words = Omit<SectionInfo, 'key' | 'fields'>;

function section<S extends SectionKey>(key: S, words: Words): SectionInfo<S> {
	return Object.freeze({ key, ...words, prompts: Object.freeze([...words.prompts]), fields: FIELDS[key] });
}

/** The ten sections of the board, in display order. */
export const SECTIONS: readonly SectionInfo<BoardSectionKey>[] = Object.freeze([
	section('today', {
		title: 'Our time today',
		prompts: ['What would you like to get out of our time together today?'],
		voice: 'What I want from our time together today.',
		textLabel: 'What I want from today',
		addLabel: 'Something you want from today',
		addButton: 'Add to today',
		oneItem: 'something to talk about today'
	}),
	section('matters', {
		title: 'What matters to me',
		prompts: ['What matters to you?'],
		voice: 'The things that matter most to me.',
		textLabel: 'What matters to me',
		addLabel: 'Something that matters to you',
		addButton: 'Add what matters',
		oneItem: 'something that matters'
	}),
	section('goodDay', {
		title: 'A good day / a hard day',
		prompts: ['What does a good day look like to you?', 'What could help you have more good days?'],
		voice: 'What good days and hard days are like for me, and what helps me have more good days.',
		textLabel: 'In my words',
		addLabel: 'Something about a good day or a hard day',
		addButton: 'Add about my days',
		oneItem: 'something about good and hard days'
	}),
	section('strengths', {
		title: 'My strengths',
		prompts: ['What do you already do that helps? What are you good at?'],
		voice: 'What I already do that helps, and what I am good at.',
		textLabel: 'My strength',
		addLabel: 'Something you do well',
		addButton: 'Add a strength',
		oneItem: 'a strength'
	}),
	section('people', {
		title: 'People who help me',
		prompts: ['Who helps you? Family, friends, peer support, services.'],
		voice: 'The people and services who help me.',
		textLabel: 'Who helps me',
		addLabel: 'Someone who helps you',
		addButton: 'Add someone',
		oneItem: 'someone who helps'
	}),
	section('obstacles', {
		title: 'Things that get in the way',
		prompts: ['What gets in the way? Things like housing, money, feeling lonely or stress.'],
		voice: 'What gets in the way for me, like housing, money, feeling lonely or stress.',
		textLabel: 'What gets in the way',
		addLabel: 'Something that gets in the way',
		addButton: 'Add what gets in the way',
		oneItem: 'something that gets in the way'
	}),
	section('goals', {
		title: 'My goals',
		prompts: ['What would you like to change or keep doing?'],
		voice: 'What I would like to change or keep doing, and what OK would look like for me.',
		textLabel: 'My goal, in my words',
		addLabel: 'A goal, in your words',
		addButton: 'Add a goal',
		oneItem: 'a goal'
	}),
	section('steps', {
		title: 'Next steps',
		prompts: ['What is one small step you could take first?'],
		voice: 'The small steps I will take first, who does each one and by when.',
		textLabel: 'The step',
		addLabel: 'A small step to take first',
		addButton: 'Add a step',
		oneItem: 'a next step'
	}),
	section('notes', {
		title: 'Notes between visits',
		prompts: ['How have things been since we last met?'],
		voice: 'How things have been since we last met.',
		textLabel: 'Note',
		addLabel: 'A note about how things have been',
		addButton: 'Add a note',
		oneItem: 'a note'
	}),
	section('contingency', {
		title: 'If things get difficult',
		prompts: ['What are the warning signs? What helps? Who can you call?'],
		voice: 'The signs that things are getting hard for me, what helps, and who to call.',
		textLabel: 'In my words',
		addLabel: 'A warning sign, something that helps, or someone to call',
		addButton: 'Add to my plan for hard times',
		oneItem: 'something for when things get difficult'
	})
]);

/** The plan's conversations: kept like a section, shown by the guide and the read view. */
export const VISITS_SECTION: SectionInfo<'visits'> = section('visits', {
	title: 'Our conversations',
	prompts: ['What did we agree?'],
	voice: 'When we met, who took part and what we agreed.',
	textLabel: 'What we agreed',
	addLabel: 'Start a conversation',
	addButton: 'Start the conversation',
	oneItem: 'a conversation'
});

const BY_KEY = new Map<SectionKey, SectionInfo>([...SECTIONS.map((s) => [s.key, s] as const), ['visits', VISITS_SECTION]]);

/** Display information for one section. */
export function getSection<S extends SectionKey>(key: S): SectionInfo<S> {
	return BY_KEY.get(key) as SectionInfo<S>;
}
