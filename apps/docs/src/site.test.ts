import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const page = readFileSync(new URL('../site/index.html', import.meta.url), 'utf8');

function scalarConfiguration(): Record<string, unknown> {
  const attribute = /data-configuration='([^']*)'/.exec(page)?.[1];
  if (!attribute) throw new Error('index.html has no data-configuration attribute');
  return JSON.parse(attribute) as Record<string, unknown>;
}

describe('the API reference page', () => {
  it('loads Scalar and the spec by relative URLs, so it works at /docs/ locally and at / behind CloudFront', () => {
    expect(page).toContain('<script src="./standalone.js"></script>');
    expect(page).toContain('data-url="./openapi.json"');
    expect(page).not.toMatch(/(src|href)="(https?:)?\/\//);
  });

  it('has no inline script code, so a strict Content-Security-Policy applies', () => {
    const inlineScripts = [...page.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1]?.trim());

    expect(inlineScripts).toEqual(['']);
  });

  it('configures Scalar to fetch nothing outside the site', () => {
    expect(scalarConfiguration()).toMatchObject({
      withDefaultFonts: false,
      telemetry: false,
      proxyUrl: '',
      hideClientButton: true,
      agent: { disabled: true },
      showDeveloperTools: 'never',
    });
  });

  it('preselects the bearer scheme the contract declares', () => {
    const spec = JSON.parse(readFileSync(new URL('../../../openapi/openapi.json', import.meta.url), 'utf8')) as {
      components: { securitySchemes: Record<string, { scheme?: string }> };
    };
    const { authentication } = scalarConfiguration() as { authentication: { preferredSecurityScheme: string } };

    expect(spec.components.securitySchemes[authentication.preferredSecurityScheme]?.scheme).toBe('bearer');
  });

  it('shows the contract\'s @shoplane/api-client samples and curl, no other generated clients', () => {
    const hidden = scalarConfiguration()['hiddenClients'];

    expect(hidden).toEqual(expect.arrayContaining(['js', 'node', 'python', 'shell/httpie', 'shell/wget']));
    expect(hidden).not.toContain('shell');
    expect(hidden).not.toContain('shell/curl');
  });
});
