import { useSyncExternalStore } from 'react';
import { sessionStore, type Session } from '../api/session.js';

export function useSession(): Session | undefined {
  return useSyncExternalStore(sessionStore.subscribe, sessionStore.get);
}
