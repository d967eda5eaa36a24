// The selection model alone, over a list whose view the test changes: click (alone), Ctrl
// (toggle), Shift (range from the anchor, found again after the list moved), Ctrl+A (the whole
// view, kept as docs, keys resolved at once), Escape (clear), and keys() for whoever acts on it.
import { describe, expect, test } from 'vitest';
import { RowSelection, type SelectionSource } from './row-selection.svelte';

/** A view of docs; doc n is customer `c<n>`; rows of `loaded` docs are "here", others resolved. */
function listOf(docs: number[], loaded: (doc: number) => boolean = () => true) {
  const asked: number[][] = [];
  const removed = new Set<number>();
  const view = { docs };
  const source: SelectionSource = {
    viewDocs: () => view.docs,
    loadedKey: (doc) => (loaded(doc) ? `c${doc}` : undefined),
    resolveKeys: (wanted) => {
      asked.push([...wanted]);
      return Promise.resolve(wanted.map((doc) => (removed.has(doc) ? null : `c${doc}`)));
    },
  };
  return { selection: new RowSelection(source), view, asked, removed };
}

const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('RowSelection', () => {
  test('a click selects one row alone; Ctrl toggles others in and out', async () => {
    const { selection } = listOf(range(0, 9));
    selection.selectOnly(3);
    selection.toggle(5);
    selection.toggle(7);
    expect(selection.count).toBe(3);
    selection.toggle(5);
    expect([selection.hasDoc(3), selection.hasDoc(5), selection.hasDoc(7)]).toEqual([
      true,
      false,
      true,
    ]);
    expect(selection.has('c7')).toBe(true);
    expect((await selection.keys()).sort()).toEqual(['c3', 'c7']);
    selection.selectOnly(1);
    expect(await selection.keys()).toEqual(['c1']);
  });

  test('Shift takes the range from the anchor, both ways; Ctrl+Shift adds it', async () => {
    const { selection } = listOf(range(0, 19));
    selection.selectOnly(5);
    selection.selectRange(8);
    expect((await selection.keys()).sort()).toEqual(['c5', 'c6', 'c7', 'c8']);
    // A new Shift+click from the same anchor replaces the range.
    selection.selectRange(2);
    expect((await selection.keys()).sort()).toEqual(['c2', 'c3', 'c4', 'c5']);
    selection.toggle(15);
    selection.selectRange(17, { add: true });
    expect(selection.count).toBe(7);
    expect((await selection.keys()).sort()).toEqual(['c15', 'c16', 'c17', 'c2', 'c3', 'c4', 'c5']);
  });

  test('a range follows the anchor to where the changed list put it', async () => {
    const { selection, view } = listOf([10, 11, 12, 13, 14, 15]);
    selection.selectOnly(12);
    // Re-sorted: the anchor (doc 12) is now at index 4.
    view.docs = [15, 14, 13, 11, 12, 10];
    selection.selectRange(1);
    expect((await selection.keys()).sort()).toEqual(['c11', 'c12', 'c13', 'c14']);
    // The anchor left the view (a new search): the range is the clicked row alone.
    view.docs = [20, 21, 22];
    selection.selectRange(2);
    expect(await selection.keys()).toEqual(['c22']);
    expect(selection.anchor).toBe(22);
  });

  test('rows picked before their rows arrived are named by the worker, gone ones dropped', async () => {
    const { selection, asked, removed } = listOf(range(0, 999), (doc) => doc < 10);
    removed.add(500);
    selection.selectOnly(0);
    selection.selectRange(999);
    expect(selection.count).toBe(1_000);
    const keys = await selection.keys();
    expect(keys).toHaveLength(999);
    expect(keys).not.toContain('c500');
    expect(selection.count).toBe(999);
    // One request for the 990 rows not here, none for the rows already here.
    expect(asked).toEqual([range(10, 999)]);
  });

  test('Ctrl+A takes the whole view without a row each; rows taken out and added back', async () => {
    const docs = range(0, 99_999).reverse();
    const { selection, asked, removed } = listOf(docs, () => false);
    removed.add(42);
    selection.selectAll();
    expect(selection.count).toBe(100_000);
    expect(selection.hasDoc(99_999)).toBe(true);
    // Its keys are asked for at once, in one request.
    expect(asked).toHaveLength(1);
    expect(asked[0]).toHaveLength(100_000);
    selection.toggle(7);
    selection.toggle(8);
    selection.toggle(8);
    const keys = await selection.keys();
    expect(keys).toHaveLength(99_998);
    expect(keys).not.toContain('c7');
    expect(keys).not.toContain('c42');
    expect(selection.count).toBe(99_998);
    expect(selection.has('c8')).toBe(true);
    expect(selection.has('c7')).toBe(false);
  });

  test('Escape clears everything, the anchor too', async () => {
    const { selection } = listOf(range(0, 9));
    selection.selectAll();
    selection.clear();
    expect(selection.count).toBe(0);
    expect(selection.anchor).toBeNull();
    expect(await selection.keys()).toEqual([]);
    selection.selectOnly(4);
    selection.clear();
    expect(selection.hasDoc(4)).toBe(false);
  });
});

// The list hands the worker's Int32Array over as it arrived (no JS array at 1,000,000 docs):
// selecting over it must behave exactly as over an array.
describe('RowSelection over the worker’s typed doc list', () => {
  function typedListOf(docs: Int32Array) {
    const asked: number[][] = [];
    const view = { docs };
    const source: SelectionSource = {
      viewDocs: () => view.docs,
      loadedKey: () => undefined,
      resolveKeys: (wanted) => {
        asked.push([...wanted]);
        return Promise.resolve(wanted.map((doc) => `c${doc}`));
      },
    };
    return { selection: new RowSelection(source), view, asked };
  }

  test('Ctrl+A over an Int32Array view selects every doc in it, keys asked in view order', async () => {
    // Descending, so an "every doc up to the first" slip would show.
    const docs = Int32Array.from({ length: 200_000 }, (_, i) => 199_999 - i);
    const { selection, asked } = typedListOf(docs);
    selection.selectAll();
    expect(selection.count).toBe(200_000);
    expect([selection.hasDoc(0), selection.hasDoc(199_999), selection.hasDoc(200_000)]).toEqual([
      true,
      true,
      false,
    ]);
    expect(asked).toHaveLength(1);
    expect(asked[0]).toEqual(Array.from(docs));
    selection.toggle(5);
    const keys = await selection.keys();
    expect(keys).toHaveLength(199_999);
    expect(keys).not.toContain('c5');
    expect(keys[0]).toBe('c199999');
  });

  test('Shift finds the anchor again in a re-sorted Int32Array view', async () => {
    const { selection, view } = typedListOf(Int32Array.from([10, 11, 12, 13, 14, 15]));
    selection.selectOnly(12);
    view.docs = Int32Array.from([15, 14, 13, 11, 12, 10]);
    selection.selectRange(1);
    expect((await selection.keys()).sort()).toEqual(['c11', 'c12', 'c13', 'c14']);
    view.docs = Int32Array.from([20, 21, 22]);
    selection.selectRange(2);
    expect(await selection.keys()).toEqual(['c22']);
  });
});

describe('RowSelection while only the first screenful of the view is here', () => {
  function partialList() {
    const view = { docs: range(0, 9), count: 1_000 };
    let complete: () => void = () => {};
    const arrived = new Promise<void>((resolve) => (complete = resolve));
    const source: SelectionSource = {
      viewDocs: () => view.docs,
      viewComplete: () => view.docs.length >= view.count,
      whenViewComplete: () => arrived,
      loadedKey: (doc) => `c${doc}`,
      resolveKeys: (wanted) => Promise.resolve(wanted.map((doc) => `c${doc}`)),
    };
    const selection = new RowSelection(source);
    const restArrives = async () => {
      view.docs = range(0, 999);
      complete();
      await arrived;
      await Promise.resolve();
    };
    return { selection, restArrives };
  }

  test('Ctrl+A takes the whole view once the rest of it arrived', async () => {
    const { selection, restArrives } = partialList();
    selection.selectAll();
    expect(selection.count).toBe(0);
    await restArrives();
    expect(selection.count).toBe(1_000);
    expect(selection.hasDoc(999)).toBe(true);
    expect(await selection.keys()).toHaveLength(1_000);
  });

  test('a selection made before the rest arrived replaces the waiting Ctrl+A', async () => {
    const { selection, restArrives } = partialList();
    selection.selectAll();
    selection.selectOnly(3);
    await restArrives();
    expect(selection.count).toBe(1);
    expect(await selection.keys()).toEqual(['c3']);
  });

  test('Escape drops a waiting Ctrl+A', async () => {
    const { selection, restArrives } = partialList();
    selection.selectAll();
    selection.clear();
    await restArrives();
    expect(selection.count).toBe(0);
  });
});
