/** Words of a plan's page around the board: its title, my place on it, the links to its other pages. */
export const PLAN_PAGE = {
	mine: 'My care plan',
	theirs: "{name}'s care plan",
	yours: 'This is your plan. You decide who takes part.',
	yourRole: 'Your role on this plan: {role}.',
	rolesTitle: 'What the roles mean',
	people: 'People on this plan',
	lookedAtMine: 'Who has looked at my plan',
	lookedAtTheirs: 'Who has looked at this plan',
	history: 'See every change',
	print: 'Print or save as PDF'
} as const;
