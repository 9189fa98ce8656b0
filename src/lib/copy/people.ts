/** Words of "People on this plan": who is on it, invitations sent, inviting someone. */
export const PEOPLE = {
	title: 'People on this plan',
	backToYours: 'Back to your plan',
	backTo: "Back to {name}'s plan",
	theyDecide: '{name} decides who takes part in this plan.',
	members: 'Members',
	you: '{name} (you)',
	roleFor: 'Role for {name}',
	changeRole: 'Change role',
	remove: 'Remove {name} from this plan',
	invitations: 'Invitations sent',
	invitationsAbout: 'Each link works once, until it is used or runs out.',
	noInvitations: 'There are no invitations waiting.',
	invitedAs: 'Invited as {role}.',
	worksUntil: 'The link works until {date}.',
	cancel: 'Cancel the invitation for {name}',
	inviteTitle: 'Invite someone',
	inviteAbout: 'You get a link to send them. It works once and lasts {days}.',
	linkFor: 'Who is the link for?',
	linkForHint: 'Their name, so you know which link is which.',
	whatRole: 'What will they do on the plan?',
	makeLink: 'Make an invitation link',
	// The new link, shown once.
	newLinkTitle: 'Your invitation link',
	newLinkAbout: 'Send this link to the person you are inviting. You will not see it again, but you can always make a new one.',
	newLinkLabel: 'The link',
	copyLink: 'Copy the link',
	// Form answers.
	chooseRole: 'Choose the role they will have.',
	alreadyUsed: 'That invitation has already been used or cancelled.'
} as const;
