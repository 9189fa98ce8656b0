/**
 * Times as a person reads them: "5 minutes ago", "Tuesday 12 March 2025 at 14:05". Built on
 * Intl, so the browser writes them in the viewer's own time zone; the server writes the same
 * absolute time in UTC, and says so, for a page read without JavaScript.
 */

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
	['year', 365 * 24 * 3600_000],
	['month', 30 * 24 * 3600_000],
	['week', 7 * 24 * 3600_000],
	['day', 24 * 3600_000],
	['hour', 3600_000],
	['minute', 60_000]
];

/** "just now", "5 minutes ago", "yesterday", "3 weeks ago". */
export function relativeTime(at: number, now: number): string {
	const ago = now - at;
	if (Math.abs(ago) < 60_000) return 'just now';
	const format = new Intl.RelativeTimeFormat('en-GB', { numeric: 'auto' });
	for (const [unit, ms] of UNITS) {
		if (Math.abs(ago) >= ms) return format.format(-Math.round(ago / ms), unit);
	}
	return 'just now';
}

/** "Tuesday 12 March 2025 at 14:05", in `timeZone` (the runtime's own when not given). */
export function absoluteTime(at: number, timeZone?: string): string {
	const date = new Date(at);
	const day = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone }).format(date);
	const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone }).format(date);
	return `${day.replace(',', '')} at ${time}`;
}

/** "Tuesday 12 March", for "since your last visit" (the year only when it is not this year). */
export function dayName(at: number, now: number, timeZone?: string): string {
	const sameYear = new Date(at).getFullYear() === new Date(now).getFullYear();
	return new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: sameYear ? undefined : 'numeric', timeZone })
		.format(new Date(at))
		.replace(',', '');
}
