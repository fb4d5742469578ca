import { describe, expect, it } from 'vitest';
import { clientNetwork } from './client-network.js';

describe('the client network a throttle counts', () => {
  it('is an IPv4 address itself, also when API Gateway writes it IPv4-mapped', () => {
    expect(clientNetwork('203.0.113.7')).toBe('203.0.113.7');
    expect(clientNetwork('::ffff:203.0.113.7')).toBe('203.0.113.7');
  });

  it('is the /64 of an IPv6 address, however the address is written', () => {
    const network = '2001:db8:aa:0::/64';

    expect(clientNetwork('2001:db8:aa::1')).toBe(network);
    expect(clientNetwork('2001:0DB8:00aa:0000:ffff:1:2:3')).toBe(network);
    expect(clientNetwork('2001:db8:aa:0:9999::')).toBe(network);
    expect(clientNetwork('2001:db8:aa::1%eth0')).toBe(network);
    expect(clientNetwork('2001:db8:aa:0:0:0:192.0.2.1')).toBe(network);
  });

  it('gives addresses in other /64s other networks', () => {
    expect(clientNetwork('2001:db8:aa:1::1')).not.toBe(clientNetwork('2001:db8:aa:2::1'));
    expect(clientNetwork('::1')).toBe('0:0:0:0::/64');
  });

  it('keeps something that is no IPv6 address as it is, so it still has a counter of its own', () => {
    expect(clientNetwork('2001:db8::1::2')).toBe('2001:db8::1::2');
    expect(clientNetwork('1:2:3:4:5:6:7:8:9')).toBe('1:2:3:4:5:6:7:8:9');
    expect(clientNetwork('fe80::zz')).toBe('fe80::zz');
  });
});
