/** Words of "My care plans" and "Start a care plan". */
export const PLANS = {
	title: 'My care plans',
	start: 'Start a care plan',
	none: 'You are not on any care plans yet. Start one, or open an invitation link someone sent you.',
	listLabel: 'Care plans',
	mine: 'My plan',
	theirs: "{name}'s plan",
	lastChanged: 'Last changed',
	by: 'by {name}',
	newChanges: 'New changes since your last visit'
} as const;

export const NEW_PLAN = {
	title: 'Start a care plan',
	forWho: 'Who is the plan for?',
	forMe: 'For me',
	forMeHint: 'The plan is yours. You decide who takes part.',
	withSomeone: 'With someone I support',
	withSomeoneHint: 'You are their clinician or peer advocate. They get an invitation, and the plan becomes theirs when they join.',
	ifWithSomeone: 'If the plan is with someone you support',
	theirName: 'Their name',
	theirNameHint: 'As they like to be called.',
	yourRole: 'Your role',
	thePerson: 'the person',
	button: 'Start the plan',
	// Form answers.
	chooseWho: 'Choose who the plan is for.',
	chooseRole: 'Choose your role: clinician or peer advocate.'
} as const;
