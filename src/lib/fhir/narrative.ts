/**
 * FHIR narrative: the human-readable XHTML every document section carries, so a service that
 * knows nothing of our resources can still show the plan as the person wrote it. Only the
 * basic elements FHIR allows (div, p, ul, li, b, br); every text is escaped.
 */
import type { Narrative } from '@medplum/fhirtypes';

const XHTML = 'http://www.w3.org/1999/xhtml';
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe for XHTML, its line breaks kept as <br/>. */
export function xhtmlText(text: string): string {
	return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!).replace(/\r?\n/g, '<br/>');
}

/** Markup built from already escaped parts. */
export type Markup = { readonly html: string };
export const markup = (html: string): Markup => ({ html });

/** An element whose children are escaped text or markup. */
export function el(tag: 'p' | 'ul' | 'li' | 'b' | 'div', ...children: (string | Markup)[]): Markup {
	return markup(`<${tag}>${children.map((c) => (typeof c === 'string' ? xhtmlText(c) : c.html)).join('')}</${tag}>`);
}

/** A generated narrative from its body. */
export function narrative(...body: Markup[]): Narrative {
	return { status: 'generated', div: `<div xmlns="${XHTML}">${body.map((b) => b.html).join('')}</div>` };
}
