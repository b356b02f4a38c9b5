/** autoscaling/v1 Scale: the body of every `/scale` subresource. */
import type { Definitions } from '../../../api/openapi-schema.js';
import { AUTOSCALING, int32, kindObj, obj, ref, str } from '../schema-dsl.js';

export const autoscalingDefinitions: Definitions = {
  [`${AUTOSCALING}Scale`]: kindObj(
    { group: 'autoscaling', version: 'v1', kind: 'Scale' },
    {
      spec: ref(`${AUTOSCALING}ScaleSpec`, 'Desired scale of the object.'),
      status: ref(`${AUTOSCALING}ScaleStatus`, 'Current scale of the object.'),
    },
    { description: 'The scaling request for a resource.' },
  ),
  [`${AUTOSCALING}ScaleSpec`]: obj({ replicas: int32('Desired number of instances.') }),
  [`${AUTOSCALING}ScaleStatus`]: obj(
    {
      replicas: int32('Actual number of observed instances.'),
      selector: str('Label query over the pods, in string form.'),
    },
    { required: ['replicas'] },
  ),
};
