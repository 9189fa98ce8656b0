/** A day as a heading reads it: "Tuesday 12 March", with the year only when it is not this year. */
import { LOCALE } from './time-words.js';

export function dayWords(at: number, { now, timeZone }: { now: number; timeZone: string }): string {
	const year = (t: number) => new Intl.DateTimeFormat(LOCALE, { year: 'numeric', timeZone }).format(t);
	const options: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'long', timeZone };
	if (year(at) !== year(now)) options.year = 'numeric';
	return new Intl.DateTimeFormat(LOCALE, options).format(at).replace(',', '');
}
