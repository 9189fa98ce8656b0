/**
 * The words printed in the margin of every page of a printed plan: whose plan it is at the top,
 * the date it was printed, and the page number. CSS paged media (`@page` margin boxes) puts them
 * there; the words are the person's name, so every character that is not a plain letter, digit
 * or space is escaped, and no name can end the string, the rule or the style element.
 */

/**
 * `text` as a CSS string: `"Pat O\27 Brien"`. An escape ends with one space, which CSS reads as
 * part of the escape, so a real space after it is kept.
 */
export function cssString(text: string): string {
	let out = '"';
	for (const char of text) {
		out += /^[A-Za-z0-9 ]$/.test(char) ? char : `\\${char.codePointAt(0)!.toString(16)} `;
	}
	return `${out}"`;
}

/** The <style> element with the page's margin words. */
export function printMarginStyle(words: { topLeft: string; topRight: string }): string {
	const rule =
		'@media print { @page {' +
		` @top-left { content: ${cssString(words.topLeft)}; }` +
		` @top-right { content: ${cssString(words.topRight)}; }` +
		' @bottom-center { content: "Page " counter(page) " of " counter(pages); }' +
		' } }';
	return `<style>${rule}</style>`;
}
