import type { Rule } from '../../types';
import { dns1123LabelErrors, dns1123SubdomainErrors } from '../../validation/dns';
import { itemsAt, MAX_ZONE_HINTS, sliceEndpoints } from '../../validation/endpoints';
import { duplicate, invalid, tooMany } from '../../validation/errors';
import { labelValueErrors } from '../../validation/qualifiedName';
import { getIn, goList, goString, optString, present } from '../../validation/raw';
import { at, fail, fieldOf, keyOf, missing } from '../../validation/report';

/** EPS-5: endpoint hostname is a DNS-1123 label, nodeName a subdomain, zone hints valid and unique. */
export const epsEndpointNames: Rule = {
  code: 'eps-endpoint-names',
  defaultSeverity: 'error',
  source: 'api-server',
  reference: 'discovery validation.go validateEndpoints, validateHints (EPS-5)',
  description:
    'An endpoint hostname must be a DNS-1123 label, its nodeName a DNS-1123 subdomain, and its zone hints (at most 8) unique label values.',
  kinds: ['EndpointSlice'],
  check(object, _ctx, report) {
    for (const e of sliceEndpoints(object)) {
      const named: [string, string | undefined | null, (s: string) => string[], string][] = [
        [
          'hostname',
          optString(e.raw['hostname']),
          dns1123LabelErrors,
          "the hostname becomes a DNS label (<hostname>.<service>…): lower-case letters, digits and '-', no dots.",
        ],
        ['nodeName', optString(e.raw['nodeName']), dns1123SubdomainErrors, 'use the name of a Node, or leave nodeName out.'],
      ];
      for (const [key, value, check, advice] of named) {
        const errs = typeof value === 'string' ? check(value) : [];
        const path = [...e.path, key];
        if (errs.length) fail(report, at(path), fieldOf(path), invalid(value, errs), advice);
      }
      const zonesPath = [...e.path, 'hints', 'forZones'];
      const zones = getIn(e.raw, ['hints', 'forZones']);
      if ((goList(zones)?.length ?? 0) > MAX_ZONE_HINTS) {
        fail(report, keyOf(zonesPath), fieldOf(zonesPath), tooMany(goList(zones)!.length, MAX_ZONE_HINTS), 'list at most 8 zones.');
        continue;
      }
      const seen = new Set<string>();
      for (const z of itemsAt(zonesPath, zones) ?? []) {
        const name = goString(z.raw['name']);
        if (name === null) continue;
        const path = [...z.path, 'name'];
        const where = present(z.raw, 'name') ? at(path) : missing(object.raw, z.path);
        if (seen.has(name)) fail(report, where, fieldOf(path), duplicate(name), 'list each zone once.');
        seen.add(name);
        const errs = labelValueErrors(name);
        if (errs.length)
          fail(report, where, fieldOf(path), invalid(name, errs), 'use the zone name as in the topology.kubernetes.io/zone label.');
      }
    }
  },
};
