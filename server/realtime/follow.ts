/**
 * Follow the presenter: who presents on each plan, whom they asked, who follows. Each asked
 * socket answers once; an answer from a socket not asked (or asked before) is refused, so
 * nobody — the person above all — can be made to follow. No socket.io here: the endpoint
 * sends what these changes mean.
 */
import { randomBytes } from 'node:crypto';
import { RealtimeError, type ViewPosition } from '../../src/lib/protocol/realtime-events.js';

export interface Participant {
	readonly socketId: string;
	readonly userId: string;
	readonly name: string;
	/** The instance the socket is on (several instances): its entry counts while that instance lives. */
	readonly instance?: string;
}

export interface Presentation {
	readonly boardId: string;
	readonly requestId: string;
	readonly presenter: Participant;
	/** Asked and not yet answered. */
	readonly asked: Map<string, Participant>;
	readonly followers: Map<string, Participant>;
	/** Where the presenter is now, so a new follower starts there. */
	position: ViewPosition | null;
}

type Result = { ok: true; presentation: Presentation } | { ok: false; error: RealtimeError };

export class FollowRegistry {
	private readonly byBoard = new Map<string, Presentation>();

	get(boardId: string): Presentation | undefined {
		return this.byBoard.get(boardId);
	}

	/** Starts presenting to `audience` (never the presenter's own sockets). One presenter per plan. */
	start(boardId: string, presenter: Participant, audience: readonly Participant[]): Result {
		const current = this.byBoard.get(boardId);
		if (current && current.presenter.socketId !== presenter.socketId) return { ok: false, error: RealtimeError.AlreadyPresenting };
		const asked = new Map(audience.filter((p) => p.userId !== presenter.userId).map((p) => [p.socketId, p]));
		// Asking again keeps those who already follow.
		const presentation: Presentation = {
			boardId,
			requestId: randomBytes(9).toString('base64url'),
			presenter,
			asked,
			followers: current?.followers ?? new Map(),
			position: current?.position ?? null
		};
		for (const id of presentation.followers.keys()) asked.delete(id);
		this.byBoard.set(boardId, presentation);
		return { ok: true, presentation };
	}

	/** A socket's answer: only one asked for this request, once. */
	answer(boardId: string, socketId: string, requestId: string, follow: boolean): Result {
		const presentation = this.byBoard.get(boardId);
		const asked = presentation?.requestId === requestId ? presentation.asked.get(socketId) : undefined;
		if (!presentation || !asked) return { ok: false, error: RealtimeError.NotAsked };
		presentation.asked.delete(socketId);
		if (follow) presentation.followers.set(socketId, asked);
		return { ok: true, presentation };
	}

	/** A follower stops following; returns the presentation if they were following. */
	stopFollowing(boardId: string, socketId: string): Presentation | null {
		const presentation = this.byBoard.get(boardId);
		if (!presentation?.followers.delete(socketId)) return null;
		return presentation;
	}

	/** The presenter stops; returns the ended presentation, or null if they were not presenting. */
	stopPresenting(boardId: string, socketId: string): Presentation | null {
		const presentation = this.byBoard.get(boardId);
		if (presentation?.presenter.socketId !== socketId) return null;
		this.byBoard.delete(boardId);
		return presentation;
	}

	/**
	 * A socket left the plan (closed its page, disconnected, lost access): it presents, follows
	 * and is asked no more. Says what ended and what changed.
	 */
	leave(boardId: string, socketId: string): { ended: Presentation | null; changed: Presentation | null } {
		const ended = this.stopPresenting(boardId, socketId);
		if (ended) return { ended, changed: null };
		const presentation = this.byBoard.get(boardId);
		if (!presentation) return { ended: null, changed: null };
		presentation.asked.delete(socketId);
		return { ended: null, changed: presentation.followers.delete(socketId) ? presentation : null };
	}
}
