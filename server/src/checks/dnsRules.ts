/** DNS warnings no validator gives, and cross-resource checks, one file each under rules/. */
import type { Rule } from './types';
import { svcDnsNameTooLong } from './rules/dns/dnsNameTooLong';
import { svcExternalAddressNotInDns } from './rules/dns/externalAddressNotInDns';
import { svcExternalNameIgnoredFields } from './rules/dns/externalNameIgnoredFields';
import { svcExternalNameInCluster } from './rules/dns/externalNameInCluster';
import { svcExternalNameIp } from './rules/dns/externalNameIp';
import { svcExternalNameShortClusterName } from './rules/dns/externalNameShortClusterName';
import { svcExternalNameTrailingDot } from './rules/dns/externalNameTrailingDot';
import { svcHeadlessNoEndpoints } from './rules/dns/headlessNoEndpoints';
import { svcHeadlessNoPorts } from './rules/dns/headlessNoPorts';
import { svcHeadlessNoReadyEndpoints } from './rules/dns/headlessNoReadyEndpoints';
import { svcKubeDnsDifferences } from './rules/dns/kubeDnsDifferences';
import { svcPortUnnamedNoSrv } from './rules/dns/portUnnamedNoSrv';
import { svcPublishNotReadyNoSelector } from './rules/dns/publishNotReadyNoSelector';
import { endpointSliceNoServiceLabel } from './rules/refs/endpointSliceNoServiceLabel';
import { endpointsForSelectorService } from './rules/refs/endpointsForSelectorService';
import { podSubdomainNoHeadlessService } from './rules/refs/podSubdomainNoService';
import { svcSelectorNoMatch } from './rules/refs/selectorNoMatch';
import { stsServiceMissing } from './rules/refs/stsServiceMissing';
import { stsServiceNotHeadless } from './rules/refs/stsServiceNotHeadless';
import { stsServiceSelectorMismatch } from './rules/refs/stsServiceSelectorMismatch';
import { svcTargetPortNameUnknown } from './rules/refs/targetPortNameUnknown';

/** DNS warnings (rules/dns/), then cross-resource references (rules/refs/). */
import { dnsNameUnresolved } from './rules/refs/dnsNameUnresolved';
import { dnsNameWrongNamespace } from './rules/refs/dnsNameWrongNamespace';
import { dnsNamePortUnknown } from './rules/refs/dnsNamePortUnknown';
import { objectDuplicate } from './rules/refs/objectDuplicate';

export const DNS_RULES: readonly Rule[] = [
  svcPortUnnamedNoSrv,
  svcHeadlessNoPorts,
  svcHeadlessNoEndpoints,
  svcHeadlessNoReadyEndpoints,
  svcExternalNameIp,
  svcExternalNameIgnoredFields,
  svcExternalNameTrailingDot,
  svcExternalNameInCluster,
  svcExternalNameShortClusterName,
  svcDnsNameTooLong,
  svcExternalAddressNotInDns,
  svcPublishNotReadyNoSelector,
  svcKubeDnsDifferences,
  svcSelectorNoMatch,
  svcTargetPortNameUnknown,
  stsServiceMissing,
  stsServiceNotHeadless,
  stsServiceSelectorMismatch,
  endpointsForSelectorService,
  endpointSliceNoServiceLabel,
  podSubdomainNoHeadlessService,
  dnsNameUnresolved,
  dnsNameWrongNamespace,
  dnsNamePortUnknown,
  objectDuplicate,
];
