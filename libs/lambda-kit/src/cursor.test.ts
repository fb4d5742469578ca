import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './cursor.js';

const attributes = ['PK', 'SK', 'GSI2PK', 'GSI2SK'];

describe('page cursors', () => {
  it('decode to the key they were made from, for any key values', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), fc.integer(), (pk, sk, gsiPk, gsiSk) => {
        const key = { PK: pk, SK: sk, GSI2PK: gsiPk, GSI2SK: gsiSk };
        expect(decodeCursor(encodeCursor(key, 'all'), 'all', attributes)).toEqual(key);
      }),
    );
  });

  it('are refused (400) when issued for another query', () => {
    const cursor = encodeCursor({ PK: 'a', SK: 'b', GSI2PK: 'c', GSI2SK: 'd' }, 'category=kitchen');

    expect(() => decodeCursor(cursor, 'category=garden', attributes)).toThrowError(expect.objectContaining({ status: 400, problemType: 'invalid-cursor' }));
  });

  it.each([['garbage!'], ['e30'], [Buffer.from('{"k":{"PK":"a"},"s":"all"}').toString('base64url')], [Buffer.from('{"k":{"PK":{"S":"x"},"SK":"b","GSI2PK":"c","GSI2SK":"d"},"s":"all"}').toString('base64url')]])(
    'are refused (400) when forged: %s',
    (cursor) => {
      expect(() => decodeCursor(cursor, 'all', attributes)).toThrowError(expect.objectContaining({ status: 400 }));
    },
  );
});
