/**
 * What each client event does, once it is known to be well formed and within the socket's
 * allowance. Rights come from the permission module: a plan's room is joined only with `view`,
 * presenting needs `edit` (read again from storage when asked), and following needs
 * `viewPeople` (the request names the presenter, whom a supporter may not see).
 * Follow events go to sockets by id through the socket.io adapter, so a presenter and their
 * followers may be on different instances; the bookkeeping is in a FollowStore they all share.
 */
import { authorizeBoard, decide } from '../../src/lib/server/permissions.js';
import type { Services } from '../../src/lib/server/services.js';
import { RealtimeError, type ClientEvent } from '../../src/lib/protocol/realtime-events.js';
import type { Participant, Presentation } from './follow.js';
import type { FollowStore } from './follow-store.js';
import type { LivePlans } from './live-plans.js';
import { planListRoom, planPeopleRoom, planRoom, send, socketsIn, userRoom, type PlanRights, type RealtimeServer, type RealtimeSocket } from './rooms.js';

/** An acknowledgement; the data each event's carries is typed in the protocol (AckData). */
export type Answer = { ok: true; [data: string]: unknown } | { ok: false; error: RealtimeError };

const OK = { ok: true } as const;
const refuse = (error: RealtimeError) => ({ ok: false, error }) as const;

export class EventHandlers {
	constructor(
		private readonly io: RealtimeServer,
		private readonly services: Services,
		private readonly live: LivePlans,
		private readonly follow: FollowStore
	) {}

	async handle(socket: RealtimeSocket, event: ClientEvent): Promise<Answer> {
		const { userId } = socket.data;
		switch (event.type) {
			case 'plans:watch':
				await socket.join(planListRoom(userId));
				return { ok: true, plans: await this.live.snapshot(userId) };
			case 'plans:unwatch':
				await socket.leave(planListRoom(userId));
				return OK;
			case 'plan:open': {
				const rights = await this.rightsOn(userId, event.boardId);
				if (!rights) return refuse(RealtimeError.NotFound);
				this.setRights(socket, event.boardId, rights);
				await socket.join(planRoom(event.boardId));
				return OK;
			}
			case 'plan:close':
				await this.leavePlan(socket, event.boardId);
				return OK;
			case 'follow:ask':
				return this.ask(socket, event.boardId);
			case 'follow:answer': {
				if (!socket.data.plans.has(event.boardId)) return refuse(RealtimeError.NotOpen);
				const result = await this.follow.answer(event.boardId, socket.id, event.requestId, event.follow);
				if (!result.ok) return result;
				const { presentation } = result;
				this.tellPresenter(presentation);
				// A new follower starts where the presenter is: the answer says where, because the
				// follower takes moves only once it knows it follows (and this answer tells it so).
				return { ok: true, at: event.follow ? presentation.position : null };
			}
			case 'follow:stop': {
				const changed = await this.follow.stopFollowing(event.boardId, socket.id);
				if (changed) this.tellPresenter(changed);
				return OK;
			}
			case 'present:stop': {
				const ended = await this.follow.stopPresenting(event.boardId, socket.id);
				if (!ended) return refuse(RealtimeError.NotPresenting);
				this.end(ended);
				return OK;
			}
			case 'present:at': {
				const { boardId, section, itemId } = event;
				const presentation = await this.follow.moveTo(boardId, socket.id, { section, itemId });
				if (!presentation) return refuse(RealtimeError.NotPresenting);
				for (const id of presentation.followers.keys()) this.sendTo(id, { type: 'follow:moved', boardId, section, itemId });
				return OK;
			}
		}
	}

	/** What my role on the plan lets this socket do there; null if I am not on it. */
	private async rightsOn(userId: string, boardId: string): Promise<PlanRights | null> {
		const auth = await authorizeBoard(this.services.storage, userId, boardId, 'view');
		if (!auth.ok) return null;
		const { board, membership } = auth.access;
		return { canEdit: decide(board, membership, 'edit').ok, canSeePeople: decide(board, membership, 'viewPeople').ok };
	}

	private async ask(socket: RealtimeSocket, boardId: string): Promise<Answer> {
		if (!socket.data.plans.has(boardId)) return refuse(RealtimeError.NotOpen);
		// Read the role again: presenting is a writer's act, and roles change.
		const rights = await this.rightsOn(socket.data.userId, boardId);
		if (!rights) {
			await this.leavePlan(socket, boardId);
			return refuse(RealtimeError.NotFound);
		}
		this.setRights(socket, boardId, rights);
		if (!rights.canEdit) return refuse(RealtimeError.Forbidden);
		// Everyone on the plan who may see who is on it, on every instance.
		const others = await this.io.in(planPeopleRoom(boardId)).fetchSockets();
		const audience: Participant[] = others.map((other) => this.participant(other));
		const result = await this.follow.start(boardId, this.participant(socket), audience);
		if (!result.ok) return result;
		const { presentation } = result;
		const presenter = { id: socket.data.userId, name: socket.data.name };
		for (const id of presentation.asked.keys()) this.sendTo(id, { type: 'follow:asked', boardId, requestId: presentation.requestId, presenter });
		this.tellPresenter(presentation);
		return { ok: true, requestId: presentation.requestId, asked: presentation.asked.size };
	}

	private participant(socket: { id: string; data: RealtimeSocket['data'] }): Participant {
		const { userId, name, instance } = socket.data;
		return instance ? { socketId: socket.id, userId, name, instance } : { socketId: socket.id, userId, name };
	}

	/** To one socket, on whichever instance it is. */
	private sendTo(socketId: string, event: Parameters<typeof send>[1]): void {
		send(this.io.to(socketId), event);
	}

	/** What the socket may do on the plan; it is in the plan's people room only if it may see who is there. */
	private setRights(socket: RealtimeSocket, boardId: string, rights: PlanRights): void {
		socket.data.plans.set(boardId, rights);
		if (rights.canSeePeople) void socket.join(planPeopleRoom(boardId));
		else void socket.leave(planPeopleRoom(boardId));
	}

	private tellPresenter(p: Presentation): void {
		const followers = [...p.followers.values()].map((f) => ({ id: f.userId, name: f.name }));
		this.sendTo(p.presenter.socketId, { type: 'present:followers', boardId: p.boardId, requestId: p.requestId, followers });
	}

	private end(p: Presentation): void {
		for (const id of [...p.followers.keys(), ...p.asked.keys()]) this.sendTo(id, { type: 'follow:ended', boardId: p.boardId, requestId: p.requestId });
	}

	private async leaveFollow(socketId: string, boardId: string): Promise<void> {
		const { ended, changed } = await this.follow.leave(boardId, socketId);
		if (ended) this.end(ended);
		if (changed) this.tellPresenter(changed);
	}

	/** The socket leaves the plan's room: no more following, presenting or follow requests there. */
	private async leavePlan(socket: RealtimeSocket, boardId: string): Promise<void> {
		socket.data.plans.delete(boardId);
		void socket.leave(planRoom(boardId));
		void socket.leave(planPeopleRoom(boardId));
		await this.leaveFollow(socket.id, boardId);
	}

	/** A disconnected socket stops presenting and following everywhere. */
	async leaveAll(socket: RealtimeSocket): Promise<void> {
		const boards = [...socket.data.plans.keys()];
		socket.data.plans.clear();
		await Promise.all(boards.map((boardId) => this.leaveFollow(socket.id, boardId)));
	}

	/** A member removed or given another role: their sockets on the plan do only what they now may, at once. */
	async recheck(boardId: string, userId: string): Promise<void> {
		const sockets = [...socketsIn(this.io, userRoom(userId))]
			.map((id) => this.io.sockets.sockets.get(id))
			.filter((s): s is RealtimeSocket => s !== undefined && s.data.plans.has(boardId));
		if (!sockets.length) return;
		const rights = await this.rightsOn(userId, boardId);
		for (const socket of sockets) {
			if (!socket.connected) continue;
			if (!rights) {
				await this.leavePlan(socket, boardId);
				send(socket, { type: 'plan:removed', boardId });
				continue;
			}
			this.setRights(socket, boardId, rights);
			const presentation = await this.follow.get(boardId);
			const presenting = presentation?.presenter.socketId === socket.id;
			if ((presenting && !rights.canEdit) || (!presenting && !rights.canSeePeople)) await this.leaveFollow(socket.id, boardId);
		}
	}
}
