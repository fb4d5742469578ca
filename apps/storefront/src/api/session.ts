/** Who is logged in, kept in sessionStorage so a reload keeps the session and closing the tab ends it. */
export interface Session {
  token: string;
  userId: string;
  name: string;
  role: 'customer' | 'admin';
  /** Epoch milliseconds after which the token is refused; the session ends then. */
  expiresAt: number;
}

const key = 'shoplane.session';
type Listener = (session: Session | undefined) => void;
const listeners = new Set<Listener>();

function read(): Session | undefined {
  const stored = sessionStorage.getItem(key);
  if (!stored) return undefined;
  try {
    const session = JSON.parse(stored) as Session;
    return session.expiresAt > Date.now() ? session : undefined;
  } catch {
    return undefined;
  }
}

let current = read();

export const sessionStore = {
  get: (): Session | undefined => (current && current.expiresAt > Date.now() ? current : undefined),
  set(session: Session | undefined): void {
    current = session;
    if (session) sessionStorage.setItem(key, JSON.stringify(session));
    else sessionStorage.removeItem(key);
    listeners.forEach((listener) => listener(session));
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
