/**
 * Who is on a board, as its room checks updates and builds presence: read from storage when
 * the room loads, and again whenever membership changes (someone joins, leaves or gets another
 * role), so a member removed a moment ago can no longer be named or write.
 */
import type { UpdateWriter } from '../../src/lib/board/index.js';
import type { PresenceUser } from '../../src/lib/protocol/presence.js';
import type { MemberRecord, Storage } from '../../src/lib/server/storage.js';

export class RoomMembers {
	private byId = new Map<string, MemberRecord>();
	private personId: string | null = null;
	private reading: Promise<void> | null = null;
	private readAt = 0;

	constructor(
		private readonly boardId: string,
		private readonly storage: Storage
	) {}

	/** Reads the member list again; concurrent calls share one read, started after the call. */
	async refresh(): Promise<void> {
		const read = (this.reading ?? Promise.resolve()).then(async () => {
			const members = await this.storage.members.list(this.boardId);
			this.byId = new Map(members.map((member) => [member.userId, member]));
			this.personId = members.find((member) => member.role === 'person')?.userId ?? null;
			this.readAt = Date.now();
		});
		this.reading = read.finally(() => {
			if (this.reading === read) this.reading = null;
		});
		await read;
	}

	/**
	 * Reads the list again unless it was read in the last two seconds: a name the list lacks is
	 * worth one look, but a sender repeating it must not make every message cost a read.
	 * @returns whether it read.
	 */
	async refreshIfStale(): Promise<boolean> {
		if (Date.now() - this.readAt < 2_000) return false;
		await this.refresh();
		return true;
	}

	has(userId: string): boolean {
		return this.byId.has(userId);
	}

	/** The attribution rules' view of a sender: themself, the person, anyone on the plan. */
	writer(userId: string): UpdateWriter {
		return { id: userId, personId: this.personId, isMember: (id) => this.byId.has(id) };
	}

	/** Name and role as the member list has them, for presence; null if not on the plan. */
	presenceUser(userId: string): PresenceUser | null {
		const member = this.byId.get(userId);
		return member ? { id: member.userId, name: member.name, role: member.role } : null;
	}
}
