/**
 * Filling in the copy's templates. UI words live in one module per page or component (this
 * folder), written as plain strings with `{slots}`, so a test can read every one of them and
 * measure how easy it is to read (tests/unit/reading-level.test.ts).
 */

/** The names of the `{slots}` in a template, as a type. */
export type Slots<T extends string> = T extends `${string}{${infer Slot}}${infer Rest}` ? Slot | Slots<Rest> : never;

/** A template with its `{slots}` filled in: `say('Hello {name}', { name: 'Pat' })`. */
export function say<T extends string>(template: T, values: Record<Slots<T>, string | number>): string {
	return template.replace(/\{(\w+)\}/g, (whole, slot: string) => {
		const value = (values as Record<string, string | number>)[slot];
		return value === undefined ? whole : String(value);
	});
}

/** One or many: `count(2, COPY.items)` with `items: ['{n} item', '{n} items']`. */
export function count(n: number, [one, many]: readonly [string, string]): string {
	return (n === 1 ? one : many).replace('{n}', String(n));
}
