/**
 * Which section someone is looking at: the one taking up most of their window. Pure, so the
 * rule is tested without a browser; `watchSectionsInView` is the thin shell that feeds it.
 */

/** How much of one section shows in the window, in CSS pixels. */
export interface SectionShare<K extends string = string> {
	readonly key: K;
	readonly visibleHeight: number;
}

/**
 * The section most in view, or null if none shows. A tie goes to the one higher up the page
 * (`shares` are in page order), so the answer does not flicker between two halves.
 */
export function sectionMostInView<K extends string>(shares: readonly SectionShare<K>[]): K | null {
	let best: SectionShare<K> | null = null;
	for (const share of shares) {
		if (share.visibleHeight <= 0) continue;
		if (!best || share.visibleHeight > best.visibleHeight) best = share;
	}
	return best?.key ?? null;
}

const THRESHOLDS = Array.from({ length: 21 }, (_, i) => i / 20);

/**
 * Watches the page's sections (elements with `data-section`, in page order) and calls
 * `onChange` with the key of the one most in view whenever that changes.
 * @returns a function that stops watching.
 */
export function watchSectionsInView(root: ParentNode, onChange: (key: string | null) => void): () => void {
	const sections = [...root.querySelectorAll<HTMLElement>('[data-section]')];
	const heights = new Map<Element, number>();
	let current: string | null = null;
	const observer = new IntersectionObserver(
		(entries) => {
			for (const entry of entries) heights.set(entry.target, entry.isIntersecting ? entry.intersectionRect.height : 0);
			const next = sectionMostInView(sections.map((el) => ({ key: el.dataset.section ?? '', visibleHeight: heights.get(el) ?? 0 })));
			if (next === current) return;
			current = next;
			onChange(next);
		},
		{ threshold: THRESHOLDS }
	);
	for (const el of sections) observer.observe(el);
	return () => observer.disconnect();
}
