/** A plan read as text, for printing, reading and other formats. Pure: the board model only. */
export type { FactReading, ItemGroup, ItemReading, NameOf, SectionReading } from './types.js';
export { excerpt, factLabel, factLine, goalName, isoDateWords, itemFacts, rulerWords, utcDayWords } from './fact-words.js';
export { readItem, readPlan, readSection } from './plan-reading.js';
export { readConversations, type ConversationReading } from './conversation-reading.js';
export { cssString, printMarginStyle } from './print-margins.js';
