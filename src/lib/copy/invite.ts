/** Words of an invitation page, and why a link cannot be used. */
export const INVITE = {
	title: 'You are invited to a care plan',
	startedWithYou: '{by} has started a care plan with you',
	toTheirPlan: '{by} invites you to their care plan',
	toPlanOf: "{by} invites you to {name}'s care plan",
	whosePlan: 'Whose plan',
	yours: 'Yours ({name})',
	invitedBy: 'Invited by',
	yourRole: 'Your role',
	worksUntil: 'Link works until',
	willBeYours: 'The plan will be yours. You decide who else takes part, and you can see every change.',
	join: 'Join the plan',
	toJoin: 'To join, sign in or create an account. You will come back to this page afterwards.',
	createAccount: 'Create an account',
	haveAccount: 'Already have an account?',
	signIn: 'Sign in',
	myPlans: 'Go to my care plans',
	someone: 'Someone',
	oneDay: '1 day',
	days: '{n} days'
} as const;

/** Why a link cannot be used, for the person holding it. */
export const INVITE_PROBLEMS = {
	expired: {
		title: 'This invitation has run out',
		body: 'Invitation links last {days}. Ask the person who sent it for a new one.'
	},
	not_found: {
		title: 'This invitation link does not work',
		body: 'The link may have been copied wrongly. Ask the person who sent it for a new one.'
	},
	used: {
		title: 'This invitation has already been used',
		body: 'Each link works once. If you have joined, you will find the plan in your care plans. If not, ask for a new link.'
	},
	withdrawn: {
		title: 'This invitation was cancelled',
		body: 'The person who sent it cancelled it. Ask them for a new link if you should still join.'
	},
	already_member: {
		title: 'You are already on this plan',
		body: 'You can open it from your care plans.'
	},
	person_taken: {
		title: 'This plan already has its person',
		body: 'Someone has already joined as the person this plan belongs to. Ask the sender for a new link.'
	}
} as const;
