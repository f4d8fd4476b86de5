/** Keeps results alive so the JIT cannot drop a call whose value is never used. */
let sink = 0;
export function consume(value: unknown): void {
  if (typeof value === 'string') sink += value.length;
  else if (typeof value === 'number') sink += value;
  else if (value !== null && value !== undefined) sink += 1;
}
export function sinkValue(): number {
  return sink;
}

/**
 * Times several tasks on the same input, interleaved: each round runs every task once, starting
 * with a different one each round, so drift (CPU frequency, GC pressure from a neighbour) falls on
 * all tasks alike. A task that throws is timed up to the throw; its failure is reported elsewhere.
 * Returns per task the nanoseconds of each measured round.
 */
export function timeInterleaved(tasks: ReadonlyArray<() => unknown>, warmup: number, rounds: number): number[][] {
  const samples = tasks.map((): number[] => []);
  for (let round = 0; round < warmup + rounds; round++) {
    for (let k = 0; k < tasks.length; k++) {
      const index = (round + k) % tasks.length;
      const task = tasks[index];
      if (!task) continue;
      const start = process.hrtime.bigint();
      try {
        consume(task());
      } catch {
        consume(1);
      }
      const ns = Number(process.hrtime.bigint() - start);
      if (round >= warmup) samples[index]?.push(ns);
    }
  }
  return samples;
}
