/**
 * Name and address helpers: IP parsing, dashed endpoint names, reverse names, label limits
 * (dns-rules.md §3.5, §3.9, §3.10, §10).
 */
import { isIP } from 'node:net';

/** Whether a value is a placeholder for data known only at run time (`<pod IP>`). */
export function isPlaceholder(value: string): boolean {
  return value.startsWith('<') && value.endsWith('>');
}

/** 4 or 6 for a literal IP address, `undefined` otherwise. */
export function ipFamily(address: string): 4 | 6 | undefined {
  const v = isIP(address);
  return v === 4 ? 4 : v === 6 ? 6 : undefined;
}

/** Expands an IPv6 address to its eight 16-bit groups. */
function ipv6Groups(address: string): number[] | undefined {
  let addr = address.toLowerCase();
  const zone = addr.indexOf('%');
  if (zone >= 0) addr = addr.slice(0, zone);
  // An embedded IPv4 tail becomes two groups.
  const v4 = /(?<!\d)(\d+\.\d+\.\d+\.\d+)$/.exec(addr); // (?<!\d): tried once per digit run, not per digit
  if (v4) {
    const parts = v4[1]!.split('.').map(Number);
    addr = addr.slice(0, v4.index) + ((parts[0]! << 8) | parts[1]!).toString(16) + ':' + ((parts[2]! << 8) | parts[3]!).toString(16);
  }
  const halves = addr.split('::');
  if (halves.length > 2) return undefined;
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const fill = 8 - head.length - tail.length;
  if (halves.length === 1 && fill !== 0) return undefined;
  if (fill < 0) return undefined;
  const groups = [...head, ...Array<string>(halves.length === 2 ? fill : 0).fill('0'), ...tail].map((g) => parseInt(g, 16));
  return groups.length === 8 && groups.every((g) => g >= 0 && g <= 0xffff) ? groups : undefined;
}

/** The RFC 5952 canonical (compressed, lower-case) form of an IPv6 address, as `dig` prints it. */
export function canonicalIPv6(address: string): string {
  const g = ipv6Groups(address);
  if (!g) return address;
  // Find the longest run of two or more zero groups (the first one on a tie).
  let bestStart = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (g[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && g[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = g.map((x) => x.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}`;
}

/** An address as `dig` prints it in A/AAAA data. */
export function presentAddress(address: string): string {
  return ipFamily(address) === 6 ? canonicalIPv6(address) : address;
}

/**
 * The endpoint name CoreDNS derives from an IP (k8s.go `endpointHostname`): dots (IPv4) or colons
 * (IPv6) become dashes; an IPv6 address ending in `::` gets a trailing `0`.
 */
export function dashedIP(address: string): string {
  if (ipFamily(address) === 6) {
    const s = address.replace(/:/g, '-');
    return s.endsWith('-') ? `${s}0` : s;
  }
  return address.replace(/\./g, '-');
}

/**
 * The IP a pod-record label stands for (k8s.go `findPods`): exactly three dashes and no `--`
 * means IPv4, otherwise dashes become colons. `undefined` when it is not a valid IP; IPv4 with
 * leading zeros is rejected, as Go's parser does.
 */
export function ipFromDashed(label: string): string | undefined {
  const dashes = (label.match(/-/g) ?? []).length;
  const ip = dashes === 3 && !label.includes('--') ? label.replace(/-/g, '.') : label.replace(/-/g, ':');
  const fam = ipFamily(ip);
  if (!fam) return undefined;
  if (fam === 4 && ip.split('.').some((p) => p.length > 1 && p.startsWith('0'))) return undefined;
  return ip;
}

/** The reverse-lookup name of an address: `d.c.b.a.in-addr.arpa.` or the 32 nibbles of `ip6.arpa.`. */
export function reverseName(address: string): string | undefined {
  const fam = ipFamily(address);
  if (fam === 4) return `${address.split('.').reverse().join('.')}.in-addr.arpa.`;
  if (fam === 6) {
    const g = ipv6Groups(address);
    if (!g) return undefined;
    const nibbles = g.map((x) => x.toString(16).padStart(4, '0')).join('').split('');
    return `${nibbles.reverse().join('.')}.ip6.arpa.`;
  }
  return undefined;
}

/** The address a reverse name stands for, or `undefined`. */
export function addressFromReverse(name: string): string | undefined {
  const n = name.toLowerCase().replace(/\.$/, '');
  if (n.endsWith('.in-addr.arpa')) {
    const parts = n.slice(0, -'.in-addr.arpa'.length).split('.');
    if (parts.length !== 4) return undefined;
    const ip = parts.reverse().join('.');
    return ipFamily(ip) === 4 ? ip : undefined;
  }
  if (n.endsWith('.ip6.arpa')) {
    const parts = n.slice(0, -'.ip6.arpa'.length).split('.');
    if (parts.length !== 32 || !parts.every((p) => /^[0-9a-f]$/.test(p))) return undefined;
    const hex = parts.reverse().join('');
    const groups: string[] = [];
    for (let i = 0; i < 32; i += 4) groups.push(hex.slice(i, i + 4));
    return canonicalIPv6(groups.join(':'));
  }
  return undefined;
}

/** A DNS label may hold at most 63 octets. */
export const MAX_LABEL_LENGTH = 63;
/** A name may hold at most 253 characters in text form (255 octets on the wire). */
export const MAX_NAME_LENGTH = 253;

/** Makes a name absolute (with the trailing dot). */
export function absolute(name: string): string {
  return name.endsWith('.') ? name : `${name}.`;
}

/** Whether every label of a name fits DNS limits (and the whole name does too). */
export function fitsDnsLimits(name: string): boolean {
  const n = name.replace(/\.$/, '');
  if (n.length > MAX_NAME_LENGTH) return false;
  return n.split('.').every((l) => l.length > 0 && l.length <= MAX_LABEL_LENGTH);
}
