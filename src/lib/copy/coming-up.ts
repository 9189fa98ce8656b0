/** Words for "Coming up": review dates of goals and due dates of steps, soonest first. */
export const COMING_UP = {
	title: 'Coming up',
	none: 'Nothing has a date yet. Dates you choose for steps and goals show here.',
	step: 'Step',
	goal: 'Look again at goal',
	today: 'Today',
	tomorrow: 'Tomorrow',
	late: 'Was due {date}',
	showAll: 'Show all {n}',
	showFewer: 'Show fewer'
} as const;
