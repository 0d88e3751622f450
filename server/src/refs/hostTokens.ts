/**
 * Finds host names written inside string values of an object: URLs (`http://quote.kiada:80/x`,
 * with userinfo, port, path), `host:port`, and bare host names. Purely syntactic: whether a host
 * is a cluster DNS name is decided later, against the cluster (`dnsNames.ts`).
 */
import type { FieldPath, KubeObject } from '../manifests/types';

export interface HostToken {
  /** Path of the string value inside the object. */
  readonly path: FieldPath;
  /** The host as written (case and trailing dot kept). */
  readonly host: string;
  /** Index of the host within the string value. */
  readonly index: number;
  readonly port?: number;
  readonly scheme?: string;
  /** Whether the string is one where a bare word may name a Service (env values, args, data…). */
  readonly bareAllowed: boolean;
}

const LABEL = '[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9])?';
// scheme://userinfo@host:port  |  host:port  |  host — with boundaries so `a.b` inside words is not taken.
const HOST_RE = new RegExp(
  `(?:^|(?<=[\\s"'=,;(\\[{<>|@]))(?:([a-zA-Z][a-zA-Z0-9+.-]*):\\/\\/(?:[^@/\\s]*@)?)?(${LABEL}(?:\\.${LABEL})*\\.?)(?::(\\d{1,5}))?(?=$|[\\s/"',;)\\]}<>?#|])`,
  'g',
);

/** Keys whose string values never hold DNS names (identities, images, selectors). */
const SKIP_KEYS = new Set(['apiVersion', 'kind', 'image', 'imagePullPolicy', 'name', 'namespace', 'uid', 'resourceVersion', 'generateName', 'mountPath', 'path', 'key', 'operator', 'effect']);
/** Maps whose values are labels or selectors, not names. */
const SKIP_MAPS = new Set(['labels', 'matchLabels', 'selector', 'nodeSelector', 'resources', 'limits', 'requests']);

/** Whether a bare word in this string can be a Service name (values a program reads as a host). */
function bareAllowedAt(path: FieldPath): boolean {
  const last = path[path.length - 1];
  const parent = path[path.length - 2];
  if (last === 'value' && typeof path[path.length - 3] === 'number' && path[path.length - 4] === 'env') return true;
  if (typeof last === 'number' && (parent === 'args' || parent === 'command')) return true;
  if (path[0] === 'data' || path[0] === 'stringData') return true;
  return false;
}

function scan(value: string, path: FieldPath, out: HostToken[]): void {
  if (value.length > 100_000) return; // blobs (certificates, scripts) are not worth scanning
  const bareAllowed = bareAllowedAt(path);
  HOST_RE.lastIndex = 0;
  for (let m = HOST_RE.exec(value); m; m = HOST_RE.exec(value)) {
    const host = m[2]!;
    const scheme = m[1];
    const port = m[3] !== undefined ? Number(m[3]) : undefined;
    // A bare word (no dot, no scheme, no port) only where a program would read a host name.
    // A bare word (no dot, no scheme, no port) counts only as the whole value of a string a
    // program reads as a host (`QUOTE_HOST: quote`), never inside prose.
    if (!host.includes('.') && !scheme && port === undefined && (!bareAllowed || value.trim() !== host)) continue;
    if (/^\d+(\.\d+)*\.?$/.test(host)) continue; // numbers and IP addresses
    const index = m.index + m[0].indexOf(host, scheme ? scheme.length + 3 : 0);
    out.push({ path, host, index, ...(port !== undefined && port <= 65535 ? { port } : {}), ...(scheme ? { scheme: scheme.toLowerCase() } : {}), bareAllowed });
  }
}

function walk(v: unknown, path: (string | number)[], out: HostToken[]): void {
  if (typeof v === 'string') {
    scan(v, path, out);
  } else if (Array.isArray(v)) {
    v.forEach((x, i) => walk(x, [...path, i], out));
  } else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      if (SKIP_MAPS.has(k) && path[path.length - 1] !== 'data') continue;
      if (typeof x === 'string' && SKIP_KEYS.has(k) && path[0] !== 'data' && path[0] !== 'stringData') continue;
      walk(x, [...path, k], out);
    }
  }
}

const cache = new WeakMap<KubeObject, readonly HostToken[]>();

/** Every host token in an object's string values (cached per object). */
export function hostTokens(o: KubeObject): readonly HostToken[] {
  let t = cache.get(o);
  if (!t) {
    const out: HostToken[] = [];
    const raw = o.raw;
    for (const [k, v] of Object.entries(raw)) {
      if (k === 'apiVersion' || k === 'kind' || k === 'status') continue;
      if (k === 'metadata') {
        const ann = (v as Record<string, unknown> | null)?.['annotations'];
        if (ann && typeof ann === 'object') {
          for (const [key, value] of Object.entries(ann as Record<string, unknown>)) {
            // kubectl's copy of the whole object would repeat every name in it.
            if (!key.endsWith('last-applied-configuration')) walk(value, ['metadata', 'annotations', key], out);
          }
        }
        continue;
      }
      // A Service's own spec names itself; its externalName has a rule of its own.
      if (o.kind === 'Service' && k === 'spec') continue;
      walk(v, [k], out);
    }
    t = out;
    cache.set(o, t);
  }
  return t;
}
