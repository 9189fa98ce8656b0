/**
 * How easy the UI's words are to read, measured with the Flesch–Kincaid grade level
 * (`flesch-kincaid`, syllables counted by `syllable`): all UI copy together at grade 6 or below
 * (a reading age of about 11), and no sentence of eight words or more above grade 9. Short
 * labels score erratically ("Delete" is grade 12 on its own), so only longer sentences are held
 * to a limit of their own; every word still counts in the overall figure. The figures are printed.
 */
import { describe, expect, it } from 'vitest';
import { fleschKincaid } from 'flesch-kincaid';
import { syllable } from 'syllable';
import { allUiCopy, type CopyString } from '../helpers/ui-copy.js';

const OVERALL_MAX = 6;
const SENTENCE_MAX = 9;
const LONG_SENTENCE = 8;

interface Sentence {
	readonly from: string;
	readonly text: string;
	readonly words: number;
	readonly syllables: number;
	readonly grade: number;
}

const wordsOf = (text: string) => text.match(/[A-Za-z0-9]+(?:['’][A-Za-z]+)*/g) ?? [];

/** Sentences end at . ! ? (followed by a space or the end) or a line break; a label is one sentence. */
function sentences(copy: CopyString): Sentence[] {
	return copy.text
		.split(/(?<=[.!?…])\s+|\n+/)
		.map((s) => s.trim())
		.filter((s) => wordsOf(s).length > 0)
		.map((text) => {
			const words = wordsOf(text);
			const syllables = words.reduce((sum, w) => sum + Math.max(1, syllable(w)), 0);
			return { from: copy.from, text, words: words.length, syllables, grade: fleschKincaid({ sentence: 1, word: words.length, syllable: syllables }) };
		});
}

describe('reading level of all UI copy', () => {
	it(`is Flesch–Kincaid grade ${OVERALL_MAX} or below overall, with no sentence of ${LONG_SENTENCE}+ words above grade ${SENTENCE_MAX}`, async () => {
		const copy = await allUiCopy();
		const all = copy.flatMap(sentences);
		const totals = all.reduce((t, s) => ({ sentence: t.sentence + 1, word: t.word + s.words, syllable: t.syllable + s.syllables }), { sentence: 0, word: 0, syllable: 0 });
		const overall = fleschKincaid(totals);
		const long = all.filter((s) => s.words >= LONG_SENTENCE);
		const hardest = [...long].sort((a, b) => b.grade - a.grade);
		const tooHard = hardest.filter((s) => s.grade > SENTENCE_MAX);

		console.log(
			[
				`UI copy: ${copy.length} strings, ${totals.sentence} sentences, ${totals.word} words, ${totals.syllable} syllables.`,
				`Flesch–Kincaid grade overall: ${overall.toFixed(2)} (limit ${OVERALL_MAX}); ${(totals.word / totals.sentence).toFixed(1)} words a sentence, ${(totals.syllable / totals.word).toFixed(2)} syllables a word.`,
				`Sentences of ${LONG_SENTENCE}+ words: ${long.length}; the hardest (limit grade ${SENTENCE_MAX}):`,
				...hardest.slice(0, 8).map((s) => `  ${s.grade.toFixed(1).padStart(5)}  ${s.text}  [${s.from}]`)
			].join('\n')
		);

		expect(copy.length, 'the copy was found').toBeGreaterThan(300);
		expect(tooHard.map((s) => `${s.grade.toFixed(1)}: ${s.text} [${s.from}]`)).toEqual([]);
		expect(overall).toBeLessThanOrEqual(OVERALL_MAX);
	});

	it('measures what it should: a hard sentence scores above the limit, a plain one below', () => {
		const grade = (text: string) => sentences({ from: 'test', text })[0]!.grade;
		expect(grade('Notwithstanding contemporaneous documentation, practitioners should facilitate individualised interventions.')).toBeGreaterThan(SENTENCE_MAX);
		expect(grade('You can add a note about how things have been this week.')).toBeLessThan(OVERALL_MAX);
	});
});
