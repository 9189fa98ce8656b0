/** Words of the read view: the whole plan as words, and the switch between reading and editing. */
export const READ_VIEW = {
	switchLabel: 'Read or change the plan',
	read: 'Read',
	edit: 'Edit',
	readHint: 'Read the whole plan as words.',
	editHint: 'Change the plan, add to it and write in it.',
	nowReading: 'You are reading the plan. Choose Edit to change it.',
	nowEditing: 'You can change the plan now.',
	editThis: 'Edit',
	editThisFull: 'Edit {title}',
	nothingYet: 'Nothing here yet.',
	stepsForGoal: 'Steps that help with this goal',
	noStepsForGoal: 'No steps for this goal yet.',
	call: 'Call {phone}',
	callWho: 'Call {name} on {phone}',
	conversationsTitle: 'Our conversations',
	noConversations: 'There are no conversations yet.',
	loading: 'Loading the plan…'
} as const;
