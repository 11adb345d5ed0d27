import type { DataShape } from '@strand/jobs';

/** What a command says it trains on: "negative / positive", "label_a / label_b (multitask)", … */
export function describeTargets(data: DataShape): string {
  const parts: string[] = [];
  if (data.tasks) parts.push(`${data.tasks.join(' / ')} (multitask)`);
  else if (data.labelNames.length) parts.push(data.labelNames.join(' / '));
  if (data.profile) {
    const t = data.profile.tracks;
    parts.push(`${data.profile.column}: ${t} count track${t === 1 ? '' : 's'}`);
  }
  if (data.extraFeatures) parts.push(`${data.extraFeatures.length} feature columns`);
  return parts.join(', ');
}

/** The columns the data was read with, for a command's JSON result (none for plain tables). */
export function dataColumns(data: DataShape): Record<string, unknown> {
  return {
    ...(data.tasks ? { tasks: data.tasks } : {}),
    ...(data.extraFeatures ? { featureColumns: data.extraFeatures } : {}),
    ...(data.profile ? { profile: data.profile } : {}),
  };
}
