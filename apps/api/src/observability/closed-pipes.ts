/**
 * Logging never decides whether the process lives. When whatever reads the API's stdout or stderr
 * has gone (a closed pipe), writes fail with EPIPE, which Node reports as an 'error' event: with
 * no listener that is an uncaught exception, killing start-up or a shutdown half-way. Lost log
 * lines are the lesser harm: the streams' errors are swallowed and writes to them become no-ops.
 */
export function surviveClosedPipes(
  streams: NodeJS.WriteStream[] = [process.stdout, process.stderr],
) {
  for (const stream of streams) {
    stream.on('error', () => {
      // A stream that failed once will fail again: stop writing to it at all.
      stream.write = (() => true) as typeof stream.write;
    });
  }
}
