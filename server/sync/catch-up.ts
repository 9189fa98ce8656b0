/**
 * Which of a board's stored updates this instance's document holds, by sequence number, and
 * catching up from storage when some are missing. With several instances, updates stored
 * elsewhere arrive through the bus; one can go missing (Redis restarted empty, the stream
 * trimmed past a slow reader, an instance killed between storing and publishing). A gap in the
 * numbers, a lost bus connection, or a periodic look at storage's last number finds it, and the
 * missing updates are read from storage: the store, not the relay, is the truth.
 */
import type { Storage } from '../../src/lib/server/storage.js';

export interface CatchUpDeps {
	storage: Storage;
	/** Applies updates this instance did not have (in order) and relays them to its connections. */
	apply(updates: { seq: number; data: Uint8Array }[]): void;
	/** Catching up failed while updates are known to be missing: the board must not be served as it is. */
	fail(error: Error): void;
	/** How long a gap may stay open before storage is read: messages of two instances can cross. */
	gapWaitMs?: number;
}

const PAGE = 500;

export class BoardCatchUp {
	/** Every update numbered up to here is in the document. */
	private known: number;
	/** Updates numbered above `known` that are in the document too. */
	private readonly ahead = new Set<number>();
	private gapTimer: NodeJS.Timeout | null = null;
	private watchTimer: NodeJS.Timeout | null = null;
	private running: Promise<void> | null = null;
	private again = false;
	private stopped = false;

	constructor(
		private readonly boardId: string,
		loadedSeq: number,
		private readonly deps: CatchUpDeps
	) {
		this.known = loadedSeq;
	}

	has(seq: number): boolean {
		return seq <= this.known || this.ahead.has(seq);
	}

	/** The document now holds update `seq` (stored here, or relayed from another instance). */
	mark(seq: number): void {
		if (this.has(seq)) return;
		this.ahead.add(seq);
		while (this.ahead.delete(this.known + 1)) this.known++;
		if (this.ahead.size && !this.gapTimer && !this.stopped) {
			this.gapTimer = setTimeout(() => {
				this.gapTimer = null;
				if (this.ahead.size) void this.now();
			}, this.deps.gapWaitMs ?? 300);
			this.gapTimer.unref();
		}
	}

	/** The newest update this instance knows of. */
	private get newest(): number {
		return Math.max(this.known, ...this.ahead);
	}

	/** Reads storage's last number, and catches up if it has updates this instance has not seen. */
	async check(): Promise<void> {
		const last = await this.deps.storage.versions.lastSeq(this.boardId);
		if (last > this.newest || this.ahead.size) await this.now();
	}

	/** Reads every stored update after the ones held, and applies those still missing. */
	now(): Promise<void> {
		if (this.running) {
			this.again = true;
			return this.running;
		}
		this.running = this.run()
			.catch((error: Error) => {
				if (!this.stopped) this.deps.fail(error);
			})
			.finally(() => {
				this.running = null;
			});
		return this.running;
	}

	private async run(): Promise<void> {
		do {
			this.again = false;
			for (;;) {
				const from = this.known;
				const page = await this.deps.storage.history.updatesAfter(this.boardId, from, PAGE);
				if (this.stopped) return;
				// Checked now, after the read: the bus may have brought some of them meanwhile.
				const missing = page.filter((update) => !this.has(update.seq));
				if (missing.length) this.deps.apply(missing.map(({ seq, data }) => ({ seq, data })));
				for (const update of page) this.mark(update.seq);
				if (page.length < PAGE || this.known === from) break;
			}
		} while (this.again && !this.stopped);
	}

	/** Checks now and every `everyMs` (an update stored elsewhere may have no message at all). */
	watch(everyMs: number, onProblem: (error: Error) => void): void {
		const check = () => this.check().catch(onProblem);
		void check();
		this.watchTimer = setInterval(check, everyMs);
		this.watchTimer.unref();
	}

	stop(): void {
		this.stopped = true;
		if (this.gapTimer) clearTimeout(this.gapTimer);
		if (this.watchTimer) clearInterval(this.watchTimer);
	}
}
