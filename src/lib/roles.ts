/**
 * Roles on a care plan, and the plain words the UI uses for them. Shared by client and server.
 * A role name is explained where it appears: to the person in "you" ("helps you keep your plan
 * going"), to everyone else about the person ("helps Pat keep their plan going").
 */

export const ROLES = ['person', 'clinician', 'peer_advocate', 'supporter'] as const;
export type Role = (typeof ROLES)[number];

/** Roles that someone can be invited to or changed to, besides the one person. */
export const HELPER_ROLES = ['clinician', 'peer_advocate', 'supporter'] as const satisfies readonly Role[];
export type HelperRole = (typeof HELPER_ROLES)[number];

export const ROLE_SHORT_LABELS: Record<Role, string> = {
	person: 'Person',
	clinician: 'Clinician',
	peer_advocate: 'Peer advocate',
	supporter: 'Supporter'
};

/** What each role is, said to the person whose plan it is. */
export const ROLE_ABOUT_FOR_PERSON: Record<Role, string> = {
	person: 'This is your plan. You decide who takes part.',
	clinician: 'A health or care worker who helps you write your plan.',
	peer_advocate: 'Someone with lived experience who helps you keep your plan going.',
	supporter: 'Family or a carer. They can read your plan, but not change it.'
};

/** What each role is, said to anyone else; `{name}` is the person whose plan it is. */
export const ROLE_ABOUT: Record<Role, string> = {
	person: 'The plan belongs to {name}. They decide who takes part.',
	clinician: 'A health or care worker who helps {name} write their plan.',
	peer_advocate: 'Someone with lived experience who helps {name} keep their plan going.',
	supporter: 'Family or a carer. They can read the plan, but not change it.'
};

/** "Peer advocate: someone with lived experience who helps you keep your plan going." */
export function roleExplained(role: Role, to: { isPerson: boolean; personName: string }): string {
	const about = to.isPerson ? ROLE_ABOUT_FOR_PERSON[role] : ROLE_ABOUT[role].replace('{name}', to.personName);
	return `${ROLE_SHORT_LABELS[role]}: ${about.charAt(0).toLowerCase()}${about.slice(1)}`;
}

/** What a role is, without its name: "Someone with lived experience who helps you…". */
export function roleAbout(role: Role, to: { isPerson: boolean; personName: string }): string {
	return to.isPerson ? ROLE_ABOUT_FOR_PERSON[role] : ROLE_ABOUT[role].replace('{name}', to.personName);
}

export function isRole(value: unknown): value is Role {
	return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function isHelperRole(value: unknown): value is HelperRole {
	return typeof value === 'string' && (HELPER_ROLES as readonly string[]).includes(value);
}
