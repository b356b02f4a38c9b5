/** authentication.k8s.io/v1 TokenRequest: the body of `serviceaccounts/token`. */
import type { Definitions } from '../../../api/openapi-schema.js';
import { atomic, int64, kindObj, obj, ref, str, time } from '../schema-dsl.js';

const AUTHN = 'io.k8s.api.authentication.v1.';

export const authenticationDefinitions: Definitions = {
  [`${AUTHN}TokenRequest`]: kindObj(
    { group: 'authentication.k8s.io', version: 'v1', kind: 'TokenRequest' },
    { spec: ref(`${AUTHN}TokenRequestSpec`), status: ref(`${AUTHN}TokenRequestStatus`) },
    { required: ['spec'], description: 'Requests a token for a service account.' },
  ),
  [`${AUTHN}TokenRequestSpec`]: obj(
    {
      audiences: atomic(str(), 'Intended audiences of the token.'),
      boundObjectRef: ref(`${AUTHN}BoundObjectReference`, 'An object the token is bound to.'),
      expirationSeconds: int64('Requested lifetime of the token.'),
    },
    { required: ['audiences'] },
  ),
  [`${AUTHN}TokenRequestStatus`]: obj(
    { expirationTimestamp: time(), token: str('The opaque bearer token.') },
    { required: ['token', 'expirationTimestamp'] },
  ),
  [`${AUTHN}BoundObjectReference`]: obj({ apiVersion: str(), kind: str(), name: str(), uid: str() }),
};
