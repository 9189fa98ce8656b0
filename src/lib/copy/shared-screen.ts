/** Words for "Together on one screen" and "Who is talking now?". */
export const SHARED_SCREEN = {
	switchOn: 'Together on one screen',
	switchHint: 'For when you sit together at one screen: bigger text, and you choose who is talking.',
	isOn: 'Together on one screen is on.',
	turnOff: 'Stop sharing the screen',
	turnedOn: 'Together on one screen is on. Bigger text, and you choose who is talking now.',
	turnedOff: 'Together on one screen is off. What you add is saved as your words.',
	whoTalks: 'Who is talking now?',
	whoTalksHint: 'What you add or change is saved as their words, with your name as the one who typed it.',
	talkingNow: '{name} is talking now.',
	// The folded choice on a phone or at high zoom: a button that opens it.
	talkingShort: 'Talking now: {name}',
	choice: '{name}',
	choiceRole: '{name} ({role})',
	choiceYou: '{name} (you)',
	choiceNotJoined: '{name} (Person, not joined yet)'
} as const;
