/**
 * What the API server says about IP addresses it reads with the sloppy parser (ip.ts):
 * IsValidIP's message, ValidateNonSpecialIP's refusals, and GetWarningsForIP's warnings.
 */
import { goIPText, ipv6Text, isV4Bytes, parseIPSloppy, type ParsedIP } from './ip';

/** IsValidIP's message. */
export const INVALID_IP_MESSAGE = 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)';

/** ValidateNonSpecialIP: unspecified, loopback, link-local and link-local multicast are refused. */
export function specialIPErrors(value: string, p: ParsedIP): string[] {
  const b = p.bytes;
  const v4 = isV4Bytes(b);
  const errs: string[] = [];
  if (b.every((x, i) => x === 0 || (v4 && i < 12))) errs.push(`may not be unspecified (${value})`);
  if (v4 ? b[12] === 127 : b.slice(0, 15).every((x) => x === 0) && b[15] === 1) {
    errs.push('may not be in the loopback range (127.0.0.0/8, ::1/128)');
  }
  if (v4 ? b[12] === 169 && b[13] === 254 : b[0] === 0xfe && (b[1]! & 0xc0) === 0x80) {
    errs.push('may not be in the link-local range (169.254.0.0/16, fe80::/10)');
  }
  if (v4 ? b[12] === 224 && b[13] === 0 && b[14] === 0 : b[0] === 0xff && (b[1]! & 0x0f) === 0x02) {
    errs.push('may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)');
  }
  return errs;
}

/**
 * GetWarningsForIP for an address the API accepted: leading zeros or IPv4-mapped IPv6 ("non-standard"),
 * else IPv6 not in canonical form. `field` is the path printed before the text.
 */
export function ipWarning(field: string, value: string): string | undefined {
  const p = parseIPSloppy(value);
  if (!p) return undefined;
  if (!p.strict || (!p.dotted && isV4Bytes(p.bytes))) {
    return `${field}: non-standard IP address ${JSON.stringify(value)} will be considered invalid in a future Kubernetes release: use ${JSON.stringify(goIPText(p.bytes))}`;
  }
  if (!p.dotted && ipv6Text(p.bytes) !== value) {
    return `${field}: IPv6 address ${JSON.stringify(value)} should be in RFC 5952 canonical format (${JSON.stringify(ipv6Text(p.bytes))})`;
  }
  return undefined;
}
