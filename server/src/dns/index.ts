/** The DNS engine: pure functions from model objects to records and answers. */
export * from './types';
export * from './config';
export { buildCluster, selects, resolveTargetPort, serviceKey, isServed, type Cluster, type ServiceEntry, type EffectiveSlice, type EffectiveEndpoint } from './cluster';
export { query, soaRecord, DNS_SCHEMA_VERSION } from './query';
export { allRecords, serviceRecords, podRecords } from './records';
export { zoneFile } from './zoneFile';
export { formatAnswer, formatRecord, answerJson, recordJson } from './format';
export { resolveFromPod, type SearchResolution } from './search';
export * from './names';
