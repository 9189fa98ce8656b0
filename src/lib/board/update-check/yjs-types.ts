/** Yjs types its index does not export by name. */
import type * as Y from 'yjs';

/** A struct's content: a value, a string, a nested type, deleted content, … */
export type Content = Y.Item['content'];
/** What an update deletes, by client and clock range. */
export type DeleteSet = ReturnType<typeof Y.decodeUpdate>['ds'];
