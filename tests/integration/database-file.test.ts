/**
 * Start-up refuses a database file that is empty or not ours, naming it and the way forward;
 * a new DATA_DIR still gets a new database, and an older database of ours still opens.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../server/storage/sqlite/index.js';
import { APPLICATION_ID } from '../../server/storage/sqlite/identity.js';
import { MIGRATIONS } from '../../server/storage/sqlite/migrations.js';
import { runUntilExit, startServer, tempDir, type TestServer } from '../helpers/server.js';
import { signedUp } from '../helpers/http-client.js';
import { count } from '../helpers/database.js';

let server: TestServer | undefined;
afterEach(async () => {
	await server?.stop();
	server = undefined;
});

function dirWith(prepare: (file: string) => void): { dataDir: string; file: string } {
	const dataDir = tempDir();
	const file = path.join(dataDir, DATABASE_FILE);
	prepare(file);
	return { dataDir, file };
}

const readId = (file: string) => {
	const db = new Database(file, { readonly: true });
	try {
		return db.pragma('application_id', { simple: true });
	} finally {
		db.close();
	}
};

describe('the database file at start-up', () => {
	it('refuses an empty (0-byte) file, naming it and CREATE_DATABASE=1, and leaves it as it was', async () => {
		const { dataDir, file } = dirWith((f) => fs.writeFileSync(f, ''));
		const { code, output } = await runUntilExit({ DATA_DIR: dataDir });
		expect(code).toBe(1);
		expect(output).toContain(`The database file ${file} is empty`);
		expect(output).toContain('CREATE_DATABASE=1');
		expect(fs.statSync(file).size).toBe(0);
	});

	it('makes a new database in an empty file when told to with CREATE_DATABASE=1', async () => {
		const { dataDir, file } = dirWith((f) => fs.writeFileSync(f, ''));
		server = await startServer({ DATA_DIR: dataDir, CREATE_DATABASE: '1' });
		await signedUp(server.url, 'First User');
		await server.stop();
		expect(readId(file)).toBe(APPLICATION_ID);
		// Once it is ours, it opens without being told again.
		server = await startServer({ DATA_DIR: dataDir });
		expect(count(dataDir, 'SELECT COUNT(*) AS n FROM users')).toBe(1);
	});

	it("refuses another program's SQLite database and does not change it", async () => {
		const { dataDir, file } = dirWith((f) => {
			const db = new Database(f);
			db.exec("CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('not a care plan')");
			db.close();
		});
		const before = fs.readFileSync(file);
		for (const env of [{}, { CREATE_DATABASE: '1' }] as Record<string, string>[]) {
			const { code, output } = await runUntilExit({ DATA_DIR: dataDir, ...env });
			expect(code).toBe(1);
			expect(output).toContain(`The file ${file} is not a WhatMatters database`);
			expect(output).toContain('Set DATA_DIR');
		}
		expect(fs.readFileSync(file).equals(before)).toBe(true);
	});

	it('refuses a file that is not SQLite at all', async () => {
		const { dataDir, file } = dirWith((f) => fs.writeFileSync(f, 'name,email\nAnnie,annie@example.com\n'));
		const { code, output } = await runUntilExit({ DATA_DIR: dataDir });
		expect(code).toBe(1);
		expect(output).toContain(`The file ${file} is not a WhatMatters database`);
	});

	it('refuses an SQLite database marked as another application', async () => {
		const { dataDir } = dirWith((f) => {
			const db = new Database(f);
			db.exec('PRAGMA application_id = 42; CREATE TABLE users (id TEXT)');
			db.close();
		});
		expect((await runUntilExit({ DATA_DIR: dataDir })).code).toBe(1);
	});

	it('opens a database of ours from before it carried the id, keeps its data and marks it', async () => {
		const { dataDir, file } = dirWith((f) => {
			const db = new Database(f);
			db.pragma('journal_mode = WAL');
			for (const [index, sql] of MIGRATIONS.slice(0, 2).entries()) {
				db.exec(sql);
				db.pragma(`user_version = ${index + 1}`);
			}
			db.prepare("INSERT INTO users (id, email, name, password_hash, created_at) VALUES ('u1', 'old@example.com', 'Old', 'x', 1)").run();
			db.close();
		});
		server = await startServer({ DATA_DIR: dataDir });
		expect(count(dataDir, "SELECT COUNT(*) AS n FROM users WHERE email = 'old@example.com'")).toBe(1);
		await server.stop();
		expect(readId(file)).toBe(APPLICATION_ID);
	});

	it('creates a new database in a new DATA_DIR without being asked', async () => {
		const dataDir = path.join(tempDir(), 'not-yet-made');
		server = await startServer({ DATA_DIR: dataDir });
		expect(fs.existsSync(path.join(dataDir, DATABASE_FILE))).toBe(true);
		// Made beside it and moved into place whole: nothing of the making is left over.
		expect(fs.readdirSync(dataDir).filter((name) => name.includes('.new'))).toEqual([]);
		expect(readId(path.join(dataDir, DATABASE_FILE))).toBe(APPLICATION_ID);
	});
});
