/**
 * The storage seam. SQLite is the embedded default; a PostgreSQL implementation can be added
 * behind the same interface for scale-out. Every method is async so either fits.
 * Records are plain objects; callers project them before they reach a page.
 * Every change that is audited takes its AuditEntry, and writes it in the change's own
 * transaction: an audit row can never be missing for a change that was made (a care plan is a
 * health record), and a failed audit write undoes the change.
 */
import type { Role } from '../roles.js';
import type { DerivationState, HistoryEntry, LoggedUpdate } from '../board/history/types.js';

export interface UserRecord {
	id: string;
	email: string;
	name: string;
	passwordHash: string;
	createdAt: number;
}

export interface SessionRecord {
	/** SHA-256 of the token, hex: the token itself is never stored. */
	id: string;
	userId: string;
	expiresAt: number;
}

export interface BoardRecord {
	id: string;
	/** The person's name as the creator typed it, replaced by their account name when they join. */
	personName: string;
	/** The person's user id once they have joined; they own the plan. */
	ownerId: string | null;
	createdBy: string;
	createdAt: number;
}

export interface BoardSummary {
	id: string;
	personName: string;
	role: Role;
	createdAt: number;
}

export interface MembershipRecord {
	boardId: string;
	userId: string;
	role: Role;
	joinedAt: number;
}

export interface MemberRecord extends MembershipRecord {
	name: string;
	email: string;
}

export interface InvitationRecord {
	id: string;
	boardId: string;
	/** SHA-256 of the link's token, hex. */
	tokenHash: string;
	role: Role;
	/** Who the inviter meant it for, so the list of pending links is readable. */
	label: string;
	createdBy: string;
	createdAt: number;
	expiresAt: number;
	acceptedAt: number | null;
	acceptedBy: string | null;
	withdrawnAt: number | null;
}

export const AUDIT_ACTIONS = [
	'account.created',
	'session.signed_in',
	'session.signed_out',
	'session.signed_out_everywhere',
	'board.created',
	'invitation.created',
	'invitation.accepted',
	'invitation.withdrawn',
	'member.role_changed',
	'member.removed',
	// A copy of the plan left WhatMatters (detail: { format }: 'print', 'fhir' or 'data'), written
	// by src/lib/server/export/copy-log.ts; the person's access log shows them.
	'plan.exported',
	'plan.printed'
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntry {
	at: number;
	actorId: string | null;
	boardId: string | null;
	action: AuditAction;
	/** Small, non-secret facts about the action (never tokens or passwords). */
	detail: Record<string, string | number | null>;
}

export interface AuditRecord extends AuditEntry {
	id: number;
	actorName: string | null;
}

/** One visit of a member to a plan (see src/lib/server/visits.ts for what counts as one). */
export interface VisitRecord {
	id: number;
	boardId: string;
	userId: string;
	userName: string;
	/** Their role when the visit started; null if they were not a member then. */
	role: Role | null;
	startedAt: number;
	/** The last sign of them in this visit: the visit's end once it is over. */
	lastSeenAt: number;
}

/** A place in a newest-first list: the last row shown, so the next page starts after it. */
export interface PageCursor {
	at: number;
	id: number;
}

/** One row of the person's access log: a visit, or an audited event about the plan. */
export type AccessLogEntry =
	| { kind: 'visit'; id: number; at: number; visit: VisitRecord }
	| {
			kind: 'event';
			id: number;
			at: number;
			action: AuditAction;
			actorId: string | null;
			actorName: string | null;
			/** The member an event was about (role changed, removed, joined), by name. */
			subjectName: string | null;
			/** Who an invitation was for, as the inviter wrote it. */
			invitationLabel: string | null;
			detail: AuditEntry['detail'];
	  };

/** A place in the access log, which merges two lists: its newest-first order is (at, kind, id). */
export interface AccessLogCursor extends PageCursor {
	kind: AccessLogEntry['kind'];
}

/** At most `max` attempts under `key` (an account or an address) inside the window. */
export interface ThrottleLimit {
	key: string;
	max: number;
}

/** Why accepting an invitation did not add a member. */
export type AcceptRefusal = 'not_found' | 'used' | 'withdrawn' | 'expired' | 'already_member' | 'person_taken';

/** One accepted Yjs update of a board, as it is appended to the log. */
export interface DocUpdateEntry {
	boardId: string;
	data: Uint8Array;
	/** The member who sent it; null for the server's own writes (the schema version). */
	userId: string | null;
	at: number;
}

/** What loading a board's document reads: the compacted state and every update after it. */
export interface StoredDoc {
	snapshot: Uint8Array | null;
	snapshotSeq: number;
	updates: Uint8Array[];
	/** The sequence number of the last update in the log (0 if none). */
	lastSeq: number;
}

/** One stored update as a version of the plan: who made it and when. */
export interface VersionEntry {
	seq: number;
	/** The member who sent it; null for the server's own writes. */
	userId: string | null;
	at: number;
}

/** A stored update with its place in the log. */
export interface SeqUpdate {
	seq: number;
	data: Uint8Array;
}

/** What rebuilding one version reads. */
export interface VersionSource {
	checkpoint: SeqUpdate | null;
	/** The updates after the checkpoint (or from the start), in order, up to the version. */
	updates: SeqUpdate[];
}

/** Which history entries to list: newest first, below an entry id, optionally one sender's or one section's. */
export interface HistoryQuery {
	limit: number;
	/** Only entries with a smaller id (the last one of the page before). */
	beforeId?: number;
	senderId?: string;
	section?: string;
}

/** The newest change to a plan, and the newest by someone other than the viewer. */
export interface PlanChanges {
	boardId: string;
	lastAt: number | null;
	lastBy: string | null;
	/** When someone else last changed it. */
	othersLastAt: number | null;
}

export interface Storage {
	readonly kind: string;
	users: {
		/** With `audit`, its row is written in the same transaction: both or neither. */
		create(user: UserRecord, audit?: AuditEntry): Promise<void>;
		byEmail(email: string): Promise<UserRecord | null>;
		byId(id: string): Promise<UserRecord | null>;
	};
	sessions: {
		create(session: SessionRecord, audit?: AuditEntry): Promise<void>;
		/** The session and its user, or null if either is gone. */
		get(id: string): Promise<{ session: SessionRecord; user: UserRecord } | null>;
		setExpiry(id: string, expiresAt: number): Promise<void>;
		delete(id: string): Promise<void>;
		/** Ends every session of a user; returns how many there were. */
		deleteForUser(userId: string): Promise<number>;
		deleteExpired(now: number): Promise<number>;
	};
	boards: {
		/** Creates the board, the creator's membership and its audit row in one transaction. */
		create(board: BoardRecord, creatorRole: Role, audit: AuditEntry): Promise<void>;
		get(id: string): Promise<BoardRecord | null>;
		listForUser(userId: string): Promise<BoardSummary[]>;
	};
	members: {
		get(boardId: string, userId: string): Promise<MembershipRecord | null>;
		list(boardId: string): Promise<MemberRecord[]>;
		setRole(boardId: string, userId: string, role: Role, audit: AuditEntry): Promise<void>;
		remove(boardId: string, userId: string, audit: AuditEntry): Promise<void>;
	};
	invitations: {
		create(invitation: InvitationRecord, audit: AuditEntry): Promise<void>;
		byId(id: string): Promise<InvitationRecord | null>;
		byTokenHash(tokenHash: string): Promise<InvitationRecord | null>;
		listPending(boardId: string, now: number): Promise<InvitationRecord[]>;
		/**
		 * Marks the invitation used and adds the member, in one transaction; a person invitation
		 * also makes them the board's owner. Checks every refusal inside the transaction so two
		 * people racing for one link cannot both get in.
		 */
		accept(
			tokenHash: string,
			userId: string,
			now: number,
			audit: (invitation: InvitationRecord) => AuditEntry
		): Promise<{ ok: true; invitation: InvitationRecord } | { ok: false; reason: AcceptRefusal }>;
		withdraw(id: string, now: number, audit: AuditEntry): Promise<void>;
	};
	audit: {
		/**
		 * For actions that change nothing stored (signing out). A change passes its entry to the
		 * method that makes it instead, so the change and its audit row commit together.
		 */
		append(entry: AuditEntry): Promise<void>;
		listForBoard(boardId: string, limit: number): Promise<AuditRecord[]>;
	};
	/**
	 * Visits of members to plans, recorded on the server. Rows last as long as the plan.
	 * Times are epoch ms; `now` is passed in so callers (and tests) decide the clock.
	 */
	visits: {
		/**
		 * A sign that the member is on the plan now (a page load, a live connection opening,
		 * staying open or closing). Carries on their current visit if their last sign was at most
		 * 30 minutes ago, else starts a new one; atomically, so two tabs at once make one visit.
		 * `isNew` is true when this call started the visit.
		 */
		touch(boardId: string, userId: string, now: number): Promise<{ visitId: number; isNew: boolean }>;
		/**
		 * When the member's visit *before* the current one ended (its last sign of life), or null
		 * if they have never been here before. "What changed since your last visit" counts from
		 * this. The same answer whether or not the current visit has been touched yet, and it
		 * does not move while the current visit goes on.
		 */
		previousVisitEnd(boardId: string, userId: string, now: number): Promise<number | null>;
		/** The member's newest visit to each plan they have visited, for the plan list. */
		lastVisits(userId: string): Promise<{ boardId: string; startedAt: number; lastSeenAt: number }[]>;
		/** A plan's visits, newest first (by start), strictly after `before` in that order. */
		listForBoard(boardId: string, options: { limit: number; before?: PageCursor }): Promise<VisitRecord[]>;
	};
	/** The person's access log: visits and membership, export and print events, newest first. */
	accessLog: {
		list(boardId: string, options: { limit: number; before?: AccessLogCursor }): Promise<AccessLogEntry[]>;
	};
	loginAttempts: {
		/**
		 * Counts one sign-in attempt under every key *before* its password is checked, in one
		 * transaction: if any key already has `max` attempts in the window, records nothing and
		 * says how long until one leaves it; otherwise records the attempt and returns its id.
		 * So however many requests arrive at once, at most `max` per key are ever checked.
		 */
		reserve(limits: ThrottleLimit[], at: number, windowMs: number): Promise<{ ok: true; attempt: string } | { ok: false; retryAfterMs: number }>;
		/** The attempt signed in: it is not a failure, and the account's earlier failures are forgotten. */
		succeeded(attempt: string, clearKey: string): Promise<void>;
		/** Attempts under a key since a time, and the oldest of them. */
		failuresSince(key: string, since: number): Promise<{ count: number; oldest: number | null }>;
	};
	docs: {
		/**
		 * Appends updates in one transaction and returns the sequence number each got, per board.
		 * Resolves only once they are durable; rejects (storing none of them) on failure.
		 */
		append(entries: DocUpdateEntry[]): Promise<number[]>;
		load(boardId: string): Promise<StoredDoc>;
		/** Replaces the board's compacted state; the update log itself is never shortened. */
		saveSnapshot(boardId: string, uptoSeq: number, data: Uint8Array, at: number): Promise<void>;
	};
	/** Versions of a board's document: stored checkpoints and the updates after them (docs/history.md). */
	versions: {
		/** Who sent stored update `seq` of this board, and when; null if this board has no such update. */
		update(boardId: string, seq: number): Promise<VersionEntry | null>;
		/** The sequence number of the board's last stored update (0 if none). */
		lastSeq(boardId: string): Promise<number>;
		/** What rebuilding the version just after `seq` reads: the nearest checkpoint at or before it, and the updates after that up to `seq`. */
		readFor(boardId: string, seq: number): Promise<VersionSource>;
		/** Keeps the document's full state just after `seq`; a checkpoint already kept is left as it is. */
		saveCheckpoint(boardId: string, seq: number, data: Uint8Array, at: number): Promise<void>;
	};
	/** History entries derived from the update log, and what each member has seen (docs/history.md). */
	history: {
		/** How far the derivation has read, and what it needs to carry on; null before it starts. */
		progress(boardId: string): Promise<DerivationState | null>;
		/** Only how far it has read (0 before it starts): cheap, for "is there anything new?". */
		progressSeq(boardId: string): Promise<number>;
		/**
		 * The newest full state of the document stored at or before `seq` (a version checkpoint or
		 * the compacted state), to read the newest changes from without replaying the whole log.
		 */
		startPoint(boardId: string, seq: number): Promise<SeqUpdate | null>;
		/** Stored updates after `seq`, in order, at most `limit`. */
		updatesAfter(boardId: string, seq: number, limit: number): Promise<LoggedUpdate[]>;
		/**
		 * Stores new and grown entries and the new progress in one transaction, only if the
		 * progress is still at `fromSeq` (so two catch-ups at once never both write); returns
		 * whether it wrote.
		 */
		save(boardId: string, fromSeq: number, entries: HistoryEntry[], state: DerivationState): Promise<boolean>;
		list(boardId: string, query: HistoryQuery): Promise<HistoryEntry[]>;
		/** Everyone who has made an entry, for the filter. */
		senders(boardId: string): Promise<string[]>;
		/** Entries others made that ended after `after` (epoch ms), oldest first, at most `limit`. */
		byOthersSince(boardId: string, userId: string, after: number, limit: number): Promise<HistoryEntry[]>;
		/** What the member has seen: everything up to `all`, and each item up to its own seq. */
		seen(boardId: string, userId: string): Promise<{ all: number; items: Map<string, number> }>;
		/** Marks items (or, with null, everything) as seen up to `seq`; never moves a mark back. */
		markSeen(boardId: string, userId: string, itemIds: string[] | null, seq: number): Promise<void>;
		/** The newest change of each plan and the newest by someone other than `userId`. */
		planChanges(boardIds: string[], userId: string): Promise<PlanChanges[]>;
	};
	/** Resolves once the store is ready; /healthz answers 200 only after. */
	isOpen(): boolean;
	/** Commits one small real write; rejects when storage cannot write (disk full, read-only, locked). */
	probeWrite(at: number): Promise<void>;
	close(): Promise<void>;
}
