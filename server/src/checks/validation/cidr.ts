/**
 * CIDR values as the API server reads them (`netutils.ParseCIDRSloppy`, Go's pre-1.17 ParseCIDR)
 * and the warnings it gives for accepted but non-standard values (GetWarningsForCIDR, W10).
 */
import { dtoi, goIPText, ipv6Text, isV4Bytes, parseIPSloppy } from './ip';

/** IsValidCIDR's message. */
export const INVALID_CIDR_MESSAGE = 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)';

/** A CIDR as ParseCIDRSloppy reads it. */
export interface ParsedCIDR {
  /** The address as written (16 bytes). */
  readonly ip: readonly number[];
  /** The address with the host bits cleared. */
  readonly network: readonly number[];
  readonly bits: number;
  /** 32 for an IPv4 CIDR, 128 for IPv6 (IPv4-mapped included). */
  readonly addrBits: number;
  /** Whether Go's strict `netip.ParsePrefix` accepts it (no leading zeros anywhere, not IPv4-mapped). */
  readonly strict: boolean;
}

/** Parses as ParseCIDRSloppy; `undefined` when the API server rejects the value. */
export function parseCIDRSloppy(value: string): ParsedCIDR | undefined {
  const slash = value.indexOf('/');
  if (slash < 0) return undefined;
  const addr = value.slice(0, slash);
  const mask = value.slice(slash + 1);
  const p = parseIPSloppy(addr);
  // Go tries IPv4 on the whole address first, so `a.b.c.d` is IPv4 and anything with ':' is IPv6.
  if (!p) return undefined;
  const addrBits = p.dotted ? 32 : 128;
  const m = dtoi(mask, 0);
  if (!m || m.end !== mask.length || m.n > addrBits) return undefined;
  const bits = m.n;
  const offset = p.dotted ? 12 : 0;
  const network = p.bytes.map((byte, i) => {
    if (i < offset) return byte;
    const bit = (i - offset) * 8;
    if (bit + 8 <= bits) return byte;
    if (bit >= bits) return 0;
    return byte & (0xff << (8 - (bits - bit))) & 0xff;
  });
  const leadingZeroMask = mask.length > 1 && mask.startsWith('0');
  const mapped = !p.dotted && isV4Bytes(p.bytes);
  return { ip: p.bytes, network, bits, addrBits, strict: p.strict && !leadingZeroMask && !mapped };
}

/** Go's `IPNet.String()`: an IPv4 network (mapped ones too) prints as IPv4 with an IPv4 length. */
export function cidrText(c: ParsedCIDR): string {
  if (isV4Bytes(c.network)) return `${goIPText(c.network)}/${c.addrBits === 32 ? c.bits : Math.max(0, c.bits - 96)}`;
  return `${ipv6Text(c.network)}/${c.bits}`;
}

/** IsValidCIDR's messages (none when valid). */
export function cidrErrors(value: string): string[] {
  return parseCIDRSloppy(value) ? [] : [INVALID_CIDR_MESSAGE];
}

/** GetWarningsForCIDR: host bits set, non-standard form, IPv6 not canonical (the last only alone). */
export function cidrWarnings(field: string, value: string): string[] {
  const c = parseCIDRSloppy(value);
  if (!c) return [];
  const q = JSON.stringify;
  const out: string[] = [];
  if (c.ip.some((b, i) => b !== c.network[i])) {
    const single = `${goIPText(c.ip)}/${c.addrBits}`;
    out.push(`${field}: CIDR value ${q(value)} is ambiguous in this context (should be ${q(cidrText(c))} or ${q(single)}?)`);
  }
  if (!c.strict) {
    out.push(
      `${field}: non-standard CIDR value ${q(value)} will be considered invalid in a future Kubernetes release: use ${q(cidrText(c))}`,
    );
  }
  if (out.length === 0 && c.addrBits === 128) {
    const canonical = `${ipv6Text(c.ip)}/${c.bits}`;
    if (canonical !== value) out.push(`${field}: IPv6 CIDR value ${q(value)} should be in RFC 5952 canonical format (${q(canonical)})`);
  }
  return out;
}
