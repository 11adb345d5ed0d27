import type { Rng } from '../random/rng.ts';

/** Whether following each letter's chosen last edge from every letter reaches `last`. */
function reachesLast(lastEdge: Map<string, string>, last: string): boolean {
  for (const start of lastEdge.keys()) {
    let at = start;
    for (let steps = 0; at !== last; steps++) {
      const next = lastEdge.get(at);
      if (next === undefined || steps > lastEdge.size) return false;
      at = next;
    }
  }
  return true;
}

/**
 * A random sequence with exactly the dinucleotide (and so the letter) counts of seq, the same
 * first and last letter, drawn uniformly among all such sequences: the Altschul–Erikson (1985)
 * shuffle by a random Eulerian path, as in Clote's altschulEriksonDinuclShuffle.py and
 * uShuffle (Jiang et al. 2008, used by fasta-ushuffle and MEME). Each letter's outgoing edges
 * (its successors in seq) are shuffled, except for a last edge per letter drawn so that the
 * last edges form a tree into seq's final letter (redrawn until they do); walking the edges from
 * the first letter then spells the result. Letters are taken as they are (case-sensitive).
 */
export function dinucleotideShuffle(seq: string, rng: Rng): string {
  if (seq.length < 3) return seq;
  const edges = new Map<string, string[]>();
  for (let i = 0; i < seq.length - 1; i++) {
    const list = edges.get(seq[i]);
    if (list) list.push(seq[i + 1]);
    else edges.set(seq[i], [seq[i + 1]]);
  }
  const last = seq[seq.length - 1];
  const lastEdge = new Map<string, string>();
  const lastIndex = new Map<string, number>();
  do {
    for (const [letter, list] of edges) {
      if (letter === last) continue;
      const i = rng.int(list.length);
      lastIndex.set(letter, i);
      lastEdge.set(letter, list[i]);
    }
  } while (!reachesLast(lastEdge, last));
  const order = new Map<string, string[]>();
  for (const [letter, list] of edges) {
    const chosen = lastIndex.get(letter);
    const rest = chosen === undefined ? [...list] : list.filter((_, i) => i !== chosen);
    rng.shuffle(rest);
    if (chosen !== undefined) rest.push(list[chosen]);
    order.set(letter, rest);
  }
  const out = [seq[0]];
  const used = new Map<string, number>();
  let at = seq[0];
  for (let i = 1; i < seq.length; i++) {
    const n = used.get(at) ?? 0;
    used.set(at, n + 1);
    at = (order.get(at) as string[])[n];
    out.push(at);
  }
  return out.join('');
}
