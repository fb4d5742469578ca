import type { AuthLevel, HttpMethod } from '@shoplane/contracts';

/** One HTTP route the gateway serves, as a manifest declares it. */
export interface GatewayRoute {
  method: HttpMethod;
  /** Path template, e.g. `/products/{productId}`. */
  path: string;
  auth: AuthLevel;
  operationId: string;
  service: string;
  functionName: string;
}

export type RouteMatch =
  | { kind: 'found'; route: GatewayRoute; pathParameters: Record<string, string> }
  | { kind: 'wrong-method'; allow: string[] }
  | { kind: 'not-found' };

interface CompiledRoute {
  route: GatewayRoute;
  pattern: RegExp;
  names: string[];
  /** Literal segments win over parameters, as API Gateway picks the most specific route. */
  literalSegments: number;
}

function compile(route: GatewayRoute): CompiledRoute {
  const names: string[] = [];
  let literalSegments = 0;
  const source = route.path
    .split('/')
    .map((segment) => {
      const parameter = /^\{([A-Za-z0-9_]+)\}$/.exec(segment);
      if (parameter?.[1]) {
        names.push(parameter[1]);
        return '([^/]+)';
      }
      if (segment !== '') literalSegments += 1;
      return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return { route, pattern: new RegExp(`^${source}$`), names, literalSegments };
}

/** Matches a request's method and raw (still percent-encoded) path against the declared routes. */
export class RouteTable {
  private readonly compiled: CompiledRoute[];

  constructor(routes: GatewayRoute[]) {
    const keys = new Set<string>();
    for (const route of routes) {
      const key = `${route.method.toUpperCase()} ${route.path}`;
      if (keys.has(key)) throw new Error(`Route ${key} is declared by more than one handler (last: ${route.functionName})`);
      keys.add(key);
    }
    this.compiled = routes.map(compile).sort((a, b) => b.literalSegments - a.literalSegments);
  }

  get routes(): GatewayRoute[] {
    return this.compiled.map((entry) => entry.route);
  }

  match(method: string, rawPath: string): RouteMatch {
    const allow = new Set<string>();
    for (const entry of this.compiled) {
      const values = entry.pattern.exec(rawPath);
      if (!values) continue;
      if (entry.route.method.toUpperCase() !== method.toUpperCase()) {
        allow.add(entry.route.method.toUpperCase());
        continue;
      }
      const pathParameters: Record<string, string> = {};
      try {
        entry.names.forEach((name, index) => {
          pathParameters[name] = decodeURIComponent(values[index + 1] ?? '');
        });
      } catch {
        // A malformed escape (`%E0%A4%A`) can name no resource.
        return { kind: 'not-found' };
      }
      return { kind: 'found', route: entry.route, pathParameters };
    }
    return allow.size > 0 ? { kind: 'wrong-method', allow: [...allow].sort() } : { kind: 'not-found' };
  }
}
