import { describe, expect, it } from 'vitest';
import { parseStartOptions } from './options.js';

describe('npm start options', () => {
  it('default to port 3000 and an in-memory store', () => {
    // Act
    const options = parseStartOptions([], {});

    // Assess
    expect(options).toEqual({ port: 3000, persist: false });
  });

  it('take the port from PORT', () => {
    // Act
    const options = parseStartOptions([], { PORT: '4100' });

    // Assess
    expect(options.port).toBe(4100);
  });

  it('persist with --persist or SHOPLANE_PERSIST=1', () => {
    // Act
    const byFlag = parseStartOptions(['--persist'], {});
    const byVariable = parseStartOptions([], { SHOPLANE_PERSIST: '1' });

    // Assess
    expect([byFlag.persist, byVariable.persist]).toEqual([true, true]);
  });

  it('keep persisted data where SHOPLANE_DATA_DIR says', () => {
    // Act
    const options = parseStartOptions(['--persist'], { SHOPLANE_DATA_DIR: '/tmp/shop-data' });

    // Assess
    expect(options).toEqual({ port: 3000, persist: true, dataDirectory: '/tmp/shop-data' });
  });

  it('refuse an unknown argument with the usage', () => {
    // Act
    const parsing = () => parseStartOptions(['--presist'], {});

    // Assess
    expect(parsing).toThrow('Unknown argument(s): --presist. Usage: npm start [-- --persist]');
  });

  it('refuse a PORT that is not a port number', () => {
    // Act
    const parsing = () => parseStartOptions([], { PORT: 'http' });

    // Assess
    expect(parsing).toThrow('PORT must be a TCP port number, got "http".');
  });
});
