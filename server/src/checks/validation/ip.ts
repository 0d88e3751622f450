/**
 * IP addresses as the API server reads them (service-validation.md §4): the "sloppy" parser (Go's
 * pre-1.17 `net.ParseIP`, kept in Kubernetes as `netutils.ParseIPSloppy`) accepts IPv4 octets with
 * leading zeros and IPv4-mapped IPv6. Node's `net.isIP` differs (zones, leading zeros), hence a
 * parser of our own. What the API server says about the addresses is in ipChecks.ts.
 */

/** A parsed address: always 16 bytes (IPv4 as `::ffff:a.b.c.d`, like Go's `net.IP`). */
export interface ParsedIP {
  readonly bytes: readonly number[];
  /** Written as dotted IPv4 (not as IPv6). */
  readonly dotted: boolean;
  /** Whether Go's strict `netip.ParseAddr` accepts it too (no leading zeros, groups ≤ 4 digits). */
  readonly strict: boolean;
}

const BIG = 0xffffff;

/** Decimal digits from `i`: value and end, as Go's `dtoi`. */
export function dtoi(s: string, i: number): { n: number; end: number } | undefined {
  let n = 0;
  let j = i;
  for (; j < s.length && s[j]! >= '0' && s[j]! <= '9'; j++) {
    n = n * 10 + (s.charCodeAt(j) - 48);
    if (n >= BIG) return undefined;
  }
  return j === i ? undefined : { n, end: j };
}

function xtoi(s: string, i: number): { n: number; end: number } | undefined {
  let n = 0;
  let j = i;
  for (; j < s.length && /[0-9a-fA-F]/.test(s[j]!); j++) {
    n = n * 16 + parseInt(s[j]!, 16);
    if (n >= BIG) return undefined;
  }
  return j === i ? undefined : { n, end: j };
}

/** Four decimal octets; `strict` is false when one has a leading zero. */
function parseV4(s: string): { octets: number[]; strict: boolean } | undefined {
  const octets: number[] = [];
  let strict = true;
  let i = 0;
  for (let k = 0; k < 4; k++) {
    if (i >= s.length) return undefined;
    if (k > 0) {
      if (s[i] !== '.') return undefined;
      i++;
    }
    const d = dtoi(s, i);
    if (!d || d.n > 0xff) return undefined;
    if (d.end - i > 1 && s[i] === '0') strict = false;
    octets.push(d.n);
    i = d.end;
  }
  return i === s.length ? { octets, strict } : undefined;
}

/** Go 1.16's parseIPv6 (no zone), step by step. */
function parseV6(input: string): { bytes: number[]; strict: boolean } | undefined {
  const ip = new Array<number>(16).fill(0);
  let s = input;
  let strict = true;
  let ellipsis = -1;
  if (s.startsWith('::')) {
    ellipsis = 0;
    s = s.slice(2);
    if (s.length === 0) return { bytes: ip, strict };
  }
  let i = 0;
  while (i < 16) {
    const x = xtoi(s, 0);
    if (!x || x.n > 0xffff) return undefined;
    if (x.end < s.length && s[x.end] === '.') {
      // A trailing dotted IPv4 fills the last four bytes.
      if ((ellipsis < 0 && i !== 12) || i + 4 > 16) return undefined;
      const v4 = parseV4(s);
      if (!v4) return undefined;
      if (!v4.strict) strict = false;
      v4.octets.forEach((o, k) => (ip[i + k] = o));
      s = '';
      i += 4;
      break;
    }
    if (x.end > 4) strict = false;
    ip[i] = x.n >> 8;
    ip[i + 1] = x.n & 0xff;
    i += 2;
    s = s.slice(x.end);
    if (s.length === 0) break;
    if (s[0] !== ':' || s.length === 1) return undefined;
    s = s.slice(1);
    if (s[0] === ':') {
      if (ellipsis >= 0) return undefined;
      ellipsis = i;
      s = s.slice(1);
      if (s.length === 0) break;
    }
  }
  if (s.length !== 0) return undefined;
  if (i < 16) {
    if (ellipsis < 0) return undefined;
    const n = 16 - i;
    for (let j = i - 1; j >= ellipsis; j--) ip[j + n] = ip[j]!;
    for (let j = ellipsis + n - 1; j >= ellipsis; j--) ip[j] = 0;
  } else if (ellipsis >= 0) {
    return undefined;
  }
  return { bytes: ip, strict };
}

const V4_PREFIX = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff];

/** Parses as `netutils.ParseIPSloppy`; `undefined` when the API server rejects the address. */
export function parseIPSloppy(s: string): ParsedIP | undefined {
  for (const ch of s) {
    if (ch === '.') {
      const v4 = parseV4(s);
      return v4 && { bytes: [...V4_PREFIX, ...v4.octets], dotted: true, strict: v4.strict };
    }
    if (ch === ':') {
      const v6 = parseV6(s);
      return v6 && { bytes: v6.bytes, dotted: false, strict: v6.strict };
    }
  }
  return undefined;
}

/** Whether the 16 bytes hold an IPv4 address (Go `To4() != nil`): IPv4-mapped IPv6 counts. */
export function isV4Bytes(b: readonly number[]): boolean {
  return V4_PREFIX.every((x, i) => b[i] === x);
}

/** 4 or 6 as Kubernetes counts families (`netutils.IsIPv6String`), `undefined` if not an IP. */
export function ipFamilyOf(s: string): 4 | 6 | undefined {
  const p = parseIPSloppy(s);
  return p ? (isV4Bytes(p.bytes) ? 4 : 6) : undefined;
}

/** RFC 5952 text of 16 bytes as IPv6 (lower case, longest zero run of 2+ groups as `::`). */
export function ipv6Text(b: readonly number[]): string {
  const g = Array.from({ length: 8 }, (_, i) => (b[2 * i]! << 8) | b[2 * i + 1]!);
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8;) {
    let j = i;
    while (j < 8 && g[j] === 0) j++;
    if (j - i > bestLen) [best, bestLen] = [i, j - i];
    i = j > i ? j : i + 1;
  }
  const hex = g.map((x) => x.toString(16));
  if (best < 0) return hex.join(':');
  return `${hex.slice(0, best).join(':')}::${hex.slice(best + bestLen).join(':')}`;
}

/** Go's `net.IP.String()`: dotted for IPv4 (and IPv4-mapped), RFC 5952 otherwise. */
export function goIPText(b: readonly number[]): string {
  return isV4Bytes(b) ? b.slice(12).join('.') : ipv6Text(b);
}
