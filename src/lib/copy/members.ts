/** How people on the plan are named in the board's words. */
export const MEMBERS = {
	you: 'you',
	me: 'Me',
	nameYou: '{name} (you)',
	nameAndRole: '{name} ({role})',
	personBeforeJoining: '{name} (Person, not joined yet)',
	notOnPlan: 'someone who is not on this plan now',
	someoneHelping: 'someone who helps write this plan',
	notDecided: 'Not decided yet'
} as const;
