/** svc-publish-not-ready-no-selector: publishNotReadyAddresses does nothing without a selector. */
import type { Service } from '../../../manifests/types';
import type { Rule } from '../../types';

/** Info on `publishNotReadyAddresses` of a Service without a selector. */
export const svcPublishNotReadyNoSelector: Rule = {
  code: 'svc-publish-not-ready-no-selector',
  defaultSeverity: 'info',
  source: 'coredns',
  reference: 'dns-rules.md §1.1 (CoreDNS does not read publishNotReadyAddresses), §1.2 (only the EndpointSlice controller applies it; mirroring copies readiness); kubernetes pkg/controller/endpointslicemirroring/utils.go addressToEndpoint',
  description: '`publishNotReadyAddresses` has no effect on a Service without a selector: DNS follows the readiness written in its Endpoints or EndpointSlices.',
  kinds: ['Service'],
  check(object, _ctx, report) {
    const svc = object as Service;
    if (!svc.spec.publishNotReadyAddresses || svc.spec.selector || svc.spec.type === 'ExternalName') return;
    report.at(
      ['spec', 'publishNotReadyAddresses'],
      'publishNotReadyAddresses has no effect here: it only changes the `ready` value the EndpointSlice controller writes for selected Pods, ' +
        'and this Service has no selector. CoreDNS serves the endpoints you write that are ready (`conditions.ready` true or absent; Endpoints: `addresses`, not `notReadyAddresses`).',
      { key: true },
    );
  },
};
