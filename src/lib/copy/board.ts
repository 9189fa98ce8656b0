/** Words of the live board that are not a section's own (those are in src/lib/board/sections.ts). */

/** What happens to my changes right now (the status bar), for writers and for readers. */
export const STATUS = {
	keptHere: 'Your changes are kept on this device.',
	notKept: 'This browser cannot keep a copy, so keep this page open until you are back online.',
	liveWriter: 'Live: changes are shared as you type',
	liveReader: 'Live: you see changes as they are made',
	connecting: 'Connecting… {kept}',
	reconnecting: 'Reconnecting… {kept}',
	offlineKept: 'Offline: your changes are kept on this device and will be shared when you are back online',
	offlineNotKept: 'Offline: your changes will be shared when you are back online. Keep this page open until then.',
	offlineReader: 'Offline: you are seeing the plan as it was when you were last online',
	signedOutWriter: 'You were signed out. Sign in again to keep sharing. Your changes are kept on this device.',
	signedOutReader: 'You were signed out. Sign in again to see the latest changes.',
	noAccess: 'You no longer have access to this plan',
	updated: 'WhatMatters has been updated. Reload the page to keep going.',
	notShared: 'Your changes could not be shared just now. We will keep trying. {kept}',
	// One or two words for the same, where the bar must stay one line (a phone, high zoom).
	short: {
		live: 'Live',
		connecting: 'Connecting…',
		reconnecting: 'Reconnecting…',
		offline: 'Offline',
		offlineKept: 'Offline: kept here',
		'signed-out': 'Signed out',
		'no-access': 'No access',
		error: 'Not shared yet',
		updated: 'Please reload'
	},
	signInAgain: 'Sign in again',
	myPlans: 'Go to my care plans',
	reload: 'Reload the page'
} as const;

/** Undo and Redo of my own changes: the buttons, their hints, and what is said. */
export const UNDO = {
	group: 'Undo and redo your own changes',
	undo: 'Undo',
	redo: 'Redo',
	undoHint: 'Undoes your last change, never anyone else’s.',
	nothingToUndo: 'Nothing of yours to undo yet.',
	redoHint: 'Does again what you undid.',
	nothingToRedo: 'Nothing to redo.',
	undone: 'Undone: your last change{where}.',
	noUndo: 'There is nothing of yours to undo.',
	redone: 'Done again: your change{where}.',
	noRedo: 'There is nothing to redo.',
	inSection: ' in {title}',
	inSeveral: ' in several sections'
} as const;

/** A 0 to 10 ruler: the question after the number, and clearing it. */
export const RULER = {
	whyNotLower: 'Why this number, and not a lower one?',
	clear: 'Clear the number',
	clearFor: ' for {label}'
} as const;

/** Who wrote an item and who changed it (the line under it). */
export const BYLINE = {
	writtenBy: 'Written by {who}',
	yourWordsTypedBy: 'Your words, typed by {typist}',
	wordsOfTypedBy: 'Words of {who}, typed by {typist}',
	changedBy: 'changed by {who}',
	changedYourWords: 'changed: your words, typed by {typist}',
	changedWordsOf: 'changed: words of {who}, typed by {typist}'
} as const;

/** "Here now" in the status bar. */
export const HERE_NOW = {
	label: 'Here now:',
	you: 'You',
	count: ['{n} here now', '{n} here now'],
	show: 'Show who is here',
	notLive: 'You will see who else is here when you are connected.'
} as const;

export const BOARD = {
	// Said to screen readers as things happen.
	stepDoneSaid: 'Step done: {text}. Well done!',
	aNextStep: 'a next step',
	visitStartedSaid: '{who} started a conversation.',
	manyNewSaid: '{n} new items in {title}.',
	newSaid: 'New in {title}, written by {who}: {text}.',
	noWordsYet: 'no words yet',
	loading: 'Loading…',
	empty: 'Nothing here yet.',
	emptyAddBelow: 'Nothing here yet. You can add the first one below.',
	itemsIn: ['{title}: {n} item', '{title}: {n} items'],
	readOnly: 'You can read this plan. Only {name} and the people who help write it can change it.',
	writeFirst: 'Write something first, then add it.',
	updatedWriting: 'WhatMatters has been updated. Reload the page to keep writing.',
	notSaved: 'That could not be saved. Please try again.',
	addedTo: 'Added to {title}.',
	movedUp: 'Moved up. It is now number {n} of {count}.',
	movedDown: 'Moved down. It is now number {n} of {count}.',
	putBack: 'Put back in {title}.',
	writtenAsWordsOf: 'This will be saved as the words of {name}.'
} as const;
