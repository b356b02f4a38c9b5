/**
 * apiextensions.k8s.io/v1 CustomResourceDefinition, including the recursive JSONSchemaProps
 * (staging/src/k8s.io/apiextensions-apiserver/pkg/apis/apiextensions/v1/types*.go).
 * JSON, JSONSchemaPropsOrArray/OrBool/OrStringArray are free-form in kube's OpenAPI: any JSON
 * value (a schema, a bool, an array), so they carry a description and no type.
 */
import type { Definitions } from '../../../api/openapi-schema.js';
import {
  atomic,
  bool,
  bytes,
  double,
  int32,
  int64,
  kindObj,
  listKind,
  mapList,
  mapOf,
  obj,
  ref,
  str,
  time,
} from '../schema-dsl.js';

export const APIEXT = 'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.';
const gvk = (kind: string) => ({ group: 'apiextensions.k8s.io', version: 'v1', kind });
const ax = (name: string, description?: string) => ref(APIEXT + name, description);
const props = () => ax('JSONSchemaProps');

export const apiextensionsDefinitions: Definitions = {
  [`${APIEXT}CustomResourceDefinition`]: kindObj(
    gvk('CustomResourceDefinition'),
    { spec: ax('CustomResourceDefinitionSpec'), status: ax('CustomResourceDefinitionStatus') },
    { required: ['spec'], description: 'A resource served by the API server from a schema.' },
  ),
  [`${APIEXT}CustomResourceDefinitionList`]: listKind(
    gvk('CustomResourceDefinitionList'),
    `${APIEXT}CustomResourceDefinition`,
  ),
  [`${APIEXT}CustomResourceDefinitionSpec`]: obj(
    {
      conversion: ax('CustomResourceConversion'),
      group: str(),
      names: ax('CustomResourceDefinitionNames'),
      preserveUnknownFields: bool(),
      scope: str('Cluster or Namespaced.'),
      versions: atomic(ax('CustomResourceDefinitionVersion')),
    },
    { required: ['group', 'names', 'scope', 'versions'] },
  ),
  [`${APIEXT}CustomResourceConversion`]: obj(
    { strategy: str('None or Webhook.'), webhook: ax('WebhookConversion') },
    { required: ['strategy'] },
  ),
  [`${APIEXT}WebhookConversion`]: obj(
    { clientConfig: ax('WebhookClientConfig'), conversionReviewVersions: atomic(str()) },
    { required: ['conversionReviewVersions'] },
  ),
  [`${APIEXT}WebhookClientConfig`]: obj({ caBundle: bytes(), service: ax('ServiceReference'), url: str() }),
  [`${APIEXT}ServiceReference`]: obj(
    { name: str(), namespace: str(), path: str(), port: int32() },
    { required: ['namespace', 'name'] },
  ),
  [`${APIEXT}CustomResourceDefinitionNames`]: obj(
    {
      categories: atomic(str()),
      kind: str(),
      listKind: str(),
      plural: str(),
      shortNames: atomic(str()),
      singular: str(),
    },
    { required: ['plural', 'kind'] },
  ),
  [`${APIEXT}CustomResourceDefinitionVersion`]: obj(
    {
      additionalPrinterColumns: atomic(ax('CustomResourceColumnDefinition')),
      deprecated: bool(),
      deprecationWarning: str(),
      name: str(),
      schema: ax('CustomResourceValidation'),
      selectableFields: atomic(ax('SelectableField')),
      served: bool(),
      storage: bool(),
      subresources: ax('CustomResourceSubresources'),
    },
    { required: ['name', 'served', 'storage'] },
  ),
  [`${APIEXT}CustomResourceColumnDefinition`]: obj(
    { description: str(), format: str(), jsonPath: str(), name: str(), priority: int32(), type: str() },
    { required: ['name', 'type', 'jsonPath'] },
  ),
  [`${APIEXT}SelectableField`]: obj({ jsonPath: str() }, { required: ['jsonPath'] }),
  [`${APIEXT}CustomResourceValidation`]: obj({ openAPIV3Schema: props() }),
  [`${APIEXT}CustomResourceSubresources`]: obj({
    scale: ax('CustomResourceSubresourceScale'),
    status: ax('CustomResourceSubresourceStatus'),
  }),
  [`${APIEXT}CustomResourceSubresourceScale`]: obj(
    { labelSelectorPath: str(), specReplicasPath: str(), statusReplicasPath: str() },
    { required: ['specReplicasPath', 'statusReplicasPath'] },
  ),
  [`${APIEXT}CustomResourceSubresourceStatus`]: {
    description: 'Enables the status subresource; an empty object.',
    type: 'object',
  },
  [`${APIEXT}CustomResourceDefinitionStatus`]: obj({
    acceptedNames: ax('CustomResourceDefinitionNames'),
    conditions: mapList(ax('CustomResourceDefinitionCondition'), ['type'], false),
    observedGeneration: int64(),
    storedVersions: atomic(str()),
  }),
  [`${APIEXT}CustomResourceDefinitionCondition`]: obj(
    {
      lastTransitionTime: time(),
      message: str(),
      observedGeneration: int64(),
      reason: str(),
      status: str(),
      type: str(),
    },
    { required: ['type', 'status'] },
  ),

  // ---- the structural schema language ----
  [`${APIEXT}JSONSchemaProps`]: obj({
    $ref: str(),
    $schema: str(),
    additionalItems: ax('JSONSchemaPropsOrBool'),
    additionalProperties: ax('JSONSchemaPropsOrBool'),
    allOf: atomic(props()),
    anyOf: atomic(props()),
    default: ax('JSON', 'Default value; must validate against the schema.'),
    definitions: mapOf(props()),
    dependencies: mapOf(ax('JSONSchemaPropsOrStringArray')),
    description: str(),
    enum: atomic(ax('JSON')),
    example: ax('JSON'),
    exclusiveMaximum: bool(),
    exclusiveMinimum: bool(),
    externalDocs: ax('ExternalDocumentation'),
    format: str(),
    id: str(),
    items: ax('JSONSchemaPropsOrArray'),
    maxItems: int64(),
    maxLength: int64(),
    maxProperties: int64(),
    maximum: double(),
    minItems: int64(),
    minLength: int64(),
    minProperties: int64(),
    minimum: double(),
    multipleOf: double(),
    not: props(),
    nullable: bool(),
    oneOf: atomic(props()),
    pattern: str(),
    patternProperties: mapOf(props()),
    properties: mapOf(props()),
    required: atomic(str()),
    title: str(),
    type: str(),
    uniqueItems: bool(),
    'x-kubernetes-embedded-resource': bool(),
    'x-kubernetes-int-or-string': bool(),
    'x-kubernetes-list-map-keys': atomic(str()),
    'x-kubernetes-list-type': str(),
    'x-kubernetes-map-type': str(),
    'x-kubernetes-preserve-unknown-fields': bool(),
    'x-kubernetes-validations': mapList(ax('ValidationRule'), ['rule']),
  }),
  [`${APIEXT}ValidationRule`]: obj(
    {
      fieldPath: str(),
      message: str(),
      messageExpression: str(),
      optionalOldSelf: bool(),
      reason: str(),
      rule: str(),
    },
    { required: ['rule'] },
  ),
  [`${APIEXT}ExternalDocumentation`]: obj({ description: str(), url: str() }),
  [`${APIEXT}JSON`]: { description: 'Any JSON value.' },
  [`${APIEXT}JSONSchemaPropsOrArray`]: { description: 'A schema or an array of schemas.' },
  [`${APIEXT}JSONSchemaPropsOrBool`]: { description: 'A schema or a boolean (false forbids additional items).' },
  [`${APIEXT}JSONSchemaPropsOrStringArray`]: { description: 'A schema or an array of property names.' },
};
