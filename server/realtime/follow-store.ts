/**
 * Where follow-the-presenter's bookkeeping lives: in this process (FollowRegistry), or, with
 * several instances, in Redis (server/cluster/shared-follow.ts), so that a presenter and their
 * followers may each be on any instance and one plan still has one presenter.
 */
import type { ViewPosition } from '../../src/lib/protocol/realtime-events.js';
import { FollowRegistry, type Participant, type Presentation } from './follow.js';

export type FollowResult = Awaited<ReturnType<FollowRegistry['start']>>;

export interface FollowStore {
	get(boardId: string): Promise<Presentation | undefined>;
	start(boardId: string, presenter: Participant, audience: readonly Participant[]): Promise<FollowResult>;
	answer(boardId: string, socketId: string, requestId: string, follow: boolean): Promise<FollowResult>;
	stopFollowing(boardId: string, socketId: string): Promise<Presentation | null>;
	stopPresenting(boardId: string, socketId: string): Promise<Presentation | null>;
	leave(boardId: string, socketId: string): Promise<{ ended: Presentation | null; changed: Presentation | null }>;
	/** The presenter moved; the presentation (for its followers) if `socketId` presents, else null. */
	moveTo(boardId: string, socketId: string, position: ViewPosition): Promise<Presentation | null>;
}

export function localFollowStore(): FollowStore {
	const registry = new FollowRegistry();
	return {
		get: async (boardId) => registry.get(boardId),
		start: async (boardId, presenter, audience) => registry.start(boardId, presenter, audience),
		answer: async (boardId, socketId, requestId, follow) => registry.answer(boardId, socketId, requestId, follow),
		stopFollowing: async (boardId, socketId) => registry.stopFollowing(boardId, socketId),
		stopPresenting: async (boardId, socketId) => registry.stopPresenting(boardId, socketId),
		leave: async (boardId, socketId) => registry.leave(boardId, socketId),
		async moveTo(boardId, socketId, position) {
			const presentation = registry.get(boardId);
			if (presentation?.presenter.socketId !== socketId) return null;
			presentation.position = position;
			return presentation;
		}
	};
}
