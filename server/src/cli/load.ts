/** Reads manifest files into one cluster view, the way every CLI command needs it. */
import { readFileSync } from 'node:fs';
import { looksLikeKubernetes, readManifest, treatmentOf, type FileTreatment, type ParsedFile } from '../manifests';
import { isHelmTemplate } from '../workspace/scan';
import { readChunks } from '../parallel/parallelSyntax';
import { buildCluster, type Cluster, type ClusterConfig } from '../dns';
import { UsageError } from './args';
import { findManifestFiles } from './files';

export interface LoadedInput {
  readonly files: readonly ParsedFile[];
  /** File texts by path, for line numbers. */
  readonly texts: ReadonlyMap<string, string>;
  /** How each file is treated, decided as the language server decides it (`manifests/treatment.ts`). */
  readonly treatments: ReadonlyMap<string, FileTreatment>;
  readonly cluster: Cluster;
}

export function loadInput(paths: readonly string[], config: ClusterConfig): LoadedInput {
  if (paths.length === 0) throw new UsageError('no manifests given: pass -f PATH (a file or a folder)');
  const files: ParsedFile[] = [];
  const texts = new Map<string, string>();
  const treatments = new Map<string, FileTreatment>();
  for (const f of findManifestFiles(paths)) {
    let text: string;
    try {
      text = readFileSync(f, 'utf8');
    } catch (e) {
      throw new UsageError(`${f}: cannot read: ${e instanceof Error ? e.message : String(e)}`);
    }
    texts.set(f, text);
    const parsed = readManifest(text, f, { defaultNamespace: config.defaultNamespace, helm: isHelmTemplate(f), lazySyntax: true }, readChunks);
    files.push(parsed);
    treatments.set(f, treatmentOf({ helm: parsed.helm, kube: looksLikeKubernetes(text) }));
  }
  // Templates' objects still feed the DNS view, as in the editor: only their checks are skipped.
  return { files, texts, treatments, cluster: buildCluster(files.flatMap((p) => p.objects), config) };
}
