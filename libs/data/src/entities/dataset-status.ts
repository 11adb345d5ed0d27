/** A dataset is IMPORTING until all its content is stored; only READY ones can be trained on. */
export const DATASET_STATUSES = ['IMPORTING', 'READY', 'FAILED'] as const;

export type DatasetStatus = (typeof DATASET_STATUSES)[number];
