/**
 * The network a client's address stands for, as throttles count it: an IPv4 address
 * itself, an IPv6 address's /64. One subscriber line or host gets a whole /64, so
 * counting single IPv6 addresses would hand an attacker 2^64 fresh counters.
 */
export function clientNetwork(sourceIp: string): string {
  const address = sourceIp.trim().toLowerCase().replace(/%.*$/, '');
  const mappedIpv4 = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(address);
  if (mappedIpv4?.[1]) return mappedIpv4[1];
  if (!address.includes(':')) return address;
  const groups = ipv6Groups(address);
  if (!groups) return address;
  return `${groups.slice(0, 4).join(':')}::/64`;
}

/** The eight 16-bit groups of an IPv6 address in their shortest hex form, or undefined when it is none. */
function ipv6Groups(address: string): string[] | undefined {
  const halves = address.split('::');
  if (halves.length > 2) return undefined;
  const parts = (half: string | undefined) => (half ? half.split(':').flatMap(embeddedIpv4AsGroups) : []);
  const head = parts(halves[0]);
  const tail = parts(halves[1]);
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const groups = [...head, ...Array.from({ length: halves.length === 2 ? missing : 0 }, () => '0'), ...tail];
  if (!groups.every((group) => /^[0-9a-f]{1,4}$/.test(group))) return undefined;
  return groups.map((group) => parseInt(group, 16).toString(16));
}

/** A dotted IPv4 tail (`::ffff:1.2.3.4`, `64:ff9b::1.2.3.4`) is the last two groups. */
function embeddedIpv4AsGroups(part: string): string[] {
  if (!part.includes('.')) return [part];
  const octets = part.split('.').map(Number);
  if (octets.length !== 4 || !octets.every((octet) => Number.isInteger(octet) && octet >= 0 && octet <= 255)) return ['invalid'];
  const [a = 0, b = 0, c = 0, d = 0] = octets;
  return [((a << 8) | b).toString(16), ((c << 8) | d).toString(16)];
}
