/**
 * Hover texts for single fields: a port, `clusterIP: None`, `externalName`, `type`, a
 * StatefulSet's `serviceName`, a Pod's `hostname` / `subdomain`. Pure: no LSP.
 */
import { isServed, serviceKey, type Cluster, type ServiceEntry } from '../dns/cluster';
import { ipFamily } from '../dns/names';
import { query } from '../dns/query';
import type { PodTemplate, ServicePort, StatefulSet } from '../manifests/types';
import { code, joinSections, recordBlock } from './markdown';
import { fqdn } from './service';

/** A port's SRV name and record, or why it has none. */
export function portHover(cluster: Cluster, entry: ServiceEntry, port: ServicePort): string {
  const name = fqdn(entry.service, cluster.config.zone);
  const proto = port.protocol.toLowerCase();
  if (entry.externalName) {
    return `Ports of an ExternalName Service are informational only: DNS serves no SRV record for them and nothing proxies them.`;
  }
  if (!port.name) {
    const bare = query(cluster, name, 'SRV');
    return joinSections(
      `**No per-port SRV record**: the port has no name, and SRV names are built from it (${code(`_<port-name>._${proto}.${name}`)}).`,
      `Add ${code('name: http')} (any lower-case DNS label) to get ${code(`_http._${proto}.${name}`)}.`,
      bare.answer.length ? `CoreDNS still lists the port in the SRV record of the Service's own name:\n\n${recordBlock(bare.answer)}` : undefined,
    );
  }
  const srvName = `_${port.name}._${proto}.${name}`;
  const a = query(cluster, srvName, 'SRV');
  const target = entry.headless ? 'each ready endpoint, with the port number from the EndpointSlice (the resolved targetPort)' : `the Service name, with the Service port ${port.port} (never the targetPort)`;
  return joinSections(
    `**SRV** ${code(srvName)}`,
    `Points at ${target}.`,
    a.answer.length ? recordBlock([...a.answer, ...a.additional]) : `No record now: ${a.notes[0] ?? 'CoreDNS answers NXDOMAIN.'}`,
  );
}

/** `clusterIP: None`: what DNS returns instead of a cluster IP. */
export function headlessHover(cluster: Cluster, entry: ServiceEntry): string {
  const name = fqdn(entry.service, cluster.config.zone);
  const a = [...query(cluster, name, 'A').answer, ...query(cluster, name, 'AAAA').answer];
  const served = entry.slices.reduce((n, s) => n + s.endpoints.filter(isServed).length, 0);
  const notReady = entry.slices.reduce((n, s) => n + s.endpoints.filter((e) => !isServed(e)).length, 0);
  const sources = [...new Set(entry.slices.map((s) => `${s.object.kind} ${s.object.meta.name}`))];
  return joinSections(
    '**Headless Service**: no cluster IP. DNS answers the Service name with one A/AAAA record per ready endpoint, and each endpoint gets its own name.',
    a.length ? recordBlock(a) : `No ready endpoint is known in the workspace: CoreDNS answers **NXDOMAIN** until one is ready.`,
    sources.length ? `Endpoints from: ${sources.map(code).join(', ')} — ${served} served${notReady ? `, ${notReady} not ready (not served)` : ''}.` : undefined,
    !entry.service.spec.selector && sources.length === 0 ? 'This Service has no selector: write an EndpointSlice (label `kubernetes.io/service-name`) or an Endpoints object for it.' : undefined,
    'Pod IPs and readiness are known only at run time; values in angle brackets stand for them.',
  );
}

/** `externalName`: the CNAME and its caveats (dns-rules.md §3.8). */
export function externalNameHover(cluster: Cluster, entry: ServiceEntry): string {
  const target = entry.service.spec.externalName ?? '';
  const name = fqdn(entry.service, cluster.config.zone);
  if (ipFamily(target.replace(/\.$/, ''))) {
    return joinSections(
      `**${code(target)} is an IP address**: the API server accepts it, but CoreDNS serves no record for it — ${code(name)} is **NXDOMAIN**.`,
      'Use a Service without a selector plus an EndpointSlice holding that address instead.',
    );
  }
  const a = query(cluster, name, 'CNAME');
  return joinSections(
    `**CNAME** to ${code(target.endsWith('.') ? target : `${target}.`)}`,
    recordBlock(a.answer),
    '- The client resolves the target itself; clients connect to it directly (no cluster IP, no kube-proxy).\n- HTTP `Host` headers and TLS server names still carry the Service name, so the external server may reject them.\n- `ports` of an ExternalName Service are not used by DNS.',
  );
}

/** `type: LoadBalancer` / `NodePort`: DNS still returns only the cluster IP (§3.3). */
export function typeHover(entry: ServiceEntry): string | undefined {
  const t = entry.service.spec.type;
  if (t !== 'LoadBalancer' && t !== 'NodePort') return undefined;
  return joinSections(
    `**${t}**: inside the cluster, DNS still returns only the cluster IP (${entry.clusterIPs.map(code).join(', ')}).`,
    t === 'LoadBalancer'
      ? "The load balancer's address is never in the cluster zone; only CoreDNS's separate `k8s_external` plugin can serve it, under its own zone."
      : 'Node ports never appear in DNS.',
  );
}

/** The stable pod names a StatefulSet gets from its governing Service (§1.3). */
export function statefulSetHover(cluster: Cluster, sts: StatefulSet): string {
  const zone = cluster.config.zone;
  const ns = sts.meta.namespace;
  const svcName = sts.serviceName;
  if (!svcName) return 'No `serviceName`: the pods get no stable DNS names.';
  const entry = cluster.services.get(serviceKey(ns, svcName));
  const names = Array.from({ length: Math.min(sts.replicas, 50) }, (_, i) => `${sts.meta.name}-${sts.ordinalStart + i}.${svcName}.${ns}.svc.${zone}.`);
  if (!entry) return `No Service ${code(svcName)} in namespace ${code(ns)} is in the workspace: without it the pods get no stable DNS names.`;
  if (!entry.headless) {
    return `${code(svcName)} is not headless: CoreDNS still answers pod names through it, but the usual governing Service is headless (\`clusterIP: None\`) so clients get pod addresses, not one cluster IP.\n\n${names.map((n) => `- ${code(n)}`).join('\n')}`;
  }
  const answers = names.map((n) => query(cluster, n, 'A'));
  const served = answers.filter((a) => a.answer.length > 0).length;
  return joinSections(
    `**Stable pod names** through the headless Service ${code(svcName)} (each name exists while its pod is ready):`,
    names.map((n) => `- ${code(n)}`).join('\n') + (sts.replicas > 50 ? `\n- … ${sts.replicas - 50} more` : ''),
    served < names.length ? `${names.length - served} of them are not served: the Service's selector must select the pods.` : undefined,
  );
}

/** A pod's `hostname` + `subdomain` name (§1.3). */
export function podNameHover(cluster: Cluster, template: PodTemplate, namespace: string): string {
  const zone = cluster.config.zone;
  if (!template.hostname || !template.subdomain) {
    return template.subdomain
      ? `A \`subdomain\` without \`hostname\`: the pod gets no name of its own under ${code(`${template.subdomain}.${namespace}.svc.${zone}`)}; set both.`
      : 'With `hostname` and `subdomain` (naming a headless Service that selects this pod) the pod gets the DNS name `<hostname>.<subdomain>.<namespace>.svc.<zone>`.';
  }
  const name = `${template.hostname}.${template.subdomain}.${namespace}.svc.${zone}.`;
  const entry = cluster.services.get(serviceKey(namespace, template.subdomain));
  const a = query(cluster, name, 'A');
  return joinSections(
    `**${code(name)}**`,
    !entry ? `No Service ${code(template.subdomain)} in ${code(namespace)} is in the workspace: the name does not exist without it.` : a.answer.length ? recordBlock(a.answer) : 'Not served now: the Service must select this pod, and the pod must be ready.',
  );
}
