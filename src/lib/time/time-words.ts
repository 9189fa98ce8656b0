/**
 * Times in words a person reads easily, in the reader's own time zone: "just now",
 * "5 minutes ago", "today at 14:05", "yesterday at 09:10", "3 days ago", "on 12 March",
 * "on 12 March 2025". Every phrase reads after a verb ("changed by Sam 3 days ago").
 * Pure: the caller passes the time now and the time zone, so tests pin both. All calendar
 * work is Intl's.
 */

export const LOCALE = 'en-GB';

export interface TimeContext {
	/** Epoch ms of "now". */
	now: number;
	/** IANA time zone of the reader, e.g. "Europe/London". */
	timeZone: string;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** A time a little ahead of ours is another device's clock, not the future. */
const CLOCK_SKEW = 5 * MINUTE;

// Building a formatter is slow; a board shows many times in the same zone.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string, kind: 'day' | 'time' | 'date' | 'dateYear' | 'exact'): Intl.DateTimeFormat {
	const key = `${kind} ${timeZone}`;
	let found = formatters.get(key);
	if (!found) {
		const options: Record<typeof kind, Intl.DateTimeFormatOptions> = {
			day: { year: 'numeric', month: 'numeric', day: 'numeric' },
			time: { hour: '2-digit', minute: '2-digit' },
			date: { day: 'numeric', month: 'long' },
			dateYear: { day: 'numeric', month: 'long', year: 'numeric' },
			exact: { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' }
		};
		found = new Intl.DateTimeFormat(LOCALE, { ...options[kind], timeZone });
		formatters.set(key, found);
	}
	return found;
}

const relative = new Intl.RelativeTimeFormat(LOCALE, { numeric: 'auto' });

/** The calendar day of a moment in a time zone: its year, and a day count for differences. */
function calendarDay(at: number, timeZone: string): { year: number; day: number } {
	const parts = Object.fromEntries(
		formatter(timeZone, 'day')
			.formatToParts(at)
			.map((p) => [p.type, p.value])
	);
	const year = Number(parts.year);
	return { year, day: Date.UTC(year, Number(parts.month) - 1, Number(parts.day)) / (24 * HOUR) };
}

/** When something happened, in words, relative to now. */
export function whenWords(at: number, { now, timeZone }: TimeContext): string {
	const ago = now - at;
	if (ago < -CLOCK_SKEW) return `on ${formatter(timeZone, 'dateYear').format(at)}`;
	if (ago < MINUTE) return 'just now';
	if (ago < HOUR) return relative.format(-Math.floor(ago / MINUTE), 'minute');
	const then = calendarDay(at, timeZone);
	const today = calendarDay(now, timeZone);
	const days = today.day - then.day;
	if (days <= 1) return `${relative.format(-days, 'day')} at ${formatter(timeZone, 'time').format(at)}`;
	if (days < 7) return relative.format(-days, 'day');
	if (then.year === today.year) return `on ${formatter(timeZone, 'date').format(at)}`;
	return `on ${formatter(timeZone, 'dateYear').format(at)}`;
}

/** The exact moment, for a title or a detail: "Thursday, 12 March 2026 at 14:05". */
export function exactWords(at: number, timeZone: string): string {
	return formatter(timeZone, 'exact').format(at);
}

/** For `<time datetime>`: the moment in ISO 8601 (UTC), which any reader's tools understand. */
export function machineTime(at: number): string {
	return new Date(at).toISOString();
}

const minutes = new Intl.NumberFormat(LOCALE, { style: 'unit', unit: 'minute', unitDisplay: 'long' });
const hours = new Intl.NumberFormat(LOCALE, { style: 'unit', unit: 'hour', unitDisplay: 'long' });

/** How long something lasted: "less than a minute", "25 minutes", "2 hours 5 minutes". */
export function durationWords(ms: number): string {
	const total = Math.floor(Math.max(0, ms) / MINUTE);
	if (total < 1) return 'less than a minute';
	const h = Math.floor(total / 60);
	const m = total % 60;
	if (h === 0) return minutes.format(m);
	return m === 0 ? hours.format(h) : `${hours.format(h)} ${minutes.format(m)}`;
}

let readerZone: string | null = null;

/**
 * The reader's time zone, as their browser knows it. Asked once while the app is open (a tab
 * carried to another zone keeps the first until it is reloaded): building the formatter that
 * answers costs about a millisecond on a slow phone, and a board shows a time for every item.
 */
export function readerTimeZone(): string {
	readerZone ??= Intl.DateTimeFormat().resolvedOptions().timeZone;
	return readerZone;
}
