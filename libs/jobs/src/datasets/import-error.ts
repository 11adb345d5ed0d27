/**
 * An error of an import's input (a value that does not fit, an empty file): importDataset
 * returns it as a user error on the `path` field with its code. Strand's format and genomics
 * errors are treated the same way (they carry a code and `file:line: reason`).
 */
export function importError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}
