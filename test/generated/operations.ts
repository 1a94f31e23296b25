/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Narrows the audit log; all given conditions must hold. */
export type AuditEventFilter = {
  /** Only this action (a mutation name such as `createApiKey`). */
  action?: string | null | undefined;
  /** Only events about this object (its global ID). */
  targetId?: string | number | null | undefined;
};

/** How an audited attempt ended. */
export type AuditOutcome =
  /** Nothing was changed; `errorCode` says why. */
  | 'FAILED'
  /** The change was made and committed. */
  | 'SUCCEEDED';

/** A new API key. */
export type CreateApiKeyInput = {
  /** What the key is for (at most 500 characters). */
  description?: string | null | undefined;
  /** Unique among active keys; 1 to 100 letters, digits, spaces and . _ : @ / -. */
  name: string;
  /** What the key may do. */
  role: Role;
};

/** Every code a client can find in `errors[].extensions.code`. Expected failures are raised as GraphQL errors with one of these codes; nothing is changed when a mutation fails. */
export type ErrorCode =
  /** Something with the same unique name already exists; the message names it. Nothing was changed. */
  | 'ALREADY_EXISTS'
  /** Apple refused the request itself (`extensions.appleCode` has Apple's code, e.g. `INVALID_CURSOR`, `FLAGS_INVALID`); repeating it unchanged will not help. */
  | 'APPLE_REQUEST_REJECTED'
  /** Apple refuses requests until an administrator accepts the latest terms and conditions in Apple School Manager (`T_C_NOT_SIGNED`). */
  | 'APPLE_TERMS_NOT_ACCEPTED'
  /** Apple refuses the server token (replaced by a newer download, expired, revoked or signed wrongly); `extensions.appleCode` has Apple's code. Upload a new token. */
  | 'APPLE_TOKEN_REJECTED'
  /** Apple could not be reached or kept failing (network errors, HTTP 5xx or 429) after Homeroom's retries; `extensions.attempts` says how many. Try again later. */
  | 'APPLE_UNAVAILABLE'
  /** The HTTP request is not a GraphQL request the server understands. */
  | 'BAD_REQUEST'
  /** An argument or input field is invalid; the message names it and `extensions.field` holds its path. Nothing was changed. */
  | 'BAD_USER_INPUT'
  /** No public key is waiting for a token: call `generateEncryptionPublicKey`, upload that certificate in Apple School Manager, then download the token. Nothing was changed. */
  | 'ENCRYPTION_KEY_REQUIRED'
  /** The API key is valid but its role lacks the permission the operation needs; `extensions.missingPermissions` lists what is missing. */
  | 'FORBIDDEN'
  /** The document is not valid GraphQL syntax. */
  | 'GRAPHQL_PARSE_FAILED'
  /** The document does not match the schema. */
  | 'GRAPHQL_VALIDATION_FAILED'
  /** Something unexpected failed on the server. The response carries `extensions.requestId`; the server log has the cause under that id. */
  | 'INTERNAL_SERVER_ERROR'
  /** Refused because it would leave no active ADMIN key. Create another ADMIN key first. */
  | 'LAST_ADMIN_KEY'
  /** The push certificate or its private key cannot be used (not PEM, key does not match, expired, or the topic does not start with `com.apple.mgmt.`); the message says which. Nothing was changed. */
  | 'MDM_PUSH_CERTIFICATE_INVALID'
  /** Upload the Apple MDM push certificate first (`uploadMdmPushCertificate`): enrollment program tokens need it. Nothing was changed. */
  | 'MDM_PUSH_CERTIFICATE_REQUIRED'
  /** The ID names nothing this key can see (deleted, never existed, or malformed). */
  | 'NOT_FOUND'
  /** The document has several operations and `operationName` does not pick one. */
  | 'OPERATION_RESOLUTION_FAILURE'
  /** Automatic persisted query: the hash is unknown; send the full query once. */
  | 'PERSISTED_QUERY_NOT_FOUND'
  /** Automatic persisted queries are switched off on this server. */
  | 'PERSISTED_QUERY_NOT_SUPPORTED'
  /** The profile is its token's default or devices are assigned to it (`extensions.devices`); change those first. Nothing was changed. */
  | 'PROFILE_IN_USE'
  /** The token already has the most enrollment profiles allowed (1000). Delete one first. Nothing was changed. */
  | 'PROFILE_LIMIT_REACHED'
  /** The profile settings contradict each other (e.g. locked enrollment without supervision); `extensions.field` names the setting and the message the rule. Nothing was changed. */
  | 'PROFILE_RULE_VIOLATION'
  /** The operation could return too much at once (page sizes multiply down the tree); `extensions.maxComplexity` gives the limit. Ask for smaller pages. */
  | 'QUERY_TOO_COMPLEX'
  /** The operation nests fields deeper than the server allows; `extensions.maxDepth` gives the limit. */
  | 'QUERY_TOO_DEEP'
  /** Another token is already shared with School Data Sync (`extensions.tokenId` names it); unshare it first. Nothing was changed. */
  | 'SDS_ALREADY_SHARED'
  /** The token decrypts but its content is not a valid server token (a field is missing or malformed); `extensions.field` names it. Nothing was changed. */
  | 'TOKEN_INVALID_CONTENT'
  /** The token still has enrollment profiles or devices (`extensions.profiles`, `extensions.devices`); delete the profiles and release the devices in Apple School Manager first. Nothing was changed. */
  | 'TOKEN_IN_USE'
  /** The new token belongs to another MDM server than the one being renewed (`extensions.expectedServerUuid`, `extensions.actualServerUuid`). Pass `force: true` to switch servers. Nothing was changed. */
  | 'TOKEN_SERVER_MISMATCH'
  /** The file is not an Apple server token: expected the `.p7m` downloaded from Apple School Manager (S/MIME, or PEM/DER PKCS#7). Nothing was changed. */
  | 'TOKEN_UNREADABLE'
  /** The token was encrypted to another public key. Download a new token in Apple School Manager after uploading the key Homeroom gave you. Nothing was changed. */
  | 'TOKEN_WRONG_KEY'
  /** No API key, an unknown key or a revoked key. Send `Authorization: Bearer <key>` (HTTP) or `connectionParams.authorization` (websocket). */
  | 'UNAUTHENTICATED';

/** One thing a role allows. Operations document the permission they need. */
export type Permission =
  /** Create, list and revoke API keys. */
  | 'API_KEY_MANAGE'
  /** Read the audit log. */
  | 'AUDIT_READ'
  /** Read devices, sync runs and enrollment state. */
  | 'DEVICE_READ'
  /** Start a device sync with Apple. */
  | 'DEVICE_SYNC'
  /** Assign and unassign profiles to devices. */
  | 'PROFILE_ASSIGN'
  /** Create enrollment profiles. */
  | 'PROFILE_CREATE'
  /** Delete enrollment profiles. */
  | 'PROFILE_DELETE'
  /** Read enrollment profiles. */
  | 'PROFILE_READ'
  /** Change enrollment profiles and the default profile. */
  | 'PROFILE_UPDATE'
  /** Upload tokens and generate the public key ASM needs. */
  | 'TOKEN_CREATE'
  /** Delete tokens. */
  | 'TOKEN_DELETE'
  /** Read enrollment program tokens. */
  | 'TOKEN_READ'
  /** Renew and rename tokens; share a token with School Data Sync. */
  | 'TOKEN_UPDATE';

/** The key to revoke. */
export type RevokeApiKeyInput = {
  /** Global ID of the API key. */
  id: string | number;
};

/** An API key's role: a fixed bundle of permissions, after Intune's Enrollment programs permissions. */
export type Role =
  /** Everything, including API key management and the audit log. */
  | 'ADMIN'
  /** Reads tokens, profiles and devices; syncs devices; assigns and unassigns profiles. */
  | 'OPERATOR'
  /** Reads tokens, profiles and devices; changes nothing. */
  | 'READ_ONLY';

export type CreateApiKeyMutationVariables = Exact<{
  input: CreateApiKeyInput;
}>;


export type CreateApiKeyMutation = { createApiKey: { secret: string, apiKey: { id: string, name: string, role: Role, description: string | null, prefix: string, active: boolean, createdBy: string, createdAt: string, permissions: Array<Permission> } } };

export type RevokeApiKeyMutationVariables = Exact<{
  input: RevokeApiKeyInput;
}>;


export type RevokeApiKeyMutation = { revokeApiKey: { apiKey: { id: string, name: string, active: boolean, revokedAt: string | null } } };

export type ApiKeysQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
  includeRevoked?: boolean;
}>;


export type ApiKeysQuery = { apiKeys: { totalCount: number, edges: Array<{ cursor: string, node: { id: string, name: string, role: Role, active: boolean } }>, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null } } };

export type AuditEventsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: AuditEventFilter | null | undefined;
}>;


export type AuditEventsQuery = { auditEvents: { totalCount: number, edges: Array<{ node: { id: string, occurredAt: string, actorName: string, action: string, outcome: AuditOutcome, errorCode: ErrorCode | null, errorMessage: string | null, requestId: string | null, targetIds: Array<string>, details: Record<string, unknown> | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type AuditEventRecordedSubscriptionVariables = Exact<{
  action?: string | null | undefined;
}>;


export type AuditEventRecordedSubscription = { auditEventRecorded: { id: string, action: string, actorName: string, outcome: AuditOutcome, errorCode: ErrorCode | null, targetIds: Array<string> } };

export type NodeQueryVariables = Exact<{
  id: string | number;
}>;


export type NodeQuery = { node:
    | { __typename: 'ApiKey', name: string, role: Role, id: string }
    | { __typename: 'AuditEvent', action: string, outcome: AuditOutcome, id: string }
   | null };

export type NodesQueryVariables = Exact<{
  ids: Array<string | number> | string | number;
}>;


export type NodesQuery = { nodes: Array<
    | { __typename: 'ApiKey', id: string }
    | { __typename: 'AuditEvent', id: string }
   | null> };

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { viewer: { name: string, role: Role, permissions: Array<Permission>, apiKey: { id: string, prefix: string, lastUsedAt: string | null } | null } };


export const CreateApiKeyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateApiKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateApiKeyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createApiKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"secret"}},{"kind":"Field","name":{"kind":"Name","value":"apiKey"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"prefix"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"permissions"}}]}}]}}]}}]} as unknown as DocumentNode<CreateApiKeyMutation, CreateApiKeyMutationVariables>;
export const RevokeApiKeyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RevokeApiKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RevokeApiKeyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeApiKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"apiKey"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}}]}}]}}]} as unknown as DocumentNode<RevokeApiKeyMutation, RevokeApiKeyMutationVariables>;
export const ApiKeysDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ApiKeys"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"last"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"before"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"includeRevoked"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}},"defaultValue":{"kind":"BooleanValue","value":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"apiKeys"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"last"},"value":{"kind":"Variable","name":{"kind":"Name","value":"last"}}},{"kind":"Argument","name":{"kind":"Name","value":"before"},"value":{"kind":"Variable","name":{"kind":"Name","value":"before"}}},{"kind":"Argument","name":{"kind":"Name","value":"includeRevoked"},"value":{"kind":"Variable","name":{"kind":"Name","value":"includeRevoked"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"active"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<ApiKeysQuery, ApiKeysQueryVariables>;
export const AuditEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AuditEventFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"actorName"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"errorCode"}},{"kind":"Field","name":{"kind":"Name","value":"errorMessage"}},{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"targetIds"}},{"kind":"Field","name":{"kind":"Name","value":"details"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<AuditEventsQuery, AuditEventsQueryVariables>;
export const AuditEventRecordedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"AuditEventRecorded"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"action"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditEventRecorded"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"action"},"value":{"kind":"Variable","name":{"kind":"Name","value":"action"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"actorName"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"errorCode"}},{"kind":"Field","name":{"kind":"Name","value":"targetIds"}}]}}]}}]} as unknown as DocumentNode<AuditEventRecordedSubscription, AuditEventRecordedSubscriptionVariables>;
export const NodeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Node"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ApiKey"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuditEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}}]}}]}}]}}]} as unknown as DocumentNode<NodeQuery, NodeQueryVariables>;
export const NodesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Nodes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ids"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"ids"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ids"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<NodesQuery, NodesQueryVariables>;
export const ViewerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"permissions"}},{"kind":"Field","name":{"kind":"Name","value":"apiKey"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"prefix"}},{"kind":"Field","name":{"kind":"Name","value":"lastUsedAt"}}]}}]}}]}}]} as unknown as DocumentNode<ViewerQuery, ViewerQueryVariables>;