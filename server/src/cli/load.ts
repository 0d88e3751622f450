/** Reads manifest files into one cluster view, the way every CLI command needs it. */
import { readFileSync } from 'node:fs';
import { readManifest, type ParsedFile } from '../manifests';
import { readChunks } from '../parallel/parallelSyntax';
import { buildCluster, type Cluster, type ClusterConfig } from '../dns';
import { UsageError } from './args';
import { findManifestFiles } from './files';

export interface LoadedInput {
  readonly files: readonly ParsedFile[];
  /** File texts by path, for line numbers. */
  readonly texts: ReadonlyMap<string, string>;
  readonly cluster: Cluster;
}

export function loadInput(paths: readonly string[], config: ClusterConfig): LoadedInput {
  if (paths.length === 0) throw new UsageError('no manifests given: pass -f PATH (a file or a folder)');
  const files: ParsedFile[] = [];
  const texts = new Map<string, string>();
  for (const f of findManifestFiles(paths)) {
    let text: string;
    try {
      text = readFileSync(f, 'utf8');
    } catch (e) {
      throw new UsageError(`${f}: cannot read: ${e instanceof Error ? e.message : String(e)}`);
    }
    texts.set(f, text);
    files.push(readManifest(text, f, { defaultNamespace: config.defaultNamespace, helm: f.endsWith('.tpl'), lazySyntax: true }, readChunks));
  }
  return { files, texts, cluster: buildCluster(files.flatMap((p) => p.objects), config) };
}
