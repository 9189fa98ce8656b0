/**
 * Thrown when a caller passes input the board model will not store. `field` names the
 * offending input (e.g. `importance`, `section`, `author`) so a form can point at it;
 * `message` is plain language, fit to show to the person.
 */
export class BoardInputError extends Error {
	override readonly name = 'BoardInputError';
	/** The input field that was rejected. */
	readonly field: string;

	constructor(field: string, message: string) {
		super(message);
		this.field = field;
	}
}

/**
 * Thrown on a write to a document whose `schemaVersion` is newer than this code knows.
 * An old tab must not write old-shaped data into a migrated board; reload instead.
 */
export class BoardVersionError extends Error {
	override readonly name = 'BoardVersionError';
	readonly found: number;
	readonly supported: number;

	constructor(found: number, supported: number) {
		super(`This board was saved by a newer version of the app (${found} > ${supported}). Please reload the page.`);
		this.found = found;
		this.supported = supported;
	}
}
