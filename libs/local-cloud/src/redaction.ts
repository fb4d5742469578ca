/** Query parameter names that suggest a credential: their values never reach a log line. */
const secretParameterName = /token|secret|password|passwd|pwd|key|signature|sig|auth|credential|session|code|otp/i;

/**
 * The request target as the access log prints it: the path, and each query
 * parameter with its value, unless its name suggests a secret (`?token=…`,
 * `?api_key=…`, `?X-Amz-Signature=…`), whose value is replaced.
 */
export function redactedTarget(target: string): string {
  const queryStart = target.indexOf('?');
  if (queryStart < 0) return target;
  const path = target.slice(0, queryStart);
  const query = target
    .slice(queryStart + 1)
    .split('&')
    .map((pair) => {
      const separator = pair.indexOf('=');
      const rawName = separator < 0 ? pair : pair.slice(0, separator);
      let name = rawName;
      try {
        name = decodeURIComponent(rawName.replace(/\+/g, ' '));
      } catch {
        // A malformed escape is logged as sent; only its value is at stake.
      }
      return separator >= 0 && secretParameterName.test(name) ? `${rawName}=[redacted]` : pair;
    })
    .join('&');
  return `${path}?${query}`;
}
