/**
 * The crash loop (`npm run test:soak`, not part of `npm test`): three members edit while the
 * server is killed with SIGKILL at random moments, at least 20 times. After each restart,
 * everything any client had received from the others is in storage, and all clients and
 * storage converge to the same state vector.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storedDoc, userId } from '../helpers/database.js';
import { keepEditing, knowledgeOf, receivedButNotStored, sameState } from '../helpers/editing.js';
import { planWithEveryRole, type PlanWithEveryone } from '../helpers/plans.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { connectProvider, eventually, whenSynced, type TestProvider } from '../helpers/sync-client.js';

const KILLS = Number(process.env.CRASH_KILLS ?? 20);

let server: TestServer;
let plan: PlanWithEveryone;
beforeAll(async () => {
	server = await startServer({ LOG_LEVEL: 'error' });
	plan = await planWithEveryRole(server.url);
});
afterAll(async () => server?.stop());

describe('crash loop', () => {
	it(`loses nothing relayed over ${KILLS} SIGKILLs at random moments, and everyone converges each time`, { timeout: KILLS * 30_000 }, async () => {
		const who = ['person', 'clinician', 'peer_advocate'] as const;
		const clients: TestProvider[] = who.map((role) => connectProvider(server.url, plan.boardId, plan.clients[role]));
		await Promise.all(clients.map((c) => whenSynced(c.provider)));
		const authors = who.map((role) => userId(server.dataDir, plan.emails[role]));

		for (let kill = 1; kill <= KILLS; kill++) {
			const stops = clients.map((c, i) => keepEditing(c.doc, authors[i], who[i], 5 + i));
			await new Promise((r) => setTimeout(r, 200 + Math.random() * 1300));
			await server.kill();
			// What each had received at the moment of the crash; they edit on, offline, for a while.
			const atCrash = clients.map((c) => knowledgeOf(c.doc));
			await new Promise((r) => setTimeout(r, Math.random() * 300));
			for (const stop of stops) stop();
			await server.restart();
			const stored = storedDoc(server.dataDir, plan.boardId);
			expect(atCrash.flatMap((known) => receivedButNotStored(known, stored)), `after kill ${kill}`).toEqual([]);
			await eventually(() => clients.every((c) => c.provider.wsconnected && c.provider.synced), `reconnected after kill ${kill}`, 20_000);
			await eventually(() => sameState(clients[0].doc, clients[1].doc) && sameState(clients[1].doc, clients[2].doc), `clients converge after kill ${kill}`, 20_000);
			await eventually(() => sameState(storedDoc(server.dataDir, plan.boardId), clients[0].doc), `storage converges after kill ${kill}`, 20_000);
		}
		for (const c of clients) c.destroy();
	});
});
