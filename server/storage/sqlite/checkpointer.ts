/**
 * WAL checkpoints off the event loop. A checkpoint copies the write-ahead log into the database
 * and fsyncs it, which takes milliseconds; better-sqlite3 is synchronous, so on the main thread
 * every open board would wait. A worker thread with its own connection runs PASSIVE checkpoints
 * (they never block writers); if it fails, SQLite's automatic checkpoints take over again.
 */
import { createRequire } from 'node:module';
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

// Plain CommonJS, evaluated as the worker: it needs no build step in any way of running us.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 1000');
const timer = setInterval(() => {
	try { db.pragma('wal_checkpoint(PASSIVE)'); }
	catch (error) { parentPort.postMessage({ error: String(error && error.message || error) }); }
}, workerData.everyMs);
parentPort.on('message', (message) => {
	if (message !== 'stop') return;
	clearInterval(timer);
	db.close();
	parentPort.close();
});
`;

const AUTOMATIC_PAGES = 1000;

export interface Checkpointer {
	stop(): Promise<void>;
}

export function startCheckpointer(db: Database.Database, file: string, onProblem: (message: string) => void, everyMs = 1000): Checkpointer {
	const fallBack = (why: string) => {
		onProblem(`WAL checkpoints are back on the main thread: ${why}`);
		db.pragma(`wal_autocheckpoint = ${AUTOMATIC_PAGES}`);
	};
	let worker: Worker;
	try {
		const driver = createRequire(import.meta.url).resolve('better-sqlite3');
		worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, file, everyMs } });
	} catch (error) {
		fallBack((error as Error).message);
		return { async stop() {} };
	}
	db.pragma('wal_autocheckpoint = 0');
	let stopping = false;
	worker.unref();
	worker.on('message', (message: { error?: string }) => message.error && onProblem(`checkpoint failed: ${message.error}`));
	worker.on('error', (error) => fallBack(error.message));
	worker.on('exit', () => {
		if (!stopping) fallBack('the checkpoint worker stopped');
	});
	return {
		async stop() {
			stopping = true;
			// Held from here on, so the process waits for the worker to let go of the file.
			worker.ref();
			const exited = once(worker, 'exit');
			worker.postMessage('stop');
			await exited;
		}
	};
}
