/**
 * A real redis-server of the test's own, on a free port, with no persistence: restarting it
 * loses everything, the harshest kind of restart. Only this server is ever restarted or killed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { freePort } from './server.js';

export interface TestRedis {
	url: string;
	port: number;
	/** Kills it (SIGKILL) and starts it again, empty, on the same port. */
	restart(downMs?: number): Promise<void>;
	kill(): Promise<void>;
	start(): Promise<void>;
	stop(): Promise<void>;
}

function answers(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = net.connect(port, '127.0.0.1');
		socket.once('connect', () => {
			socket.write('PING\r\n');
			socket.once('data', (data) => {
				socket.destroy();
				resolve(data.toString().startsWith('+PONG'));
			});
		});
		socket.once('error', () => resolve(false));
	});
}

export async function startRedis(): Promise<TestRedis> {
	const port = await freePort();
	let child: ChildProcess | null = null;
	const launch = async () => {
		child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
		const deadline = Date.now() + 10_000;
		while (!(await answers(port))) {
			if (Date.now() > deadline) throw new Error('redis-server did not start');
			await new Promise((r) => setTimeout(r, 50));
		}
	};
	const end = async (signal: NodeJS.Signals) => {
		const running = child;
		if (!running || running.exitCode !== null || running.signalCode !== null) return;
		const exited = new Promise((resolve) => running.once('exit', resolve));
		running.kill(signal);
		await exited;
	};
	await launch();
	return {
		url: `redis://127.0.0.1:${port}`,
		port,
		start: launch,
		kill: () => end('SIGKILL'),
		stop: () => end('SIGTERM'),
		async restart(downMs = 300) {
			await end('SIGKILL');
			await new Promise((r) => setTimeout(r, downMs));
			await launch();
		}
	};
}
