/**
 * A colour for each person's caret and markers, the same in every window. Colour is only a
 * help: every caret and marker also carries the person's name. All pass 4.5:1 with white text.
 */
const COLOURS = ['#005eb8', '#7c2855', '#330072', '#00401e', '#8a1538', '#425563', '#6b4a00'] as const;

export function peerColour(userId: string): string {
	let hash = 0;
	for (let i = 0; i < userId.length; i++) hash = (hash * 31 + userId.charCodeAt(i)) >>> 0;
	return COLOURS[hash % COLOURS.length]!;
}
