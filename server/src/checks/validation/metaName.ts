/**
 * The name part of `ValidateObjectMetaAccessor`: `generateName` is checked as a prefix (a trailing
 * `-` allowed) and `name` in full, each with the kind's name function (META-2/3, EP-1, EPS-1, STS-1).
 */
import type { KubeObject } from '../../manifests/types';
import type { Reporter } from '../types';
import type { NameCheck } from './dns';
import { invalid } from './errors';
import { goMap, goString } from './raw';
import { at, fail } from './report';

/** Reports `metadata.generateName` and `metadata.name` values that `check` refuses. */
export function reportNameFormat(object: KubeObject, report: Reporter, check: NameCheck, advice: string): void {
  const md = goMap(object.raw['metadata']);
  if (!md) return;
  const generateName = goString(md['generateName']);
  if (generateName) {
    const errs = check(generateName, true);
    if (errs.length) fail(report, at(['metadata', 'generateName']), 'metadata.generateName', invalid(generateName, errs), advice);
  }
  const name = goString(md['name']);
  if (name) {
    const errs = check(name, false);
    if (errs.length) fail(report, at(['metadata', 'name']), 'metadata.name', invalid(name, errs), advice);
  }
}
