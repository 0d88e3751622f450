/** Cases for StatefulSet names (STS-1, STS-2) and pod hostname/subdomain (POD-1, POD-2). */
import { manifest } from '../../helpers';
import type { CaseTable } from '../table';

function statefulSet(name: string, serviceName: string): string {
  return manifest(
    'apps/v1',
    'StatefulSet',
    `metadata: {name: ${name}}\nspec:\n  serviceName: ${serviceName}\n  selector: {matchLabels: {app: db}}\n  template:\n    metadata: {labels: {app: db}}\n    spec: {containers: [{name: db, image: postgres}]}`,
  );
}

function pod(spec: string): string {
  return manifest('v1', 'Pod', `metadata: {name: web}\nspec:\n  ${spec}\n  containers: [{name: web, image: nginx}]`);
}

export const workloadCases: CaseTable = {
  fail: [
    {
      name: 'a StatefulSet name with a dot',
      yaml: statefulSet('db.v1', 'db'),
      expect: [{ code: 'sts-name', field: 'metadata.name', text: 'db.v1' }],
    },
    {
      name: 'serviceName with a namespace, and in capitals',
      yaml: [statefulSet('db', 'db.shop'), statefulSet('db', 'DB')].join('---\n'),
      expect: [
        { code: 'sts-service-name', field: 'spec.serviceName', text: 'db.shop' },
        { code: 'sts-service-name', field: 'spec.serviceName', text: 'DB' },
      ],
    },
    {
      name: 'a Pod hostname with a dot, and a Deployment template hostname in capitals',
      yaml: [
        pod('hostname: web.0'),
        manifest(
          'apps/v1',
          'Deployment',
          'metadata: {name: web}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec: {hostname: Web, containers: [{name: web, image: nginx}]}',
        ),
      ].join('---\n'),
      expect: [
        { code: 'pod-hostname', field: 'spec.hostname', text: 'web.0' },
        { code: 'pod-hostname', field: 'spec.template.spec.hostname', text: 'Web' },
      ],
    },
    {
      name: 'a subdomain written as <service>.<namespace>',
      yaml: pod('subdomain: db.shop'),
      expect: [{ code: 'pod-subdomain', field: 'spec.subdomain', text: 'db.shop' }],
    },
  ],
  pass: [
    {
      name: 'a StatefulSet governed by a headless Service, and a Pod with hostname and subdomain',
      covers: ['sts-name', 'sts-service-name', 'pod-hostname', 'pod-subdomain', 'meta-name-required'],
      yaml: [statefulSet('db', 'db-headless'), pod('hostname: web-0\n  subdomain: db-headless')].join('---\n'),
    },
  ],
};
