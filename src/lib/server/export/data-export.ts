/**
 * "All my data": everything WhatMatters keeps about one plan, in one JSON file, for the person's
 * right of access. The plan as stored (every item with every field and who wrote it), who is on
 * it and who was invited, every change in its history, and its access log. Times are ISO 8601
 * in UTC; lists run oldest first. The layout is described in docs/print-and-export.md, "All my data".
 */
import { SECTIONS, agendaOf, currentVisit, listItems, pastVisits, type ItemView } from '../../board/index.js';
import { describeEntry } from '../../board/history/index.js';
import { itemFacts } from '../../plan-text/index.js';
import { catchUpHistory } from '../history.js';
import { describeAccessEntry } from '../access-log.js';
import type { BoardAccess } from '../permissions.js';
import type { HistoryEntry } from '../../board/history/types.js';
import type { AccessLogCursor, AccessLogEntry, Storage } from '../storage.js';
import { idsNamedIn, planPeople, type PlanPeople } from './plan-people.js';
import { loadStoredPlan } from './stored-plan.js';

export const EXPORT_FORMAT = 'whatmatters-plan-export';
export const EXPORT_VERSION = 1;

/** Rows read per page of a long history or access log. */
const PAGE = 1000;
const iso = (at: number | null) => (at === null ? null : new Date(at).toISOString());

/** Someone named in the file: their id and the name the plan knows them by. */
function who(people: PlanPeople, id: string | null) {
	if (id === null) return null;
	return { id, name: people.get(id)?.name ?? people.nameOf(id) };
}

function itemRecord(item: ItemView, people: PlanPeople, goals: readonly ItemView<'goals'>[]) {
	const { section: _section, order: _order, author, recordedBy, createdAt, updatedAt, updatedBy, updatedFor, ...values } = item;
	return {
		...values,
		writtenBy: who(people, author),
		typedBy: recordedBy && recordedBy !== author ? who(people, recordedBy) : null,
		writtenAt: iso(createdAt),
		lastChangedBy: who(people, updatedBy),
		// On a shared screen: whose words the last change was, when not the typist's own.
		lastChangeWordsOf: updatedFor ? who(people, updatedFor) : null,
		lastChangedAt: iso(updatedAt),
		// The same fields in the words the board uses, for reading the file by eye.
		inWords: itemFacts(item, people.nameOf, goals).map(({ label, words }) => ({ label, words }))
	};
}

async function allHistory(storage: Storage, boardId: string): Promise<HistoryEntry[]> {
	await catchUpHistory(storage, boardId);
	const entries: HistoryEntry[] = [];
	for (let before: number | undefined; ; ) {
		const page = await storage.history.list(boardId, { limit: PAGE, beforeId: before });
		entries.push(...page);
		if (page.length < PAGE) break;
		before = page.at(-1)!.id;
	}
	return entries.reverse();
}

async function allAccessLog(storage: Storage, boardId: string): Promise<AccessLogEntry[]> {
	const rows: AccessLogEntry[] = [];
	for (let before: AccessLogCursor | undefined; ; ) {
		const page = await storage.accessLog.list(boardId, { limit: PAGE, before });
		rows.push(...page);
		if (page.length < PAGE) break;
		const last = page.at(-1)!;
		before = { at: last.at, kind: last.kind, id: last.id };
	}
	return rows.reverse();
}

/** Builds the file for `access` (the person), as stored now. */
export async function dataExport(storage: Storage, access: BoardAccess & { user: { id: string; name: string } }, now = Date.now()) {
	const { board, membership, user } = access;
	const stored = await loadStoredPlan(storage, board.id);
	try {
		const sections = SECTIONS.map((info) => ({ info, items: listItems(stored.doc, info.key) as ItemView[] }));
		const goals = sections.find((s) => s.info.key === 'goals')!.items as ItemView<'goals'>[];
		const [history, accessLog, invitations] = await Promise.all([
			allHistory(storage, board.id),
			allAccessLog(storage, board.id),
			storage.invitations.listPending(board.id, now)
		]);
		const visits = listItems(stored.doc, 'visits');
		const today = sections.find((s) => s.info.key === 'today')!.items as ItemView<'today'>[];
		const named = idsNamedIn([...sections.flatMap((s) => s.items), ...visits]);
		for (const entry of history) for (const id of [entry.senderId, entry.wordsOfId]) if (id) named.add(id);
		named.add(board.createdBy);
		const people = await planPeople(storage, board, membership, named);
		return {
			format: EXPORT_FORMAT,
			version: EXPORT_VERSION,
			about:
				'Everything WhatMatters keeps about this care and support plan: the plan, who is on it, every change to it and who has looked at it. Times are in UTC. Lists run from the oldest to the newest.',
			exportedAt: iso(now),
			exportedBy: who(people, user.id),
			plan: {
				id: board.id,
				personName: board.personName,
				startedAt: iso(board.createdAt),
				startedBy: who(people, board.createdBy),
				storedChanges: stored.seq,
				lastChangedAt: iso(stored.lastChange?.at ?? null),
				people: people.people.filter((p) => p.role !== null).map((p) => ({ id: p.id, name: p.name, role: p.role, joinedAt: iso(p.joinedAt) })),
				pendingInvitations: invitations.map((i) => ({ for: i.label, role: i.role, madeBy: who(people, i.createdBy), madeAt: iso(i.createdAt), endsAt: iso(i.expiresAt) })),
				sections: sections.map(({ info, items }) => ({ key: info.key, title: info.title, items: items.map((item) => itemRecord(item, people, goals)) })),
				// Every conversation, oldest first like every list here: its fields as stored (`text` is what
				// was agreed), who took part by name, and its agenda (the ids of its "Our time today" items).
				conversations: [currentVisit(visits), ...pastVisits(visits)]
					.filter((visit) => visit !== null)
					.reverse()
					.map((visit) => ({
						...itemRecord(visit, people, goals),
						tookPart: visit.participants.map((id) => who(people, id)),
						agenda: agendaOf(today, visit.id, visits).map((item) => item.id)
					}))
			},
			history: history.map((entry) => {
				const words = describeEntry(entry, (id) => (id === null ? 'WhatMatters' : people.nameOf(id)));
				return {
					id: entry.id,
					at: iso(entry.lastAt),
					startedAt: iso(entry.firstAt),
					by: who(people, entry.senderId),
					wordsOf: who(people, entry.wordsOfId),
					section: entry.section,
					itemId: entry.itemId,
					kind: entry.kind,
					words: words.sentence,
					typedBy: words.typedBy,
					before: words.before,
					after: words.after,
					changes: { from: entry.firstSeq, to: entry.lastSeq },
					detail: entry.detail
				};
			}),
			accessLog: accessLog.map((entry) => {
				const line = describeAccessEntry(entry, user.id);
				const base = { at: iso(entry.at), words: line.words };
				if (entry.kind === 'visit') return { ...base, kind: 'visit', by: who(people, entry.visit.userId), role: entry.visit.role, lastedMs: line.lasted };
				return { ...base, kind: 'event', by: who(people, entry.actorId), action: entry.action, detail: entry.detail };
			})
		};
	} finally {
		stored.doc.destroy();
	}
}
