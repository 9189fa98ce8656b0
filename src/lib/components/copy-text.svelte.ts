/**
 * Copies a link for the person, wherever the page was opened. `navigator.clipboard` exists only
 * on secure origins (https, localhost): a clinic that runs WhatMatters on plain http inside its
 * own network would otherwise get a button that does nothing. There the link is selected in its
 * read-only field and copied the older way; if even that is refused, the person is told, politely,
 * how to copy the selected link themselves.
 */
export const COPIED = 'Link copied.';
export const COPY_YOURSELF =
	'The link is selected. To copy it, press Ctrl and C together (on a Mac, Cmd and C). On a phone or tablet, press and hold the link, then choose Copy.';

export class CopyText {
	/** What the polite live region says after a try. */
	message = $state('');

	async copy(field: HTMLTextAreaElement | HTMLInputElement): Promise<void> {
		// Cleared first, so a second press is announced again.
		this.message = '';
		// Selected in every case: it is what a person copying it themselves needs.
		field.focus();
		field.select();
		this.message = (await this.#write(field.value)) ? COPIED : COPY_YOURSELF;
	}

	async #write(text: string): Promise<boolean> {
		if (window.isSecureContext && navigator.clipboard) {
			try {
				await navigator.clipboard.writeText(text);
				return true;
			} catch {
				// Refused (no permission): try the older way below.
			}
		}
		try {
			// Deprecated, but the only way to copy on an insecure origin; copies the selection.
			return document.execCommand('copy');
		} catch {
			return false;
		}
	}
}
