/**
 * Regression fixtures (issue #12): a kind of another API group is somebody else's object. Core
 * rules do not check it and the DNS engine does not serve it; old versions of our kinds are read
 * but reported as not served.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ALL_RULES } from '../../../server/src/checks';
import { kindStatus } from '../../../server/src/manifests/apiGroups';
import { ask, clusterOf } from '../dns/helpers';
import { checkYaml } from '../checks/helpers';

const KNATIVE = `apiVersion: serving.knative.dev/v1
kind: Service
metadata:
  name: hello
spec:
  template:
    spec:
      containers:
      - image: ghcr.io/knative/helloworld-go
`;

const VOLCANO_JOB = `apiVersion: batch.volcano.sh/v1alpha1
kind: Job
metadata:
  name: tf-job
spec:
  minAvailable: 1
  tasks:
  - replicas: 1
    name: ps
    template:
      metadata:
        labels: {app: tf}
      spec:
        containers:
        - name: ps
          image: tf
`;

test('other API groups\' kinds: a Knative Service without ports is not a core Service', () => {
  assert.deepEqual(checkYaml(KNATIVE, ALL_RULES).map((f) => f.code), []);
  const c = clusterOf(KNATIVE);
  assert.equal(c.services.size, 0);
  assert.equal(ask(c, 'hello.default.svc.cluster.local').rcode, 'NXDOMAIN');
});

test('other API groups\' kinds: a Volcano Job (batch.volcano.sh) is not a batch/v1 Job', () => {
  assert.deepEqual(checkYaml(VOLCANO_JOB, ALL_RULES).map((f) => f.code), []);
  const o = clusterOf(VOLCANO_JOB).objects[0]!;
  assert.equal(o.kind, 'Job.batch.volcano.sh');
});

test('other API groups\' kinds: the model\'s kinds by group and version', () => {
  assert.equal(kindStatus('Service', 'v1'), 'served');
  assert.equal(kindStatus('Service', ''), 'served', 'a fragment without apiVersion is read leniently');
  assert.equal(kindStatus('Service', 'serving.knative.dev/v1'), 'foreign');
  assert.equal(kindStatus('Gateway', 'gateway.networking.k8s.io/v1'), 'foreign');
  assert.equal(kindStatus('EndpointSlice', 'discovery.k8s.io/v1'), 'served');
  assert.equal(kindStatus('EndpointSlice', 'discovery.k8s.io/v1beta1'), 'unserved');
  assert.equal(kindStatus('Deployment', 'extensions/v1beta1'), 'unserved');
  assert.equal(kindStatus('Deployment', 'v1'), 'unserved', 'a core apiVersion on an apps kind is a mistake, not a custom resource');
  assert.equal(kindStatus('CronJob', 'batch/v1beta1'), 'unserved');
  assert.equal(kindStatus('Job', 'batch.volcano.sh/v1alpha1'), 'foreign');
});

test('old API versions: an extensions/v1beta1 Deployment is reported, and still read for DNS', () => {
  const yaml = `apiVersion: extensions/v1beta1
kind: Deployment
metadata:
  name: web
spec:
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: nginx
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  clusterIP: None
  selector: {app: web}
  ports:
  - name: http
    port: 80
`;
  const found = checkYaml(yaml, ALL_RULES).filter((f) => f.code === 'api-version-unserved');
  assert.deepEqual(found.map((f) => f.text), ['extensions/v1beta1']);
  assert.match(found[0]!.message, /removed in Kubernetes 1\.16.*apiVersion: apps\/v1/);
  assert.equal(clusterOf(yaml).objects.find((o) => o.meta.name === 'web' && o.kind === 'Deployment')?.kind, 'Deployment');
});
