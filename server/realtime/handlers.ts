/**
 * What each client event does, once it is known to be well formed and within the socket's
 * allowance. Rights come from the permission module: a plan's room is joined only with `view`,
 * presenting needs `edit` (read again from storage when asked), and following needs
 * `viewPeople` (the request names the presenter, whom a supporter may not see).
 */
import { authorizeBoard, decide } from '../../src/lib/server/permissions.js';
import type { Services } from '../../src/lib/server/services.js';
import { RealtimeError, type ClientEvent } from '../../src/lib/protocol/realtime-events.js';
import { FollowRegistry, type Participant, type Presentation } from './follow.js';
import type { LivePlans } from './live-plans.js';
import { planListRoom, planRoom, send, socketsIn, userRoom, type PlanRights, type RealtimeServer, type RealtimeSocket } from './rooms.js';

/** An acknowledgement; the data each event's carries is typed in the protocol (AckData). */
export type Answer = { ok: true; [data: string]: unknown } | { ok: false; error: RealtimeError };

const OK = { ok: true } as const;
const refuse = (error: RealtimeError) => ({ ok: false, error }) as const;

export class EventHandlers {
	private readonly follow = new FollowRegistry();

	constructor(
		private readonly io: RealtimeServer,
		private readonly services: Services,
		private readonly live: LivePlans
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
				socket.data.plans.set(event.boardId, rights);
				await socket.join(planRoom(event.boardId));
				return OK;
			}
			case 'plan:close':
				this.leavePlan(socket, event.boardId);
				return OK;
			case 'follow:ask':
				return this.ask(socket, event.boardId);
			case 'follow:answer': {
				if (!socket.data.plans.has(event.boardId)) return refuse(RealtimeError.NotOpen);
				const result = this.follow.answer(event.boardId, socket.id, event.requestId, event.follow);
				if (!result.ok) return result;
				const { presentation } = result;
				this.tellPresenter(presentation);
				// A new follower starts where the presenter is: the answer says where, because the
				// follower takes moves only once it knows it follows (and this answer tells it so).
				return { ok: true, at: event.follow ? presentation.position : null };
			}
			case 'follow:stop': {
				const changed = this.follow.stopFollowing(event.boardId, socket.id);
				if (changed) this.tellPresenter(changed);
				return OK;
			}
			case 'present:stop': {
				const ended = this.follow.stopPresenting(event.boardId, socket.id);
				if (!ended) return refuse(RealtimeError.NotPresenting);
				this.end(ended);
				return OK;
			}
			case 'present:at': {
				const presentation = this.follow.get(event.boardId);
				if (presentation?.presenter.socketId !== socket.id) return refuse(RealtimeError.NotPresenting);
				const { boardId, section, itemId } = event;
				presentation.position = { section, itemId };
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
			this.leavePlan(socket, boardId);
			return refuse(RealtimeError.NotFound);
		}
		socket.data.plans.set(boardId, rights);
		if (!rights.canEdit) return refuse(RealtimeError.Forbidden);
		const audience: Participant[] = [];
		for (const id of socketsIn(this.io, planRoom(boardId))) {
			const other = this.io.sockets.sockets.get(id);
			if (other && other.data.plans.get(boardId)?.canSeePeople) audience.push(this.participant(other));
		}
		const result = this.follow.start(boardId, this.participant(socket), audience);
		if (!result.ok) return result;
		const { presentation } = result;
		const presenter = { id: socket.data.userId, name: socket.data.name };
		for (const id of presentation.asked.keys()) this.sendTo(id, { type: 'follow:asked', boardId, requestId: presentation.requestId, presenter });
		this.tellPresenter(presentation);
		return { ok: true, requestId: presentation.requestId, asked: presentation.asked.size };
	}

	private participant(socket: RealtimeSocket): Participant {
		return { socketId: socket.id, userId: socket.data.userId, name: socket.data.name };
	}

	private sendTo(socketId: string, event: Parameters<typeof send>[1]): void {
		const socket = this.io.sockets.sockets.get(socketId);
		if (socket) send(socket, event);
	}

	private tellPresenter(p: Presentation): void {
		const followers = [...p.followers.values()].map((f) => ({ id: f.userId, name: f.name }));
		this.sendTo(p.presenter.socketId, { type: 'present:followers', boardId: p.boardId, requestId: p.requestId, followers });
	}

	private end(p: Presentation): void {
		for (const id of [...p.followers.keys(), ...p.asked.keys()]) this.sendTo(id, { type: 'follow:ended', boardId: p.boardId, requestId: p.requestId });
	}

	private leaveFollow(socket: RealtimeSocket, boardId: string): void {
		const { ended, changed } = this.follow.leave(boardId, socket.id);
		if (ended) this.end(ended);
		if (changed) this.tellPresenter(changed);
	}

	/** The socket leaves the plan's room: no more following, presenting or follow requests there. */
	private leavePlan(socket: RealtimeSocket, boardId: string): void {
		socket.data.plans.delete(boardId);
		void socket.leave(planRoom(boardId));
		this.leaveFollow(socket, boardId);
	}

	/** A disconnected socket stops presenting and following everywhere. */
	leaveAll(socket: RealtimeSocket): void {
		for (const boardId of socket.data.plans.keys()) this.leaveFollow(socket, boardId);
		socket.data.plans.clear();
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
				this.leavePlan(socket, boardId);
				send(socket, { type: 'plan:removed', boardId });
				continue;
			}
			socket.data.plans.set(boardId, rights);
			const presentation = this.follow.get(boardId);
			const presenting = presentation?.presenter.socketId === socket.id;
			if ((presenting && !rights.canEdit) || (!presenting && !rights.canSeePeople)) this.leaveFollow(socket, boardId);
		}
	}
}
