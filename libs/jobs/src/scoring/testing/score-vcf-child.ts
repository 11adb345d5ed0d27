/**
 * Runs `scoreVcf` in a child process for the kill-and-resume spec: options as JSON in argv[2];
 * `STRAND_TEST_CHUNK_DELAY_MS` pauses after each committed chunk so the spec can kill it mid-run.
 */
import { scoreVcf } from '../score-vcf.ts';

const options = JSON.parse(process.argv[2] ?? '{}') as Parameters<typeof scoreVcf>[0];
const delay = Number(process.env['STRAND_TEST_CHUNK_DELAY_MS'] ?? 0);
const result = await scoreVcf({
  ...options,
  onProgress: () => new Promise((done) => setTimeout(done, delay)),
});
process.stdout.write(
  `${JSON.stringify({ resumedFrom: result.resumedFrom, scored: result.scored })}\n`,
);
