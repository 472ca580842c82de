import { BlockList, isIPv4, isIPv6 } from 'node:net';

/**
 * IPv4 ranges that are not the public internet (IANA special-purpose registry): a tenant-configured
 * URL resolving into one of them would let an org admin make this server reach its own network,
 * the cloud metadata service (169.254.169.254) or itself (docs/security.md O20).
 */
const V4_RANGES: Array<[string, number]> = [
  ['0.0.0.0', 8], // "this network"; 0.0.0.0 connects to the local host on Linux
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // CGNAT, often the provider's internal network
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata endpoints
  ['172.16.0.0', 12],
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.88.99.0', 24], // 6to4 relay anycast (deprecated)
  ['192.168.0.0', 16],
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, and the broadcast address
];

const blockedV4 = new BlockList();
for (const [network, prefix] of V4_RANGES) blockedV4.addSubnet(network, prefix, 'ipv4');

// IPv6 is allowed only inside global unicast (2000::/3), which rules out ::1, ::, fc00::/7 (ULA),
// fe80::/10 (link-local), ff00::/8 (multicast) and the rest at once; then the non-public parts of it.
const globalV6 = new BlockList();
globalV6.addSubnet('2000::', 3, 'ipv6');
const blockedV6 = new BlockList();
blockedV6.addSubnet('2001::', 23, 'ipv6'); // IETF protocol assignments, Teredo
blockedV6.addSubnet('2001:db8::', 32, 'ipv6'); // documentation
blockedV6.addSubnet('3fff::', 20, 'ipv6'); // documentation (RFC 9637)

/** The eight 16-bit groups of a valid IPv6 address (a trailing dotted quad becomes two groups). */
function ipv6Groups(address: string): number[] {
  let text = address;
  const quad = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (quad) {
    const [a, b, c, d] = quad.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, quad.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::') as [string, string | undefined];
  const parse = (part: string | undefined) =>
    part === undefined || part === '' ? [] : part.split(':').map((g) => parseInt(g, 16));
  const left = parse(head);
  const right = parse(tail);
  return tail === undefined ? left : [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
}

const v4From = (hi: number, lo: number) => `${hi >> 8}.${hi & 0xff}.${lo >> 8}.${lo & 0xff}`;

/**
 * The IPv4 address an IPv6 one carries and is delivered to: IPv4-mapped (`::ffff:a.b.c.d`), the
 * NAT64 well-known prefix (`64:ff9b::a.b.c.d`) and 6to4 (`2002:AABB:CCDD::`). A check of the IPv6
 * form alone would let `::ffff:127.0.0.1` or `::ffff:a9fe:a9fe` through to loopback and metadata.
 */
function embeddedV4(groups: number[]): string | undefined {
  const [g0, g1, g2, g3, g4, g5, g6, g7] = groups as [number, number, number, number, number, number, number, number];
  if (g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0xffff) return v4From(g6, g7);
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0) return v4From(g6, g7);
  if (g0 === 0x2002) return v4From(g1, g2);
  return undefined;
}

/**
 * Whether this server must not connect to `address` for a tenant-configured URL: loopback, private,
 * link-local, CGNAT, multicast, reserved, IPv6 ULA/link-local, and IPv6 forms embedding any of
 * those. Anything that is not an IP address counts as private (fail closed).
 * @example isPrivateAddress('169.254.169.254') // true
 * @example isPrivateAddress('::ffff:127.0.0.1') // true
 * @example isPrivateAddress('8.8.8.8') // false
 */
export function isPrivateAddress(address: string): boolean {
  const ip = address.replace(/^\[|\]$/g, '').replace(/%.*$/, ''); // URL brackets, IPv6 zone id
  if (isIPv4(ip)) return blockedV4.check(ip, 'ipv4');
  if (!isIPv6(ip)) return true;
  const groups = ipv6Groups(ip.toLowerCase());
  if (groups.length !== 8 || groups.some((g) => !Number.isInteger(g) || g < 0 || g > 0xffff)) return true;
  const v4 = embeddedV4(groups);
  if (v4 !== undefined) return blockedV4.check(v4, 'ipv4');
  // The NAT64 local-use prefix (64:ff9b:1::/48) reaches whatever the operator's translator reaches.
  if (groups[0] === 0x64 && groups[1] === 0xff9b) return true;
  const canonical = groups.map((g) => g.toString(16)).join(':');
  return !globalV6.check(canonical, 'ipv6') || blockedV6.check(canonical, 'ipv6');
}
