/** Builds care plans through the real HTTP routes, as people would. */
import type { Role } from '../../src/lib/roles.js';
import { Client, signedUp } from './http-client.js';

const INVITE_COOKIE = 'wm_new_invite';

/** Starts a plan "for me" and returns its id. */
export async function startPlanForMe(client: Client): Promise<string> {
	const answer = await client.post('/boards/new', { planFor: 'me' });
	const id = answer.location?.match(/^\/boards\/([a-z2-7]+)$/)?.[1];
	if (answer.status !== 303 || !id) throw new Error(`could not start a plan: ${answer.status} ${answer.location}`);
	return id;
}

/** Makes an invitation link as the plan's manager and returns its token. */
export async function invite(manager: Client, boardId: string, role: Role, label = 'Someone'): Promise<string> {
	const answer = await manager.post(`/boards/${boardId}/people?/invite`, { role, label });
	const token = manager.cookies.get(INVITE_COOKIE);
	if (answer.status !== 303 || !token) throw new Error(`could not invite: ${answer.status} ${answer.text.slice(0, 200)}`);
	manager.cookies.delete(INVITE_COOKIE);
	return token;
}

export async function accept(client: Client, token: string): Promise<void> {
	const answer = await client.post(`/invite/${token}`, {});
	if (answer.status !== 303) throw new Error(`could not accept: ${answer.status} ${answer.text.slice(0, 200)}`);
}

export type Who = Role | 'outsider';

export interface PlanWithEveryone {
	boardId: string;
	clients: Record<Who, Client>;
	emails: Record<Who, string>;
}

export const NAMES: Record<Who, string> = {
	person: 'Pat Person',
	clinician: 'Cleo Clinician',
	peer_advocate: 'Ade Advocate',
	supporter: 'Sue Supporter',
	outsider: 'Otto Outsider'
};

/** A plan with a person, a clinician, a peer advocate and a supporter, plus an outsider. */
export async function planWithEveryRole(base: string): Promise<PlanWithEveryone> {
	const entries = await Promise.all((Object.keys(NAMES) as Who[]).map(async (who) => [who, await signedUp(base, NAMES[who])] as const));
	const clients = Object.fromEntries(entries.map(([who, account]) => [who, account.client])) as Record<Who, Client>;
	const emails = Object.fromEntries(entries.map(([who, account]) => [who, account.email])) as Record<Who, string>;
	const boardId = await startPlanForMe(clients.person);
	for (const role of ['clinician', 'peer_advocate', 'supporter'] as const) {
		await accept(clients[role], await invite(clients.person, boardId, role, NAMES[role]));
	}
	return { boardId, clients, emails };
}
