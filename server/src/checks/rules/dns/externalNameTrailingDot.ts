/** svc-external-name-trailing-dot: a trailing dot on externalName changes nothing. */
import type { Service } from '../../../manifests/types';
import type { Rule } from '../../types';
import { replaceScalar } from './yamlEdit';

/** Info on an externalName ending in a dot; the fix removes it. */
export const svcExternalNameTrailingDot: Rule = {
  code: 'svc-external-name-trailing-dot',
  defaultSeverity: 'info',
  source: 'coredns',
  reference: 'dns-rules.md §3.8 (target written with a trailing dot either way; kubernetes/kubernetes#78385); coredns plugin/kubernetes/kubernetes.go (ExternalName CNAME target)',
  description: 'A trailing dot on externalName is harmless: CoreDNS makes the CNAME target absolute anyway.',
  kinds: ['Service'],
  check(object, _ctx, report) {
    const svc = object as Service;
    const name = svc.spec.externalName?.trim();
    if (svc.spec.type !== 'ExternalName' || !name || !name.endsWith('.') || name === '.') return;
    const bare = name.slice(0, -1);
    report.at(
      ['spec', 'externalName'],
      `The trailing dot is harmless: CoreDNS answers CNAME ${bare.toLowerCase()}. with or without it. ` +
        'API servers older than kubernetes/kubernetes#78385 reject it, so leave it out for portability.',
      { fixes: () => [replaceScalar(svc, ['spec', 'externalName'], bare, 'Remove the trailing dot')] },
    );
  },
};
