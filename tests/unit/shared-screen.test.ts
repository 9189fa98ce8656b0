/**
 * "Together on one screen": who is talking now is whose words new things are, the person first;
 * the choice is kept on the device across page loads, and a kept choice of someone no longer on
 * the plan is forgotten. Before the person has an account, THE_PERSON stands for them.
 */
import { describe, expect, it } from 'vitest';
import { THE_PERSON } from '../../src/lib/board/index.js';
import { MemberDirectory } from '../../src/lib/client/members.js';
import { SharedScreen, type KeptChoices } from '../../src/lib/client/shared-screen.svelte.js';

const PAT = { id: 'pat', name: 'Pat Morgan', role: 'person' as const };
const LEE = { id: 'lee', name: 'Dr Lee', role: 'clinician' as const };
const JO = { id: 'jo', name: 'Jo', role: 'peer_advocate' as const };

function device(): KeptChoices & { kept: Map<string, string> } {
	const kept = new Map<string, string>();
	return { kept, getItem: (k) => kept.get(k) ?? null, setItem: (k, v) => void kept.set(k, v) };
}

describe('who is talking now', () => {
	it('is me while the screen is not shared; the person first once it is, then whoever is chosen', () => {
		const people = new MemberDirectory([LEE, PAT, JO], LEE);
		const shared = new SharedScreen('b1', people, device());
		expect(shared.author).toBe('lee');
		shared.setOn(true);
		expect(shared.author).toBe('pat');
		expect(people.everyone.map((m) => m.id)).toEqual(['pat', 'lee', 'jo']);
		shared.setTalking('jo');
		expect(shared.author).toBe('jo');
		shared.setTalking('mallory');
		expect(shared.author).toBe('jo');
		shared.setOn(false);
		expect(shared.author).toBe('lee');
	});

	it('stays across page loads on the device, per plan and per account', () => {
		const store = device();
		const people = new MemberDirectory([PAT, LEE, JO], LEE);
		const first = new SharedScreen('b1', people, store);
		first.setOn(true);
		first.setTalking('jo');
		const reloaded = new SharedScreen('b1', people, store);
		expect(reloaded.on).toBe(true);
		expect(reloaded.author).toBe('jo');
		expect(new SharedScreen('b2', people, store).on).toBe(false);
		expect(new SharedScreen('b1', new MemberDirectory([PAT, LEE, JO], JO), store).on).toBe(false);
	});

	it('forgets a kept choice of someone who has left, and is still usable when nothing can be kept', () => {
		const store = device();
		const before = new SharedScreen('b1', new MemberDirectory([PAT, LEE, JO], LEE), store);
		before.setOn(true);
		before.setTalking('jo');
		const after = new SharedScreen('b1', new MemberDirectory([PAT, LEE], LEE), store);
		expect(after.author).toBe('pat');
		const broken: KeptChoices = {
			getItem: () => '{not json',
			setItem: () => {
				throw new Error('full');
			}
		};
		const plain = new SharedScreen('b1', new MemberDirectory([PAT, LEE], LEE), broken);
		plain.setOn(true);
		expect(plain.author).toBe('pat');
	});

	it('before the person has an account, their words go under THE_PERSON, and are theirs once they join', () => {
		const store = device();
		const early = new MemberDirectory([LEE], LEE, true, 'Pat Morgan');
		expect(early.person).toEqual({ id: THE_PERSON, name: 'Pat Morgan', role: 'person' });
		expect(early.describe(THE_PERSON)).toBe('Pat Morgan (Person, not joined yet)');
		const shared = new SharedScreen('b1', early, store);
		shared.setOn(true);
		expect(shared.author).toBe(THE_PERSON);

		const joined = new MemberDirectory([LEE, PAT], LEE, true, 'Pat Morgan');
		expect(joined.describe(THE_PERSON)).toBe('Pat Morgan (Person)');
		expect(new MemberDirectory([LEE, PAT], PAT, true, 'Pat Morgan').describe(THE_PERSON)).toBe('you');
		// The kept choice carries over: the person is still the one talking, now under their own id.
		expect(new SharedScreen('b1', joined, store).author).toBe('pat');
	});
});
