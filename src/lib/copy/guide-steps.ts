/**
 * The five steps of a good conversation, from the "what matters to you?" guidance, in plain
 * words: what each step is for, the questions it asks, and the parts of the plan it fills.
 * Each step's title is the field table's label of it (stepTitle in guide.ts).
 */
import type { BoardSectionKey, GuideStep } from '$lib/board';

export interface GuideStepWords {
	readonly step: GuideStep;
	/** One or two short sentences: what this step is for. */
	readonly about: string;
	/** Questions to ask, in the person's "you". */
	readonly questions: readonly string[];
	/** Where the answers go, with what to do there. */
	readonly fills: readonly { readonly section: BoardSectionKey; readonly what: string }[];
}

export const GUIDE_STEP_WORDS: readonly GuideStepWords[] = [
	{
		step: 'today',
		about: 'You lead the talk. Start with what you want to get out of it.',
		questions: ['What would you like to get out of our time together today?', 'What would you like to talk about first?'],
		fills: [{ section: 'today', what: 'Write what you want from today' }]
	},
	{
		step: 'explore',
		about: 'Take time to talk and listen. Build on what you already know and do.',
		questions: [
			'What does a good day look like to you?',
			'What could help you have more good days?',
			'What do you already do that helps?',
			'Who helps you?',
			'What gets in the way?'
		],
		fills: [
			{ section: 'goodDay', what: 'Good days and hard days' },
			{ section: 'strengths', what: 'What you do well' },
			{ section: 'people', what: 'Who helps you' },
			{ section: 'obstacles', what: 'What gets in the way' }
		]
	},
	{
		step: 'matters',
		about: 'Find what matters most to you, and what OK would look like.',
		questions: [
			'What matters most to you?',
			'What would OK look like for you?',
			'How important is this to you?',
			'How sure are you that you can do it?'
		],
		fills: [
			{ section: 'matters', what: 'What matters to you' },
			{ section: 'goals', what: 'Your goals and what OK looks like' }
		]
	},
	{
		step: 'first_step',
		about: 'Choose one small step you can take first. Small is good.',
		questions: [
			'What do you plan to do?',
			'What ideas do you have?',
			'Shall we talk about your choices, and the good and bad points of each?',
			'What is one small step you could take first?'
		],
		fills: [{ section: 'steps', what: 'Your next steps, who does them and by when' }]
	},
	{
		step: 'follow_up',
		about: 'Look at how your steps went. Celebrate what went well, however small.',
		questions: [
			'How did your steps go?',
			'What went well, even a little?',
			'What got in the way? What could help next time?',
			'When shall we look at this again?'
		],
		fills: [
			{ section: 'steps', what: 'Mark steps done' },
			{ section: 'notes', what: 'Write a note' },
			{ section: 'goals', what: 'Choose a date to look at your goals again' }
		]
	}
];
