/**
 * API-server validation rules (service-validation.md §5–§7), one file each under rules/api/.
 * Ordered as the API server validates: metadata, then the Service spec, its warnings, then the
 * related kinds. Update-only and cluster-state rules are left out (docs/checks.md says which).
 */
import type { Rule } from './types';
import { metaNameRequired } from './rules/api/metaNameRequired';
import { metaNamespace } from './rules/api/metaNamespace';
import { metaLabels } from './rules/api/metaLabels';
import { metaAnnotations } from './rules/api/metaAnnotations';
import { metaFinalizers } from './rules/api/metaFinalizers';
import { svcNameDns1035 } from './rules/api/svcNameDns1035';
import { svcTopologyModeMismatch } from './rules/api/svcTopologyModeMismatch';
import { svcPortsRequired } from './rules/api/svcPortsRequired';
import { svcPortNameRequired } from './rules/api/svcPortNameRequired';
import { svcPortNameInvalid } from './rules/api/svcPortNameInvalid';
import { svcPortNameDuplicate } from './rules/api/svcPortNameDuplicate';
import { svcPortNumber } from './rules/api/svcPortNumber';
import { svcPortProtocol } from './rules/api/svcPortProtocol';
import { svcTargetPort } from './rules/api/svcTargetPort';
import { svcAppProtocol } from './rules/api/svcAppProtocol';
import { svcPortDuplicate } from './rules/api/svcPortDuplicate';
import { svcNodePortClusterIP } from './rules/api/svcNodePortClusterIP';
import { svcNodePortDuplicate } from './rules/api/svcNodePortDuplicate';
import { svcNodePortRange } from './rules/api/svcNodePortRange';
import { svcNodePortShared } from './rules/api/svcNodePortShared';
import { svcType } from './rules/api/svcType';
import { svcClusterIPsMismatch } from './rules/api/svcClusterIPsMismatch';
import { svcClusterIPInvalid } from './rules/api/svcClusterIPInvalid';
import { svcClusterIPsList } from './rules/api/svcClusterIPsList';
import { svcClusterIPFamilyMismatch } from './rules/api/svcClusterIPFamilyMismatch';
import { svcHeadlessType } from './rules/api/svcHeadlessType';
import { svcIPFamilies } from './rules/api/svcIPFamilies';
import { svcIPFamilyPolicy } from './rules/api/svcIPFamilyPolicy';
import { svcIPFamilyPolicySingleStack } from './rules/api/svcIPFamilyPolicySingleStack';
import { svcExternalNameRequired } from './rules/api/svcExternalNameRequired';
import { svcExternalNameInvalid } from './rules/api/svcExternalNameInvalid';
import { svcExternalNameForbiddenFields } from './rules/api/svcExternalNameForbiddenFields';
import { svcSelector } from './rules/api/svcSelector';
import { svcSessionAffinity } from './rules/api/svcSessionAffinity';
import { svcSessionAffinityTimeout } from './rules/api/svcSessionAffinityTimeout';
import { svcExternalIP } from './rules/api/svcExternalIP';
import { svcExternalTrafficPolicyScope } from './rules/api/svcExternalTrafficPolicyScope';
import { svcExternalTrafficPolicyValue } from './rules/api/svcExternalTrafficPolicyValue';
import { svcHealthCheckNodePort } from './rules/api/svcHealthCheckNodePort';
import { svcInternalTrafficPolicy } from './rules/api/svcInternalTrafficPolicy';
import { svcTrafficDistribution } from './rules/api/svcTrafficDistribution';
import { svcLBSourceRangesType } from './rules/api/svcLBSourceRangesType';
import { svcLBSourceRangesCidr } from './rules/api/svcLBSourceRangesCidr';
import { svcAllocateLBNodePorts } from './rules/api/svcAllocateLBNodePorts';
import { svcLBClass } from './rules/api/svcLBClass';
import { svcTopologyHintsDeprecated } from './rules/api/svcTopologyHintsDeprecated';
import { svcIPNonStandard } from './rules/api/svcIPNonStandard';
import { svcHeadlessIgnoredFields } from './rules/api/svcHeadlessIgnoredFields';
import { svcExternalIPsDeprecated } from './rules/api/svcExternalIPsDeprecated';
import { svcLBSourceRangeNonStandard } from './rules/api/svcLBSourceRangeNonStandard';
import { svcExternalIPsIgnored } from './rules/api/svcExternalIPsIgnored';
import { svcExternalNameIgnored } from './rules/api/svcExternalNameIgnored';
import { svcTrafficDistributionDeprecated } from './rules/api/svcTrafficDistributionDeprecated';
import { epName } from './rules/api/epName';
import { epSubsetEmpty } from './rules/api/epSubsetEmpty';
import { epAddressIP } from './rules/api/epAddressIP';
import { epAddressNames } from './rules/api/epAddressNames';
import { epPortName } from './rules/api/epPortName';
import { epPort } from './rules/api/epPort';
import { epsName } from './rules/api/epsName';
import { epsAddressType } from './rules/api/epsAddressType';
import { epsEndpointCount } from './rules/api/epsEndpointCount';
import { epsAddress } from './rules/api/epsAddress';
import { epsEndpointNames } from './rules/api/epsEndpointNames';
import { epsPort } from './rules/api/epsPort';
import { stsName } from './rules/api/stsName';
import { stsServiceName } from './rules/api/stsServiceName';
import { podHostname } from './rules/api/podHostname';
import { podSubdomain } from './rules/api/podSubdomain';

/** Every API-server rule, in the order the API server validates. */
export const API_RULES: readonly Rule[] = [
  metaNameRequired,
  metaNamespace,
  metaLabels,
  metaAnnotations,
  metaFinalizers,
  svcNameDns1035,
  svcTopologyModeMismatch,
  svcPortsRequired,
  svcPortNameRequired,
  svcPortNameInvalid,
  svcPortNameDuplicate,
  svcPortNumber,
  svcPortProtocol,
  svcTargetPort,
  svcAppProtocol,
  svcPortDuplicate,
  svcNodePortClusterIP,
  svcNodePortDuplicate,
  svcNodePortRange,
  svcNodePortShared,
  svcType,
  svcClusterIPsMismatch,
  svcClusterIPInvalid,
  svcClusterIPsList,
  svcClusterIPFamilyMismatch,
  svcHeadlessType,
  svcIPFamilies,
  svcIPFamilyPolicy,
  svcIPFamilyPolicySingleStack,
  svcExternalNameRequired,
  svcExternalNameInvalid,
  svcExternalNameForbiddenFields,
  svcSelector,
  svcSessionAffinity,
  svcSessionAffinityTimeout,
  svcExternalIP,
  svcExternalTrafficPolicyScope,
  svcExternalTrafficPolicyValue,
  svcHealthCheckNodePort,
  svcInternalTrafficPolicy,
  svcTrafficDistribution,
  svcLBSourceRangesType,
  svcLBSourceRangesCidr,
  svcAllocateLBNodePorts,
  svcLBClass,
  svcTopologyHintsDeprecated,
  svcIPNonStandard,
  svcHeadlessIgnoredFields,
  svcExternalIPsDeprecated,
  svcLBSourceRangeNonStandard,
  svcExternalIPsIgnored,
  svcExternalNameIgnored,
  svcTrafficDistributionDeprecated,
  epName,
  epSubsetEmpty,
  epAddressIP,
  epAddressNames,
  epPortName,
  epPort,
  epsName,
  epsAddressType,
  epsEndpointCount,
  epsAddress,
  epsEndpointNames,
  epsPort,
  stsName,
  stsServiceName,
  podHostname,
  podSubdomain,
];
