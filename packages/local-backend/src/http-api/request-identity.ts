import type { Identity } from '@selfhost/function-runner';
import type { RequestIdentity } from '../auth/admin-authenticator.ts';
import { HttpError } from '../routing/http-error.ts';
import { NO_AUTH_PROVIDER_MESSAGE } from '../auth/user-token-verifier.ts';

/**
 * The identity functions run with, from who called. User JWTs need auth providers, which this
 * deployment does not support yet: such a request is refused the way a Convex deployment
 * without auth configuration refuses it.
 *
 * @example
 * const identity = functionIdentity(auth.identify(request));
 */
export function functionIdentity(caller: RequestIdentity): Identity {
  switch (caller.kind) {
    case 'none':
      return { kind: 'none' };
    case 'admin':
      return caller.impersonating === undefined ? { kind: 'admin' } : { kind: 'actingUser', user: caller.impersonating };
    case 'user':
      throw new HttpError(401, 'NoAuthProvider', NO_AUTH_PROVIDER_MESSAGE);
  }
}
