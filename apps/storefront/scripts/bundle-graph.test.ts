import { describe, expect, it } from 'vitest';
import { shopperBundle } from './bundle-graph.js';

describe('shopperBundle', () => {
  it('counts the entry and its static imports, and leaves dynamically imported chunks apart', () => {
    const manifest = {
      'index.html': { file: 'assets/index.js', isEntry: true, imports: ['_vendor.js'], dynamicImports: ['src/admin/admin-area.tsx'] },
      '_vendor.js': { file: 'assets/vendor.js', imports: ['index.html'] },
      'src/admin/admin-area.tsx': { file: 'assets/admin-area.js', imports: ['_vendor.js', '_charts.js'] },
      '_charts.js': { file: 'assets/charts.js' },
      'style.css': { file: 'assets/index.css' },
    };

    expect(shopperBundle(manifest)).toEqual({ shopper: ['assets/index.js', 'assets/vendor.js'], lazy: ['assets/admin-area.js', 'assets/charts.js'] });
  });
});
