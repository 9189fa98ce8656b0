/** Words of a plan card's live line on "My care plans": who is on the plan, and who changed it. */
export const PLAN_LIVE = {
	hereNow: 'On this plan now: {names}.',
	nobodyNow: 'Nobody else is on this plan now.',
	// While live updates are paused, what the card last heard may no longer be true.
	hereLastKnown: 'Last known on this plan: {names}.',
	nobodyLastKnown: 'Last known: nobody else on this plan.',
	mayBeOld: 'This may be out of date until live updates come back.',
	changed: 'Changed',
	changedBy: 'by {name}',
	and: '{names} and {last}'
} as const;
