/** Words of the live board that are not a section's own (those are in src/lib/board/sections.ts). */
export const BOARD = {
	// Said to screen readers as things happen.
	stepDoneSaid: 'Step done: {text}. Well done!',
	aNextStep: 'a next step',
	visitStartedSaid: '{who} started a conversation.',
	manyNewSaid: '{n} new items in {title}.',
	newSaid: 'New in {title}, written by {who}: {text}.',
	noWordsYet: 'no words yet',
	readOnly: 'You can read this plan. Only the person and the people who help write it can change it.',
	writeFirst: 'Write something first, then add it.',
	writtenAsWordsOf: 'This will be saved as the words of {name}.'
} as const;
