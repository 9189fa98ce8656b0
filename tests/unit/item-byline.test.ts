import { describe, expect, it } from 'vitest';
import { itemByline } from '../../src/lib/client/item-byline.js';
import { MemberDirectory } from '../../src/lib/client/members.js';

const T = 1_800_000_000_000;
const sam = { id: 'sam', name: 'Sam Okafor', role: 'person' as const };
const li = { id: 'li', name: 'Li Chen', role: 'clinician' as const };
const asSam = new MemberDirectory([sam, li], sam);
const asLi = new MemberDirectory([sam, li], li);
const item = (over: Partial<{ author: string; recordedBy: string | null; createdAt: number; updatedAt: number; updatedBy: string; updatedFor: string | null }> = {}) => ({
	author: 'sam',
	recordedBy: null,
	createdAt: T,
	updatedAt: T,
	updatedBy: 'sam',
	updatedFor: null,
	...over
});

describe('who wrote an item and who changed it', () => {
	it('names the writer, "you" for the reader, with when it was written', () => {
		expect(itemByline(item(), asLi)).toEqual({ wrote: 'Written by Sam Okafor (Person)', writtenAt: T, changed: null });
		expect(itemByline(item(), asSam).wrote).toBe('Written by you');
	});

	it('words typed for someone say both whose words they are and who typed them', () => {
		const shared = item({ recordedBy: 'li', updatedBy: 'li' });
		expect(itemByline(shared, asSam).wrote).toBe('Your words, typed by Li Chen (Clinician)');
		expect(itemByline(shared, asLi).wrote).toBe('Words of Sam Okafor (Person), typed by you');
		expect(itemByline(shared, asSam).changed).toBeNull();
	});

	it('a change by someone else shows who and when', () => {
		const changed = item({ updatedAt: T + 5_000, updatedBy: 'li' });
		expect(itemByline(changed, asSam).changed).toEqual({ by: 'Li Chen (Clinician)', at: T + 5_000, said: 'changed by Li Chen (Clinician)' });
		expect(itemByline(changed, asLi).changed).toEqual({ by: 'you', at: T + 5_000, said: 'changed by you' });
	});

	it('a change typed for someone on a shared screen says whose words it was and who typed it', () => {
		const changed = item({ author: 'li', updatedAt: T + 5_000, updatedBy: 'li', updatedFor: 'sam' });
		expect(itemByline(changed, asSam).changed?.said).toBe('changed: your words, typed by Li Chen (Clinician)');
		expect(itemByline(changed, asLi).changed?.said).toBe('changed: words of Sam Okafor (Person), typed by you');
	});

	it('the writer going on typing straight away is still writing; coming back later is a change', () => {
		expect(itemByline(item({ updatedAt: T + 30_000 }), asLi).changed).toBeNull();
		expect(itemByline(item({ updatedAt: T + 3 * 86_400_000 }), asLi).changed).toMatchObject({ by: 'Sam Okafor (Person)', at: T + 3 * 86_400_000 });
	});

	it('someone no longer on the plan is named plainly', () => {
		expect(itemByline(item({ author: 'gone', updatedBy: 'gone' }), asSam).wrote).toBe('Written by someone who is not on this plan now');
	});
});
