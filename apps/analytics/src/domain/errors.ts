import { DomainError } from '@shoplane/contracts';

/** A range the reads refuse: it ends before it starts, or spans more days than they walk. */
export class InvalidRangeError extends DomainError {
  constructor(message: string) {
    super('invalid-range', message, { violations: [{ path: 'query.from', message }] });
  }
}

/** Garbled, forged, or issued for another query: the client starts the listing again without it. */
export class InvalidCursorError extends DomainError {
  constructor() {
    super('invalid-cursor', 'The cursor is not valid for this query; start again without it.');
  }
}
