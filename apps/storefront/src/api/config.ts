/**
 * Where the API is. Locally the storefront is served beside the API (same origin); a
 * deployed site gets `config.json` from its deployment, so one build serves any stage.
 */
export interface StorefrontConfig {
  apiUrl: string;
}

export async function loadConfig(): Promise<StorefrontConfig> {
  const sameOrigin = { apiUrl: window.location.origin };
  try {
    const response = await fetch('./config.json', { cache: 'no-store' });
    if (!response.ok) return sameOrigin;
    const body = (await response.json()) as Partial<StorefrontConfig>;
    return typeof body.apiUrl === 'string' && body.apiUrl !== '' ? { apiUrl: body.apiUrl.replace(/\/+$/, '') } : sameOrigin;
  } catch {
    return sameOrigin;
  }
}
