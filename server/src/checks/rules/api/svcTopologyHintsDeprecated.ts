import type { Rule } from '../../types';
import { keyOf, warn } from '../../validation/report';
import { ANNOTATION_TOPOLOGY_HINTS, ANNOTATION_TOPOLOGY_MODE, annotationsOf } from '../../validation/service';

/** W1: the topology-aware-hints annotation is deprecated. */
export const svcTopologyHintsDeprecated: Rule = {
  code: 'svc-topology-hints-deprecated',
  defaultSeverity: 'warning',
  source: 'api-server-warning',
  reference: 'warnings.go GetWarningsForService (W1)',
  description: `The ${ANNOTATION_TOPOLOGY_HINTS} annotation is deprecated in favour of ${ANNOTATION_TOPOLOGY_MODE}.`,
  kinds: ['Service'],
  check(object, _ctx, report) {
    if (!(ANNOTATION_TOPOLOGY_HINTS in annotationsOf(object))) return;
    warn(
      report,
      keyOf(['metadata', 'annotations', ANNOTATION_TOPOLOGY_HINTS]),
      `metadata.annotations[${ANNOTATION_TOPOLOGY_HINTS}]`,
      `annotation ${ANNOTATION_TOPOLOGY_HINTS} is deprecated, please use ${ANNOTATION_TOPOLOGY_MODE} instead`,
      `rename the key to ${ANNOTATION_TOPOLOGY_MODE} (e.g. ${ANNOTATION_TOPOLOGY_MODE}: Auto).`,
    );
  },
};
