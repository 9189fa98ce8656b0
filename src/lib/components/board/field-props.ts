/** What every labelled board control takes for its field frame (label, hint, error). */
export interface FieldProps {
	id: string;
	label: string;
	/** Said after the label to screen readers only, e.g. ", item 2". */
	labelSuffix: string;
	hint?: string;
	error?: string;
}
