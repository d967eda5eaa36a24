// The key → doc table lives in src-shared: the duplicate index (pure) keeps its own with it.
export { DocOfKey } from '../../../src-shared/duplicates/doc-of-key';
