/**
 * One cold open of a board on a throttled connection, in a fresh browser context (no cache,
 * no copy on the device): the times from navigation until the plan's words are on screen and
 * until the board is live and editable, and the bytes each kind of response took.
 */
import type { Browser, CDPSession } from '@playwright/test';
import { SESSION_COOKIE } from '../src/lib/server/auth/sessions.js';

/** A poor mobile connection and a slow phone, as Chromium's DevTools emulate them. */
export const THROTTLE = { downloadKbps: 1600, uploadKbps: 750, latencyMs: 150, cpuSlowdown: 4 } as const;

export interface BytesSent {
	html: number;
	/** All the JS the page loaded, including parts loaded after the board was live (`lateJs`). */
	js: number;
	/** JS the page loaded only after the board was live (the live channel, say). */
	lateJs: number;
	css: number;
	/** Fonts, images, data requests: anything else over HTTP. */
	other: number;
	/** What the sync socket received until the board was live: the first sync (and presence). */
	firstSync: number;
	/** What the browser sent on the sync socket meanwhile. */
	firstSyncUp: number;
	/** The live channel (socket.io) until then, both ways. */
	liveChannel: number;
}

/** When each step of the open happened, in ms from navigation: where the time to live goes. */
export interface Timeline {
	/** The page's HTML fully received. */
	htmlEnd: number;
	/** Scripts and style sheets fetched before the board was live, and when the last of them arrived. */
	requestsBeforeLive: number;
	lastScriptBeforeLive: number;
	/** The sync socket created (the board's session started), opened, and its first message received. */
	socketCreated: number;
	socketOpen: number;
	firstMessage: number;
	live: number;
}

export interface PageRun {
	/** Navigation to the plan's words on screen (first paint with them in the page). */
	readableMs: number;
	/** Navigation to the last script loaded. */
	scriptsMs: number;
	/** Navigation to live (synced with the server) and editable (every Add box there, every item shown). */
	liveMs: number;
	/** True if the page's HTML, as sent, already holds the plan's words. */
	textInHtml: boolean;
	bytes: BytesSent;
	timeline: Timeline;
}

interface Probe {
	readable: number | null;
	live: number | null;
	paint: number | null;
	socketCreated: number | null;
	socketOpen: number | null;
	firstMessage: number | null;
}

/**
 * Runs in the page before its own scripts: notes when the words appear and when the board is
 * live. A string, not a function: tsx would wrap a function's inner names in a helper the page lacks.
 */
function probeScript(marker: string, items: number): string {
	return `(() => {
	const marker = ${JSON.stringify(marker)};
	const items = ${items};
	const marks = { readable: null, live: null, paint: null, socketCreated: null, socketOpen: null, firstMessage: null };
	window.__slowConnection = marks;
	// The sync socket's first steps (the live channel's socket.io path is not the board's sync).
	const NativeSocket = window.WebSocket;
	window.WebSocket = class extends NativeSocket {
		constructor(url, protocols) {
			super(url, protocols);
			if (String(url).includes('/socket.io/') || marks.socketCreated !== null) return;
			marks.socketCreated = performance.now();
			this.addEventListener('open', () => (marks.socketOpen = performance.now()), { once: true });
			this.addEventListener('message', () => (marks.firstMessage = performance.now()), { once: true });
		}
	};
	new PerformanceObserver((list) => {
		for (const entry of list.getEntries()) if (entry.name === 'first-contentful-paint') marks.paint = entry.startTime;
	}).observe({ type: 'paint', buffered: true });
	let queued = false;
	const check = () => {
		queued = false;
		const now = performance.now();
		if (marks.readable === null && document.body && document.body.textContent.includes(marker)) marks.readable = now;
		const live =
			document.querySelector('[data-testid="connection-status"][data-state="live"]') &&
			document.querySelector('textarea#add-contingency') &&
			document.querySelectorAll('.wm-items__entry').length >= items;
		if (marks.live === null && live) marks.live = now;
		if (marks.readable !== null && marks.live !== null) observer.disconnect();
	};
	const observer = new MutationObserver(() => {
		if (queued) return;
		queued = true;
		queueMicrotask(check);
	});
	observer.observe(document, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['data-state'] });
})();`;
}

type Kind = 'html' | 'js' | 'css' | 'other';
function kindOf(mimeType: string): Kind {
	if (mimeType.includes('html')) return 'html';
	if (mimeType.includes('javascript')) return 'js';
	if (mimeType.includes('css')) return 'css';
	return 'other';
}

const frameBytes = (opcode: number, payload: string) => (opcode === 2 ? Buffer.from(payload, 'base64').length : Buffer.byteLength(payload));

/** Collects what the network carried, from the DevTools protocol's Network events. */
function watchNetwork(cdp: CDPSession) {
	const kinds = new Map<string, Kind>();
	const sockets = new Map<string, 'sync' | 'live'>();
	const http: { kind: Kind; bytes: number; at: number }[] = [];
	const frames: { socket: 'sync' | 'live'; up: boolean; bytes: number; at: number }[] = [];
	let navigationAt = 0;
	cdp.on('Network.requestWillBeSent', (e) => {
		if (e.type === 'Document' && navigationAt === 0) navigationAt = e.timestamp;
	});
	cdp.on('Network.responseReceived', (e) => kinds.set(e.requestId, kindOf(e.response.mimeType)));
	cdp.on('Network.loadingFinished', (e) => http.push({ kind: kinds.get(e.requestId) ?? 'other', bytes: e.encodedDataLength, at: e.timestamp }));
	cdp.on('Network.webSocketCreated', (e) => sockets.set(e.requestId, e.url.includes('/socket.io/') ? 'live' : 'sync'));
	const frame = (up: boolean) => (e: { requestId: string; timestamp: number; response: { opcode: number; payloadData: string } }) => {
		const socket = sockets.get(e.requestId);
		if (socket) frames.push({ socket, up, bytes: frameBytes(e.response.opcode, e.response.payloadData), at: e.timestamp });
	};
	cdp.on('Network.webSocketFrameReceived', frame(false));
	cdp.on('Network.webSocketFrameSent', frame(true));
	return {
		/** Everything over HTTP, and the sockets' frames until `untilMs` after navigation. */
		bytes(untilMs: number): BytesSent {
			const until = navigationAt + untilMs / 1000;
			const sum = (list: { bytes: number }[]) => list.reduce((total, x) => total + x.bytes, 0);
			const ofKind = (kind: Kind) => sum(http.filter((r) => r.kind === kind));
			const early = frames.filter((f) => f.at <= until);
			return {
				html: ofKind('html'),
				js: ofKind('js'),
				lateJs: sum(http.filter((r) => r.kind === 'js' && r.at > until)),
				css: ofKind('css'),
				other: ofKind('other'),
				firstSync: sum(early.filter((f) => f.socket === 'sync' && !f.up)),
				firstSyncUp: sum(early.filter((f) => f.socket === 'sync' && f.up)),
				liveChannel: sum(early.filter((f) => f.socket === 'live'))
			};
		},
		scriptsMs: () => Math.max(0, ...http.filter((r) => r.kind === 'js').map((r) => (r.at - navigationAt) * 1000))
	};
}

export async function openThrottled(browser: Browser, base: string, token: string, boardId: string, items: number, marker: string): Promise<PageRun> {
	const context = await browser.newContext();
	try {
		await context.addCookies([{ name: SESSION_COOKIE, value: token, url: base }]);
		await context.addInitScript({ content: probeScript(marker, items) });
		const page = await context.newPage();
		const cdp = await context.newCDPSession(page);
		await cdp.send('Network.enable');
		await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
		await cdp.send('Network.emulateNetworkConditions', {
			offline: false,
			latency: THROTTLE.latencyMs,
			downloadThroughput: (THROTTLE.downloadKbps * 1000) / 8,
			uploadThroughput: (THROTTLE.uploadKbps * 1000) / 8
		});
		await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE.cpuSlowdown });
		const network = watchNetwork(cdp);
		const url = `${base}/boards/${boardId}`;
		const html = await (await fetch(url, { headers: { cookie: `${SESSION_COOKIE}=${token}` } })).text();
		await page.goto(url, { waitUntil: 'commit' });
		const probe = () => page.evaluate(() => (window as unknown as { __slowConnection: Probe }).__slowConnection);
		await page
			.waitForFunction(() => (window as unknown as { __slowConnection: Probe }).__slowConnection.live !== null, null, { timeout: 60_000, polling: 100 })
			.catch(async (error: Error) => {
				const state = await page.locator('[data-testid="connection-status"]').getAttribute('data-state').catch(() => 'none');
				const shown = await page.locator('.wm-items__entry').count();
				throw new Error(`${url} never became live and editable (status ${state}, ${shown} of ${items} items shown, at ${page.url()}): ${error.message}`);
			});
		// Whatever the page still fetches right after (a lazily loaded part) counts as what it needs.
		await page.waitForTimeout(1000);
		const marks = await probe();
		const loads = await page.evaluate(() => {
			const html = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
			const resources = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((r) => r.initiatorType === 'script' || r.initiatorType === 'link' || r.name.endsWith('.js') || r.name.endsWith('.css'));
			return { htmlEnd: html.responseEnd, resources: resources.map((r) => ({ name: r.name, end: r.responseEnd })) };
		});
		const beforeLive = loads.resources.filter((r) => r.end <= marks.live!);
		const timeline: Timeline = {
			htmlEnd: Math.round(loads.htmlEnd),
			requestsBeforeLive: beforeLive.length,
			lastScriptBeforeLive: Math.round(Math.max(0, ...beforeLive.filter((r) => r.name.endsWith('.js')).map((r) => r.end))),
			socketCreated: Math.round(marks.socketCreated ?? -1),
			socketOpen: Math.round(marks.socketOpen ?? -1),
			firstMessage: Math.round(marks.firstMessage ?? -1),
			live: Math.round(marks.live!)
		};
		return {
			timeline,
			readableMs: Math.max(marks.readable!, marks.paint ?? 0),
			scriptsMs: network.scriptsMs(),
			liveMs: marks.live!,
			textInHtml: html.includes(marker),
			bytes: network.bytes(marks.live!)
		};
	} finally {
		await context.close();
	}
}
