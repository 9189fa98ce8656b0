/** A day as a heading reads it: "Tuesday 12 March", with the year only when it is not this year. */
import { LOCALE } from './time-words.js';

export function dayWords(at: number, { now, timeZone }: { now: number; timeZone: string }): string {
	const year = (t: number) => new Intl.DateTimeFormat(LOCALE, { year: 'numeric', timeZone }).format(t);
	const options: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'long', timeZone };
	if (year(at) !== year(now)) options.year = 'numeric';
	return new Intl.DateTimeFormat(LOCALE, options).format(at).replace(',', '');
}

const isoNoon = (iso: string) => Date.parse(`${iso}T12:00:00Z`);

/**
 * A calendar date (`yyyy-mm-dd`, not an instant: a due date is the same day wherever you are)
 * as a heading reads it, "Tuesday 12 March", with the year only when it is not this year's.
 */
export function isoDayWords(iso: string, today: string): string {
	const at = isoNoon(iso);
	if (Number.isNaN(at)) return iso;
	return dayWords(at, { now: isoNoon(today), timeZone: 'UTC' });
}

/** Whole days from `today` to `iso` (both `yyyy-mm-dd`): 0 today, 1 tomorrow, -1 yesterday. */
export function daysFrom(today: string, iso: string): number {
	return Math.round((isoNoon(iso) - isoNoon(today)) / 86_400_000);
}
