/**
 * Copies of a large plan: the print page's HTML, the FHIR document and "all my data", each asked
 * for over HTTP from the real server, timed until the whole body has arrived. The plan has one
 * section at its limit (500 goals, every field set) and every main text at its limit (10,000
 * characters), 50 steps linked to goals and 10 items in every other section, stored as the
 * server keeps a plan (a compacted state; the server compacts every 500 updates).
 * Target: each under a second. Alone:  node --import tsx bench/print-export.ts <dir>
 * (needs the built app: npm run build).
 */
import * as Y from 'yjs';
import { addItem, initBoard, LIMITS, SECTION_KEYS, type SectionKey } from '../src/lib/board/index.js';
import { generateToken, hashToken, SESSION_COOKIE } from '../src/lib/server/auth/sessions.js';
import { newId } from '../src/lib/server/ids.js';
import { openSqliteStorage } from '../server/storage/sqlite/index.js';
import { startBuiltServer } from './built-server.js';
import { percentile } from './stats.js';

const FULL = LIMITS.maxItemsPerSection;
const STEPS = 50;
const OTHERS = 10;
const SAMPLES = 7;

export interface CopyTiming {
	/** The first request, when nothing about the plan has been read before (history not derived yet). */
	firstMs: number;
	median: number;
	max: number;
	/** The size of the body sent. */
	mebibytes: number;
}

export interface PrintExportRun {
	items: number;
	textLength: number;
	print: CopyTiming;
	fhir: CopyTiming;
	data: CopyTiming;
}

/** A long text of `length` characters, words and line breaks, different for every item. */
function words(n: number, length: number): string {
	const base = `Item ${n}: I would like to walk to the park with my sister on Sundays, and then have a cup of tea.\n`;
	return base.repeat(Math.ceil(length / base.length)).slice(0, length);
}

/** Stores the large plan as the person would write it: one stored update per item. */
async function seedLargePlan(dataDir: string): Promise<{ boardId: string; token: string }> {
	const storage = openSqliteStorage(dataDir, { createDatabase: true });
	const now = Date.now();
	const person = newId();
	const clinician = newId();
	await storage.users.create({ id: person, email: 'bench-person@example.com', name: 'Bench Person', passwordHash: 'not-used', createdAt: now });
	await storage.users.create({ id: clinician, email: 'bench-clinician@example.com', name: 'Bench Clinician', passwordHash: 'not-used', createdAt: now });
	const boardId = newId();
	await storage.boards.create({ id: boardId, personName: 'Bench Person', ownerId: person, createdBy: person, createdAt: now }, 'person', {
		at: now,
		actorId: person,
		boardId,
		action: 'board.created',
		detail: { for: 'self' }
	});
	const invitation = { id: newId(), boardId, tokenHash: 'bench-invite', role: 'clinician' as const, label: 'bench', createdBy: person, createdAt: now, expiresAt: now + 60_000, acceptedAt: null, acceptedBy: null, withdrawnAt: null };
	await storage.invitations.create(invitation, { at: now, actorId: person, boardId, action: 'invitation.created', detail: { role: 'clinician' } });
	await storage.invitations.accept('bench-invite', clinician, now, () => ({ at: now, actorId: clinician, boardId, action: 'invitation.accepted', detail: { role: 'clinician' } }));
	const token = generateToken();
	await storage.sessions.create({ id: hashToken(token), userId: person, expiresAt: now + 86_400_000 });

	const doc = new Y.Doc();
	const updates: { data: Uint8Array; userId: string }[] = [];
	let sender = person;
	doc.on('update', (data: Uint8Array) => updates.push({ data, userId: sender }));
	initBoard(doc);
	let n = 0;
	const text = () => words(n++, LIMITS.maxTextLength);
	const goals: string[] = [];
	for (let i = 0; i < FULL; i++) {
		const okLooksLike = 'I can walk to the shop and back without stopping, and I feel like myself again.';
		goals.push(addItem(doc, 'goals', { author: person, text: text(), okLooksLike, importance: i % 11, confidence: (i * 7) % 11, status: 'working_on_it', reviewDate: '2026-06-30' }));
	}
	sender = clinician;
	for (let i = 0; i < STEPS; i++) addItem(doc, 'steps', { author: clinician, text: text(), owner: i % 2 ? person : clinician, dueDate: '2026-05-20', status: 'doing', goalId: goals[i]! });
	sender = person;
	const rest = SECTION_KEYS.filter((key): key is Exclude<SectionKey, 'goals' | 'steps'> => key !== 'goals' && key !== 'steps');
	for (const key of rest) for (let i = 0; i < OTHERS; i++) addItem(doc, key, { author: person, text: text() });
	let seq = 0;
	for (let i = 0; i < updates.length; i += 100) {
		seq = (await storage.docs.append(updates.slice(i, i + 100).map((u) => ({ boardId, data: u.data, userId: u.userId, at: now })))).at(-1)!;
	}
	await storage.docs.saveSnapshot(boardId, seq, Y.encodeStateAsUpdate(doc), now);
	doc.destroy();
	await storage.close();
	return { boardId, token };
}

/** One request, timed from sending it until its whole body has arrived. */
async function timed(url: string, cookie: string): Promise<{ ms: number; bytes: number }> {
	const started = performance.now();
	const response = await fetch(url, { headers: { cookie, accept: 'text/html,application/json' } });
	const body = await response.arrayBuffer();
	const ms = performance.now() - started;
	if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
	return { ms, bytes: body.byteLength };
}

async function measure(url: string, cookie: string): Promise<CopyTiming> {
	const first = await timed(url, cookie);
	const times: number[] = [];
	for (let i = 0; i < SAMPLES; i++) times.push((await timed(url, cookie)).ms);
	times.sort((a, b) => a - b);
	return { firstMs: first.ms, median: percentile(times, 50), max: times.at(-1)!, mebibytes: first.bytes / 2 ** 20 };
}

/** Seeds the large plan into `dataDir`, starts the server on it, and times the three copies. */
export async function measurePrintExport(dataDir: string): Promise<PrintExportRun> {
	const { boardId, token } = await seedLargePlan(dataDir);
	const { base, stop } = await startBuiltServer(dataDir);
	try {
		const cookie = `${SESSION_COOKIE}=${token}`;
		const plan = `${base}/boards/${boardId}`;
		return {
			items: FULL + STEPS + OTHERS * (SECTION_KEYS.length - 2),
			textLength: LIMITS.maxTextLength,
			print: await measure(`${plan}/print`, cookie),
			fhir: await measure(`${plan}/fhir`, cookie),
			data: await measure(`${plan}/export`, cookie)
		};
	} finally {
		stop();
	}
}

if (process.argv[1]?.endsWith('print-export.ts') && process.argv[2]) {
	const { reportResult } = await import('./child.js');
	reportResult(measurePrintExport(process.argv[2]));
}
