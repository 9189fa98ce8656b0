/**
 * The plan list that is alive, and notices between visits. Both listen to the sync rooms
 * (BoardActivity): who has each plan open, and members' updates once stored. Names go only
 * to those whose role may see who is on the plan (a supporter may name only the person).
 * With several instances, each hears every instance's activity and tells its own sockets
 * (io.local), so nobody hears a change twice.
 */
import { mergeSummaries, type ChangeSummary } from '../../src/lib/board/change-summary.js';
import type { BoardActivity, StoredChanges } from '../../src/lib/server/board-activity.js';
import { decide } from '../../src/lib/server/permissions.js';
import type { Services } from '../../src/lib/server/services.js';
import type { MemberRecord } from '../../src/lib/server/storage.js';
import type { Person, PlanHere } from '../../src/lib/protocol/realtime-events.js';
import { Coalescer } from './coalescer.js';
import { MemberCache, type PlanPeople } from './member-cache.js';
import { isOnPlan, planListRoom, send, socketsIn, userRoom, type RealtimeServer } from './rooms.js';

interface PendingNotice {
	boardId: string;
	recipientId: string;
	writers: Set<string>;
	change: ChangeSummary;
}

/** May this member see others' names on the plan? */
function seesPeople(people: PlanPeople, member: MemberRecord): boolean {
	return decide(people.board, member, 'viewPeople').ok;
}

/** Those of `ids` that `viewer` may name: everyone, or for a supporter only the person. */
function peopleFor(people: PlanPeople, viewer: MemberRecord, ids: Iterable<string>): Person[] {
	const all = seesPeople(people, viewer);
	const named: Person[] = [];
	for (const id of ids) {
		const member = people.members.find((m) => m.userId === id);
		if (member && (all || member.role === 'person')) named.push({ id, name: member.name });
	}
	return named;
}

const namesFor = (people: PlanPeople, viewer: MemberRecord, ids: Iterable<string>) => peopleFor(people, viewer, ids).map((p) => p.name);

export class LivePlans {
	private readonly cache: MemberCache;
	private readonly notices: Coalescer<PendingNotice>;
	private readonly stop: (() => void)[] = [];

	constructor(
		private readonly io: RealtimeServer,
		private readonly activity: BoardActivity,
		private readonly services: Services
	) {
		this.cache = new MemberCache(services.storage);
		this.notices = new Coalescer<PendingNotice>(
			services.config.realtime.noticeEveryMs,
			(a, b) => ({ ...b, writers: new Set([...a.writers, ...b.writers]), change: mergeSummaries(a.change, b.change) }),
			(_key, notice) => void this.deliverNotice(notice).catch((error) => this.fail('Sending a notice failed', error))
		);
		this.stop.push(activity.onHere((boardId) => void this.tellHere(boardId).catch((e) => this.fail('Telling who is here failed', e))));
		this.stop.push(activity.onStored((boardId, changes) => void this.onStored(boardId, changes).catch((e) => this.fail('Telling of a change failed', e))));
		this.stop.push(services.membership.listen((boardId) => {
			this.cache.forget(boardId);
			void this.tellHere(boardId).catch((e) => this.fail('Telling who is here failed', e));
		}));
	}

	/** Who is on each of a user's plans, as that user may see it (the answer to plans:watch). */
	async snapshot(userId: string): Promise<PlanHere[]> {
		const plans = await this.services.storage.boards.listForUser(userId);
		const answers = await Promise.all(plans.map((plan) => this.hereFor(plan.id, userId)));
		return answers.filter((a): a is PlanHere => a !== null);
	}

	private async hereFor(boardId: string, viewerId: string, people?: PlanPeople | null): Promise<PlanHere | null> {
		people ??= await this.cache.get(boardId);
		const viewer = people?.members.find((m) => m.userId === viewerId);
		if (!people || !viewer) return null;
		const here = this.activity.here(boardId).filter((id) => id !== viewerId);
		return {
			boardId,
			here: seesPeople(people, viewer) ? peopleFor(people, viewer, here) : null
		};
	}

	private watching(userId: string): boolean {
		return socketsIn(this.io, planListRoom(userId)).size > 0;
	}

	private async tellHere(boardId: string): Promise<void> {
		const people = await this.cache.get(boardId);
		if (!people) return;
		for (const member of people.members) {
			// A supporter learns nothing of who comes and goes, not even that someone did.
			if (!this.watching(member.userId) || !seesPeople(people, member)) continue;
			const here = await this.hereFor(boardId, member.userId, people);
			if (here) send(this.io.local.to(planListRoom(member.userId)), { type: 'plans:here', ...here });
		}
	}

	private async onStored(boardId: string, stored: StoredChanges): Promise<void> {
		// Typing is stored many times a second: with nobody on the live channel here there is
		// nobody to tell, and no reason to read who is on the plan.
		if (this.io.sockets.sockets.size === 0) return;
		const people = await this.cache.get(boardId);
		if (!people) return;
		const { writers } = stored;
		let change: ChangeSummary | null = null;
		for (const member of people.members) {
			const others = writers.filter((id) => id !== member.userId);
			if (!others.length) continue;
			if (this.watching(member.userId)) {
				const by = namesFor(people, member, others.slice(-1))[0] ?? null;
				send(this.io.local.to(planListRoom(member.userId)), { type: 'plans:changed', boardId, by, at: Date.now() });
			}
			if (!this.wantsNotice(member.userId, boardId)) continue;
			change ??= stored.summary();
			this.notices.push(`${member.userId} ${boardId}`, { boardId, recipientId: member.userId, writers: new Set(others), change });
		}
	}

	/** Someone connected, and not looking at the plan: not on its page, nor with its board open. */
	private wantsNotice(userId: string, boardId: string): boolean {
		if (socketsIn(this.io, userRoom(userId)).size === 0) return false;
		return !isOnPlan(this.io, userId, boardId) && !this.activity.here(boardId).includes(userId);
	}

	private async deliverNotice(notice: PendingNotice): Promise<void> {
		const { boardId, recipientId } = notice;
		if (!this.wantsNotice(recipientId, boardId)) return;
		const people = await this.cache.get(boardId);
		const recipient = people?.members.find((m) => m.userId === recipientId);
		if (!people || !recipient) return;
		send(this.io.local.to(userRoom(recipientId)), {
			type: 'notice',
			boardId,
			personName: people.board.personName,
			isMine: people.board.ownerId === recipientId,
			who: namesFor(people, recipient, notice.writers),
			change: notice.change
		});
	}

	private fail(message: string, error: unknown): void {
		this.services.log.warn(message, { error: (error as Error).message });
	}

	close(): void {
		for (const stop of this.stop) stop();
		this.notices.close();
	}
}
