// The timed part of the pull benchmarks, as an expression for the page: start the lab's sync and
// resolve once the engine left its `pulling` phase, with the phases' times seen in the page.
export interface PullWatch {
  endedAt: number;
  marks: { phase: string; at: number }[];
}

export function pullWatchExpression(connectionId: string, timeoutMs = 600_000): string {
  return `(async () => {
    const watching = benchLab.watchUntil(${JSON.stringify(connectionId)}, 'pulled', ${timeoutMs});
    await syncLab.start({ online: true });
    return watching;
  })()`;
}

/** Seconds from the first `pulling` mark to the end. */
export function pullSeconds(watch: PullWatch): number {
  const startedAt = watch.marks.find((mark) => mark.phase === 'pulling')?.at ?? Number.NaN;
  return (watch.endedAt - startedAt) / 1000;
}
