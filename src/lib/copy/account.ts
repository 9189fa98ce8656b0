/** Words of signing in, creating an account, signing out, and the account page. */
export const SIGN_IN = {
	title: 'Sign in',
	ended: 'You were signed out. Sign in again to carry on. Nothing you wrote has been lost.',
	email: 'Email address',
	password: 'Password',
	button: 'Sign in',
	newHere: 'New to WhatMatters?',
	createAccount: 'Create an account',
	wrong: 'The email address or password is not right. Check them and try again.'
} as const;

export const SIGN_UP = {
	title: 'Create an account',
	name: 'Your name',
	nameHint: 'This is how others on your plans will see you.',
	email: 'Email address',
	password: 'Password',
	passwordHint: 'At least 8 characters. Three or four random words work well.',
	button: 'Create account',
	haveAccount: 'Already have an account?',
	signIn: 'Sign in'
} as const;

export const ACCOUNT = {
	title: 'Your account',
	name: 'Name',
	email: 'Email address',
	everywhereTitle: 'Sign out on every device',
	everywhereWhy: 'Did you sign in on a computer or phone you no longer use? Could someone else be using your account? Then sign out everywhere.',
	everywhereWhat: 'Every device, this one too, will need your password again. Plans open on other devices stop showing changes at once.',
	everywhereButton: 'Sign out on every device'
} as const;

export const SIGN_OUT = {
	notSharedTitle: 'Some changes are not shared yet',
	notShared: 'Some of your changes to this plan have not reached the others yet. If you sign out now, they will be lost on this device.',
	stay: 'Stay signed in',
	leave: 'Sign out and lose these changes'
} as const;
