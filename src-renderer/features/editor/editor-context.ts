// The editor's components (sections, fields, repeat items) read the open customer's EditorState
// from this context instead of receiving it through every level of the form.
import { createContext } from 'svelte';
import type { EditorState } from '../../lib/state/editor.svelte';

export const [getEditor, setEditor] = createContext<EditorState>();

let next = 0;
/** A unique id for an input and its messages (labels and aria-describedby point at it). */
export const newFieldId = () => `fb-field-${++next}`;
