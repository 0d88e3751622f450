/** The manifest model: text -> YAML documents -> typed Kubernetes objects with source ranges. */
export * from './types';
export { readManifest, readDocument, chunksOf, MAX_ALIAS_COUNT, type ReadOptions, type ParsedDocument } from './read';
export { readKubeObject, SERVICE_NAME_LABEL, type ObjectReadOptions } from './objects';
export { syntheticSource } from './yamlSource';
export { splitYamlDocuments, type DocumentChunk } from './split';
export { treatmentOf, reportedProblems, checksObjects, looksLikeKubernetes, type FileTreatment, type FileTraits } from './treatment';
export { groupKind, groupOf, kindStatus, servedVersion, type KindStatus } from './apiGroups';
