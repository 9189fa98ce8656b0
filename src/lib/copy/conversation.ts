/** Words for conversations: starting one, who takes part, ending it with what was agreed, past ones. */
export const CONVERSATION = {
	noneTitle: 'Start a conversation',
	none: 'When you meet, start a conversation here. It keeps the date, who took part and what you agreed.',
	noneReadOnly: 'No conversation is going on now.',
	whoTakesPart: 'Who is taking part?',
	whoTakesPartHint: 'Choose everyone who is here, in the room or on a call.',
	start: 'Start the conversation',
	started: 'The conversation has started. We are on step 1.',
	onNow: 'Conversation of {date}',
	tookPart: 'Taking part: {names}',
	nobodyListed: 'Nobody is listed yet.',
	changeWho: 'Change who is taking part',
	saveWho: 'Save who is taking part',
	whoSaved: 'Saved who is taking part.',
	endTitle: 'End the conversation',
	endOpen: 'End the conversation',
	endAbout: 'Before you finish, check what you agreed. Everyone on the plan can read it later.',
	agreedTitle: 'What we agreed',
	agreedLoading: 'Gathering what changed in this conversation…',
	agreedOffline: 'Changes of how things are going could not be gathered while offline. Add them below if you like.',
	agreedNothing: 'No new goals or steps yet.',
	addMore: 'Anything else you agreed?',
	addMoreHint: 'For example: when you will meet next.',
	endNow: 'Save and end the conversation',
	notNow: 'Not yet',
	ended: 'The conversation has ended. What you agreed is saved with it.',
	notEnded: 'This conversation was not ended.',
	endThis: 'End this conversation',
	pastTitle: 'Past conversations',
	pastNone: 'There are no past conversations yet.',
	howMany: ['{n} conversation', '{n} conversations'],
	pastOne: 'Conversation of {date}',
	agenda: 'What we wanted from it',
	agendaNone: 'Nothing was written down.',
	agreed: 'What we agreed',
	agreedNone: 'Nothing was written down.',
	lastTime: 'Last time, on {date}',
	keptForNext: 'No conversation is going on. What you add here is kept for the next one.',
	todayIsFor: 'For the conversation of {date}.',
	// Lines of "what we agreed", gathered from the plan.
	newGoal: 'New goal: {text}',
	newStep: 'New step: {text}',
	stepDone: 'Step done: {text}',
	nowGoing: '{text}: now “{status}”',
	noWords: '(no words yet)'
} as const;

/** What the server answers when "What we agreed" cannot be gathered. */
export const CONVERSATION_ANSWERS = {
	whichConversation: 'We could not tell which conversation this is.',
	notKnown: 'We could not find that conversation in the history of this plan yet.'
} as const;
