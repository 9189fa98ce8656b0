/** Words on every page (header, footer), the home page and the error page. */
export const SITE = {
	name: 'WhatMatters',
	skip: 'Skip to main content',
	accountNav: 'Account',
	myPlans: 'My care plans',
	signedInAs: 'Signed in as {name}',
	account: 'Your account',
	signOut: 'Sign out',
	signIn: 'Sign in',
	createAccount: 'Create an account',
	footer: 'WhatMatters: your care plan, in your words.'
} as const;

export const HOME = {
	pageTitle: 'WhatMatters: your care plan, in your words',
	signedOut: 'You are signed out. This browser no longer keeps a copy of your plans.',
	title: 'Your care plan, in your words',
	lede: 'Here you, your clinician and your peer advocate write your care and support plan together.',
	about: 'It starts with what matters to you: your strengths, your goals and the small steps you choose to take.',
	points: ['The plan is yours. You decide who takes part.', 'Everything is in your words, and shows who wrote it.', 'Nothing is lost. You can see every change.'],
	goToPlans: 'Go to my care plans',
	createAccount: 'Create an account',
	haveAccount: 'Already have an account?',
	signIn: 'Sign in'
} as const;

export const ERROR_PAGE = {
	titles: {
		400: 'We could not show that page',
		403: 'You cannot do that on this plan',
		404: 'Page not found',
		429: 'Please wait before trying again'
	} as Record<number, string>,
	other: 'Sorry, something went wrong',
	notFound: 'We could not find that page.',
	notFoundHelp: 'If you typed the address, check it is right. If you followed a link to a care plan, you may not be on that plan.',
	serverError: 'Nothing you have written has been lost. Please try again in a moment.',
	myPlans: 'Go to my care plans'
} as const;
