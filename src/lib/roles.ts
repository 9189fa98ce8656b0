/** Roles on a care plan, and the plain words the UI uses for them. Shared by client and server. */

export const ROLES = ['person', 'clinician', 'peer_advocate', 'supporter'] as const;
export type Role = (typeof ROLES)[number];

/** Roles that someone can be invited to or changed to, besides the one person. */
export const HELPER_ROLES = ['clinician', 'peer_advocate', 'supporter'] as const satisfies readonly Role[];
export type HelperRole = (typeof HELPER_ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
	person: 'Person (the plan is theirs)',
	clinician: 'Clinician',
	peer_advocate: 'Peer advocate',
	supporter: 'Supporter (family or carer)'
};

export const ROLE_SHORT_LABELS: Record<Role, string> = {
	person: 'Person',
	clinician: 'Clinician',
	peer_advocate: 'Peer advocate',
	supporter: 'Supporter'
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
	person: 'The plan belongs to them. They decide who takes part.',
	clinician: 'Can read and write the plan.',
	peer_advocate: 'Can read and write the plan, and keep it going between visits.',
	supporter: 'Can read the plan, but not change it.'
};

export function isRole(value: unknown): value is Role {
	return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function isHelperRole(value: unknown): value is HelperRole {
	return typeof value === 'string' && (HELPER_ROLES as readonly string[]).includes(value);
}
