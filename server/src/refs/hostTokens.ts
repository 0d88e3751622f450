/**
 * Finds host names written inside string values of an object: URLs (`http://quote.kiada:80/x`,
 * with userinfo, port, path), `host:port`, and bare host names, in the fields that hold hosts
 * (`hostFields.ts`), leaving out prose. Syntactic: whether a host is a cluster DNS name is decided
 * later, against the cluster (`dnsNames.ts`).
 */
import type { FieldPath, KubeObject } from '../manifests/types';
import { fieldRole, knownKind, NOT_HOST_KEYS, NOT_HOST_MAPS, type FieldRole } from './hostFields';

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
  /**
   * Set in custom resources whose fields we do not know: the string may hold a host, or a name
   * the resource defines or matches; findings on it are at most infos.
   */
  readonly uncertain?: boolean;
}

const LABEL = '[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9])?';
// scheme://userinfo@host:port  |  host:port  |  host — with boundaries so `a.b` inside words is not taken.
const HOST_RE = new RegExp(
  `(?:^|(?<=[\\s"'=,;(\\[{<>|@]))(?:([a-zA-Z][a-zA-Z0-9+.-]*):\\/\\/(?:[^@/\\s]*@)?)?(${LABEL}(?:\\.${LABEL})*\\.?)(?::(\\d{1,5}))?(?=$|[\\s/"',;)\\]}<>?#|])`,
  'g',
);

/** Whether a bare word in this string of a custom resource can be a Service name (env values, args, data…). */
function bareAllowedAt(path: FieldPath): boolean {
  const last = path[path.length - 1];
  const parent = path[path.length - 2];
  if (last === 'value' && typeof path[path.length - 3] === 'number' && path[path.length - 4] === 'env') return true;
  if (typeof last === 'number' && (parent === 'args' || parent === 'command')) return true;
  if (path[0] === 'data' || path[0] === 'stringData') return true;
  return false;
}

/**
 * Whether the token at `start..end` of `value` sits in a sentence rather than in configuration:
 * a plain word and a space before it, and after it another word on the same line or a sentence's
 * end (`… served by quote.kiada for …`, `… runs in db.other.`). Configuration puts a key, `=`, `:`,
 * a flag or a quote before a host (`host = db.ns`, `--host db.ns`), or ends the line with it
 * (`host db.ns`), or follows it with a number (`monitor primary redis.ns 6379`).
 */
function inProse(value: string, start: number, end: number): boolean {
  if (!/(?:^|\s)[A-Za-z]+ $/.test(value.slice(Math.max(0, start - 40), start))) return false;
  const after = value.slice(end, end + 3);
  return /^,?[ \t]+[A-Za-z]/.test(after) || /^[.!?](?:\s|$)/.test(after);
}

function scan(value: string, path: FieldPath, role: FieldRole, out: HostToken[], uncertain: boolean): void {
  if (value.length > 100_000) return; // blobs (certificates, scripts) are not worth scanning
  const bareAllowed = role === 'host';
  const spaced = /\s/.test(value);
  HOST_RE.lastIndex = 0;
  for (let m = HOST_RE.exec(value); m; m = HOST_RE.exec(value)) {
    let host = m[2]!;
    const scheme = m[1];
    const port = m[3] !== undefined ? Number(m[3]) : undefined;
    const index = m.index + m[0].indexOf(host, scheme ? scheme.length + 3 : 0);
    // In text with spaces, a dot that ends the token followed by a space or the end closes a
    // sentence ("… by default."); it is not the root label of an absolute name.
    if (spaced && port === undefined && host.endsWith('.') && /^(?:\s|$)/.test(value.slice(index + host.length, index + host.length + 1))) {
      host = host.slice(0, -1);
    }
    // A bare word (no dot, no scheme, no port) counts only as the whole value of a string a
    // program reads as a host (`QUOTE_HOST: quote`), never inside prose.
    if (!host.includes('.') && !scheme && port === undefined && (!bareAllowed || value.trim() !== host)) continue;
    if (/^\d+(\.\d+)*\.?$/.test(host)) continue; // numbers and IP addresses
    // A dotted word in a sentence is prose unless it is plainly a cluster name (`.svc`) or a URL.
    if (!scheme && port === undefined && spaced && !/\.svc(\.|$)/i.test(host) && inProse(value, index, index + host.length)) continue;
    out.push({
      path,
      host,
      index,
      ...(port !== undefined && port <= 65535 ? { port } : {}),
      ...(scheme ? { scheme: scheme.toLowerCase() } : {}),
      bareAllowed,
      ...(uncertain ? { uncertain } : {}),
    });
  }
}

/** Walks a value: in known kinds `fieldRole` says which strings hold hosts; in others, any may. */
function walk(o: KubeObject, known: boolean, v: unknown, path: (string | number)[], out: HostToken[]): void {
  if (typeof v === 'string') {
    const role = known ? fieldRole(o.kind, path) : bareAllowedAt(path) ? 'host' : 'text';
    if (role !== 'none') scan(v, path, role, out, !known);
  } else if (Array.isArray(v)) {
    v.forEach((x, i) => walk(o, known, x, [...path, i], out));
  } else if (v && typeof v === 'object') {
    const inData = path[0] === 'data' || path[0] === 'stringData' || path[1] === 'annotations';
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      // Keys of data and annotations are the user's own: only in objects do they mean fields.
      if (!inData && NOT_HOST_MAPS.has(k)) continue;
      if (typeof x === 'string' && !inData && NOT_HOST_KEYS.has(k)) continue;
      walk(o, known, x, [...path, k], out);
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
    const known = knownKind(o.apiVersion, o.kind);
    for (const [k, v] of Object.entries(raw)) {
      if (k === 'apiVersion' || k === 'kind' || k === 'status') continue;
      if (k === 'metadata') {
        const ann = (v as Record<string, unknown> | null)?.['annotations'];
        if (ann && typeof ann === 'object') {
          for (const [key, value] of Object.entries(ann as Record<string, unknown>)) {
            // kubectl's copy of the whole object would repeat every name in it.
            if (!key.endsWith('last-applied-configuration')) walk(o, known, value, ['metadata', 'annotations', key], out);
          }
        }
        continue;
      }
      // A Service's own spec names itself; its externalName has a rule of its own.
      if (o.kind === 'Service' && k === 'spec') continue;
      walk(o, known, v, [k], out);
    }
    t = out;
    cache.set(o, t);
  }
  return t;
}
