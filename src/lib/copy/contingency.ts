/**
 * Words for "If things get difficult": the way to it from the top of the plan, tap-to-call, and
 * the usual urgent numbers in England, offered for the person to choose (never put there for them).
 */
export const CONTINGENCY = {
	jump: 'If things get difficult',
	jumpHint: 'Warning signs, what helps and who to call',
	call: 'Call {phone}',
	suggestTitle: 'Numbers you may want to add',
	suggestAbout: 'These are free to call in England. Add the ones you want on your plan.',
	add: 'Add {name}',
	added: 'Added {name} to who to call.'
} as const;

/** The usual urgent numbers: what the plan says of each once the person adds it. */
export const URGENT_NUMBERS = [
	{
		name: 'NHS 111',
		phone: '111',
		about: 'When you need help fast, but it is not an emergency.',
		words: 'NHS 111: when I need help fast, but it is not an emergency.'
	},
	{
		name: '999',
		phone: '999',
		about: 'In an emergency, when a life is at risk.',
		words: '999: in an emergency, when a life is at risk.'
	},
	{
		name: 'Samaritans',
		phone: '116 123',
		about: 'To talk to someone, day or night.',
		words: 'Samaritans: to talk to someone, day or night.'
	}
] as const;
