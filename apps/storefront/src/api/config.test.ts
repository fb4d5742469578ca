import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadConfig } from './config.js';

function servedConfig(answer: Response | Error) {
  vi.stubGlobal('window', { location: { origin: 'http://localhost:3000' } });
  vi.stubGlobal('fetch', vi.fn(async () => (answer instanceof Error ? Promise.reject(answer) : answer)));
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('loadConfig', () => {
  it('calls the API config.json names, without a trailing slash', async () => {
    servedConfig(Response.json({ apiUrl: 'https://abc.execute-api.eu-west-1.amazonaws.com/' }));

    expect(await loadConfig()).toEqual({ apiUrl: 'https://abc.execute-api.eu-west-1.amazonaws.com' });
  });

  it('calls its own origin when there is no config.json (npm start), or it names no API', async () => {
    servedConfig(new Response('{"type":"about:blank"}', { status: 404 }));
    expect(await loadConfig()).toEqual({ apiUrl: 'http://localhost:3000' });

    servedConfig(Response.json({ apiUrl: '' }));
    expect(await loadConfig()).toEqual({ apiUrl: 'http://localhost:3000' });

    servedConfig(new TypeError('Failed to fetch'));
    expect(await loadConfig()).toEqual({ apiUrl: 'http://localhost:3000' });
  });
});
