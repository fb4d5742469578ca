import type { ReactNode } from 'react';
import type { Session } from '../api/session.js';
import { hrefOf } from '../domain/routes.js';
import { useSession } from '../hooks/use-session.js';

/** Shows its content to a logged-in person, and a way to log in to everyone else. */
export function RequireLogin({ what, children }: { what: string; children: (session: Session) => ReactNode }) {
  const session = useSession();
  if (session) return <>{children(session)}</>;
  return (
    <section>
      <h1>Please log in</h1>
      <p>
        Log in to see {what}. <a href={hrefOf('/login')}>Log in</a> or <a href={hrefOf('/register')}>create an account</a>.
      </p>
    </section>
  );
}
