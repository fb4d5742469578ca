import { useEffect, useState } from 'react';
import { routeOf, type Route } from '../domain/routes.js';

/** The page the fragment names, following back/forward and links. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => routeOf(window.location.hash));
  useEffect(() => {
    const follow = () => setRoute(routeOf(window.location.hash));
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  return route;
}

export function navigate(path: string): void {
  window.location.hash = path;
}
