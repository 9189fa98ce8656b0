/**
 * The app on PostgreSQL (DATABASE_URL): it starts, migrates, serves and stores edits in the
 * database; and it refuses to start, naming DATABASE_URL, when the database cannot be reached.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addItem, listItems } from '../../src/lib/board/index.js';
import { planWithEveryRole, type PlanWithEveryone } from '../helpers/plans.js';
import { freshSchema } from '../helpers/postgres.js';
import { pgStoredDoc, pgUserId } from '../helpers/postgres-data.js';
import { freePort, runUntilExit, startServer, type TestServer } from '../helpers/server.js';
import { connectProvider, whenSynced } from '../helpers/sync-client.js';

let server: TestServer;
let url: string;
let plan: PlanWithEveryone;

beforeAll(async () => {
	url = await freshSchema();
	server = await startServer({ DATABASE_URL: url });
	plan = await planWithEveryRole(server.url);
});
afterAll(async () => server?.stop());

it('serves plans from PostgreSQL and stores every edit there', async () => {
	const person = connectProvider(server.url, plan.boardId, plan.clients.person);
	await whenSynced(person.provider);
	const author = await pgUserId(url, plan.emails.person);
	addItem(person.doc, 'matters', { author, text: 'Seeing my grandchildren' });
	let stored: string[] = [];
	for (let i = 0; i < 100 && stored.length === 0; i++) {
		stored = listItems(await pgStoredDoc(url, plan.boardId), 'matters').map((item) => item.text);
		if (!stored.length) await new Promise((r) => setTimeout(r, 50));
	}
	expect(stored).toEqual(['Seeing my grandchildren']);
	expect(server.output()).toMatch(/WhatMatters is listening.*"database":"127\.0\.0\.1:\d+\//);
	person.destroy();
});

it('answers /healthz with a real write to PostgreSQL', async () => {
	const response = await fetch(`${server.url}/healthz`);
	expect(response.status).toBe(200);
});

it('refuses to start when the database cannot be reached, naming DATABASE_URL', async () => {
	const port = await freePort();
	const { code, output } = await runUntilExit({ DATABASE_URL: `postgres://nobody:secret@127.0.0.1:${port}/plans` });
	expect(code).toBe(1);
	expect(output).toMatch(/cannot reach the PostgreSQL database in DATABASE_URL \(127\.0\.0\.1:\d+\/plans\)/);
	expect(output).not.toContain('secret');
});
