/**
 * `npm run bench:realtime`: the live channel (socket.io) under load. Opens one socket per
 * member (1,000 by default: 250 plans × 4), each with its plan open and the plan list
 * watched; then on every plan one member presents and the other three follow, the presenter
 * moving 10 times a second. Reports the server's memory per socket, its CPU, and how long a
 * move takes to reach a follower. Writes docs/benchmarks-realtime.md.
 * Options: --boards N --seconds N
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { io, type Socket } from 'socket.io-client';
import { SESSION_COOKIE } from '../src/lib/server/auth/sessions.js';
import { REALTIME_PATH } from '../src/lib/protocol/realtime-events.js';
import { seed } from './seed.js';
import { SERVER_NODE_FLAGS } from './servers.js';
import { processUsage, round, summarise } from './stats.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name: string, fallback: number): number => {
	const i = args.indexOf(`--${name}`);
	return i >= 0 ? Number(args[i + 1]) : fallback;
};
const BOARDS = option('boards', 250);
const PER_BOARD = 4;
const SECONDS = option('seconds', 20);
const MOVES_PER_SECOND = 10;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function freePort(): number {
	const out = spawnSync(process.execPath, ['-e', "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"]);
	return Number(out.stdout.toString().trim());
}

async function main() {
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'whatmatters-bench-rt-'));
	console.log(`Seeding ${BOARDS} plans × ${PER_BOARD} members…`);
	const boards = await seed(dataDir, BOARDS, PER_BOARD);
	const port = freePort();
	const url = `http://127.0.0.1:${port}`;
	const server = spawn(process.execPath, [...SERVER_NODE_FLAGS, '--import', 'tsx', 'server/index.ts'], {
		cwd: ROOT,
		env: { ...process.env, DATA_DIR: dataDir, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn' },
		stdio: ['ignore', 'ignore', 'inherit']
	});
	for (let i = 0; i < 300; i++) {
		try {
			if ((await fetch(`${url}/healthz`)).ok) break;
		} catch {
			// not yet
		}
		await sleep(100);
	}
	await sleep(1000);
	const idle = processUsage(server.pid!);

	console.log(`Connecting ${BOARDS * PER_BOARD} sockets…`);
	const sockets: Socket[][] = [];
	for (const board of boards) {
		const row: Socket[] = [];
		for (const token of board.tokens) {
			const socket = io(url, { path: REALTIME_PATH, transports: ['websocket'], reconnection: false, extraHeaders: { cookie: `${SESSION_COOKIE}=${token}` } });
			row.push(socket);
		}
		sockets.push(row);
		await Promise.all(row.map((s) => new Promise<void>((resolve, reject) => (s.connected ? resolve() : s.once('connect', () => resolve()).once('connect_error', reject)))));
		await Promise.all(row.map((s) => s.emitWithAck('plan:open', { boardId: board.id })));
		await Promise.all(row.map((s) => s.emitWithAck('plans:watch', {})));
	}
	await sleep(2000);
	const connected = processUsage(server.pid!);
	const count = BOARDS * PER_BOARD;

	console.log('Presenting on every plan, the others following…');
	const latencies: number[] = [];
	for (const [b, row] of sockets.entries()) {
		const asked = await row[0]!.emitWithAck('follow:ask', { boardId: boards[b]!.id });
		for (const follower of row.slice(1)) {
			await follower.emitWithAck('follow:answer', { boardId: boards[b]!.id, requestId: asked.requestId, follow: true });
			follower.on('follow:moved', (moved: { itemId: string | null }) => {
				const sent = Number(moved.itemId?.slice(1));
				if (Number.isFinite(sent)) latencies.push(performance.timeOrigin + performance.now() - sent);
			});
		}
	}
	const before = processUsage(server.pid!);
	const started = performance.now();
	const timer = setInterval(() => {
		for (const [b, row] of sockets.entries()) row[0]!.emit('present:at', { boardId: boards[b]!.id, section: 'goals', itemId: `t${Date.now()}` });
	}, 1000 / MOVES_PER_SECOND);
	await sleep(SECONDS * 1000);
	clearInterval(timer);
	await sleep(500);
	const after = processUsage(server.pid!);
	const wall = (performance.now() - started) / 1000;
	for (const row of sockets) for (const s of row) s.close();
	server.kill('SIGTERM');

	const stats = summarise(latencies);
	const moves = BOARDS * MOVES_PER_SECOND;
	const report = `# Benchmarks: the live channel (socket.io)

Measured by \`npm run bench:realtime${args.length ? ` -- ${args.join(' ')}` : ''}\` on ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} CPU cores (shared), Node ${process.version}. The clients run in one process on the same machine.

| What | Value |
| --- | --- |
| Sockets | ${count} (${BOARDS} plans × ${PER_BOARD}, each with its plan open and the plan list watched) |
| Server memory, idle | ${round(idle.rssMiB, 1)} MiB |
| Server memory, all sockets open | ${round(connected.rssMiB, 1)} MiB |
| Memory per socket | ${round(((connected.rssMiB - idle.rssMiB) * 1024) / count, 1)} KiB |
| Presenters moving | ${BOARDS}, ${MOVES_PER_SECOND} moves a second each (${moves} a second in all), ${PER_BOARD - 1} followers each |
| Moves delivered | ${latencies.length} in ${round(wall, 1)} s (${round(latencies.length / wall, 0)} a second; ${moves * (PER_BOARD - 1)} a second sent for) |
| Move to follower, p50 / p95 / p99 / max | ${round(stats.p50, 1)} / ${round(stats.p95, 1)} / ${round(stats.p99, 1)} / ${round(stats.max, 1)} ms |
| Server CPU while presenting | ${round(((after.cpuSeconds - before.cpuSeconds) / wall) * 100, 0)} % of one core |
| Server memory after presenting | ${round(after.rssMiB, 1)} MiB |

A presenter's 10 moves a second stay under the per-socket limit (\`REALTIME_EVENTS_PER_SECOND\`, 20 by default). Moves still on their way when the run stopped are not counted as delivered.
`;
	fs.writeFileSync(path.join(ROOT, 'docs/benchmarks-realtime.md'), report);
	console.log(report);
	fs.rmSync(dataDir, { recursive: true, force: true });
	process.exit(0);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
