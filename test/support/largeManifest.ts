/** A large manifest for the tests of the parallel parse: many small valid Services. */

/** One Service with a named port, in one of seven namespaces. */
export function numberedService(i: number): string {
  return `apiVersion: v1\nkind: Service\nmetadata:\n  name: svc-${i}\n  namespace: ns-${i % 7}\n  labels:\n    app: svc-${i}\n    tier: backend\nspec:\n  selector:\n    app: svc-${i}\n  ports:\n  - name: http\n    port: 80\n    targetPort: 8080\n`;
}

/** `count` Services as YAML documents (6,000 make about 1.5 MB: past the worker's threshold). */
export function numberedServices(count: number): string[] {
  return Array.from({ length: count }, (_, i) => numberedService(i));
}
