// The model registry's name rules, checked before a mutation is sent. They repeat libs/data
// model-registry.ts (the dashboard does not import server libraries), with the same messages,
// and the API checks again: a rule that drifts shows the server's message instead.
const MODEL_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
const ALIAS = /^[a-z][a-z0-9_-]{0,49}$/;

/** Why a model name would be refused, or null. */
export function modelNameError(name: string): string | null {
  return MODEL_NAME.test(name)
    ? null
    : `model name "${name.slice(0, 100)}" must be 1–100 letters, digits, ".", "_" or "-", starting with a letter or digit`;
}

/** Why an alias would be refused, or null. */
export function aliasError(alias: string): string | null {
  return ALIAS.test(alias)
    ? null
    : `alias "${alias.slice(0, 60)}" must be 1–50 lower-case letters, digits, "_" or "-", starting with a letter`;
}

/** A model name to offer for a run's model: `<architecture>-<dataset>`, made valid. */
export function suggestedModelName(architecture: string, dataset: string): string {
  const name = `${architecture}-${dataset}`
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[^A-Za-z0-9]+/, '')
    .slice(0, 100);
  return name || 'model';
}

/** Which version each alias points at, as `alias → version`, aliases by name. */
export function aliasesByVersion(
  aliases: readonly { alias: string; version: number }[],
): Map<number, string[]> {
  const map = new Map<number, string[]>();
  for (const a of [...aliases].sort((x, y) => x.alias.localeCompare(y.alias))) {
    map.set(a.version, [...(map.get(a.version) ?? []), a.alias]);
  }
  return map;
}
