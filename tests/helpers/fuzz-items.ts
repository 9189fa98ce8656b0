/**
 * Item-level junk for the fuzzer: each update adds one item to a real section, complete and
 * well-formed but for one thing — a value outside the rules, a forged name, or content in one of
 * Yjs's encodings a plan does not use. Sent as they are (never mutated), each must be refused.
 */
import * as Y from 'yjs';
import { addItem } from '../../src/lib/board/index.js';
import { forgeMapWrite } from './forge-update.js';

type Junk = (item: Y.Map<unknown>, doc: Y.Doc) => void;

const text = (item: Y.Map<unknown>) => item.get('text') as Y.Text;

/** One junk change per entry, made to a freshly added goal. */
const JUNK: Record<string, Junk> = {
	banana: (item) => item.set('importance', 'banana'),
	unknownField: (item) => item.set('hidden', 'x'),
	badOrder: (item) => item.set('order', '!!'),
	idMismatch: (item) => item.set('id', 'someone-else'),
	longText: (item) => text(item).insert(0, 'x'.repeat(15_000)),
	controlCharacters: (item) => text(item).insert(0, 'a\u0001b'),
	formatted: (item) => text(item).format(0, 1, { bold: true }),
	embed: (item) => text(item).insertEmbed(0, { image: 'x' }),
	textAttribute: (item) => text(item).setAttribute('colour', 'red'),
	nestedMap: (item) => item.set('importance', new Y.Map()),
	mapAsText: (item) => item.set('okLooksLike', new Y.Map()),
	xmlText: (item) => item.set('okLooksLike', new Y.XmlText()),
	arrayInItem: (item) => item.set('status', new Y.Array()),
	binary: (item) => item.set('status', new Uint8Array([1, 2, 3])),
	subDocument: (item) => item.set('status', new Y.Doc()),
	jsonAuthor: (item) => forgeMapWrite(item, 'author', new Y.ContentJSON(['stranger'])),
	jsonImportance: (item) => forgeMapWrite(item, 'importance', new Y.ContentJSON([7])),
	valueList: (item) => forgeMapWrite(item, 'importance', new Y.ContentAny([1, 2])),
	strangerAuthor: (item) => item.set('author', 'stranger'),
	forgedRecordedBy: (item) => item.set('recordedBy', 'stranger'),
	forgedUpdatedBy: (item) => item.set('updatedBy', 'stranger'),
	missingFields: (item) => item.delete('createdAt'),
	version99: (_item, doc) => doc.getMap('meta').set('schemaVersion', 99)
};

export const JUNK_NAMES = Object.keys(JUNK);

/** The update adding a goal by `writerId` with the named junk in it. */
export function itemJunkUpdate(name: string, writerId: string): Uint8Array {
	const doc = new Y.Doc();
	const updates: Uint8Array[] = [];
	doc.on('update', (update: Uint8Array) => updates.push(update));
	doc.transact(() => {
		const id = addItem(doc, 'goals', { author: writerId, text: 'A goal' });
		JUNK[name](doc.getMap('section:goals').get(id) as Y.Map<unknown>, doc);
	});
	doc.destroy();
	return Y.mergeUpdates(updates);
}
