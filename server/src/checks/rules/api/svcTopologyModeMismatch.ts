import type { Rule } from '../../types';
import { invalid } from '../../validation/errors';
import { at, fail } from '../../validation/report';
import {
  ANNOTATION_TOPOLOGY_HINTS as TOPOLOGY_HINTS,
  ANNOTATION_TOPOLOGY_MODE as TOPOLOGY_MODE,
  annotationsOf,
} from '../../validation/service';

/** TOPO-1: topology-mode and the deprecated topology-aware-hints annotation must agree. */
export const svcTopologyModeMismatch: Rule = {
  code: 'svc-topology-mode-mismatch',
  defaultSeverity: 'error',
  source: 'api-server',
  reference: 'validation.go ValidateService (TOPO-1)',
  description: 'The topology-mode and topology-aware-hints annotations must have the same value when both are set.',
  kinds: ['Service'],
  check(object, _ctx, report) {
    const annotations = annotationsOf(object);
    const mode = annotations[TOPOLOGY_MODE];
    const hints = annotations[TOPOLOGY_HINTS];
    if (typeof mode !== 'string' || typeof hints !== 'string' || mode === hints) return;
    fail(
      report,
      at(['metadata', 'annotations', TOPOLOGY_MODE]),
      `metadata.annotations[${TOPOLOGY_MODE}]`,
      invalid(mode, [`must match annotations[${TOPOLOGY_HINTS}] when both are specified`]),
      `remove the deprecated ${TOPOLOGY_HINTS} annotation (or give both the same value).`,
    );
  },
};
