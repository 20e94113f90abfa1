/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Viewer {\n    me {\n      id\n      displayName\n      email\n      role\n      mustChangePassword\n      organization {\n        id\n        name\n      }\n      area {\n        id\n        name\n      }\n    }\n  }\n": typeof types.ViewerDocument,
    "\n  mutation SignIn($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      mustChangePassword\n    }\n  }\n": typeof types.SignInDocument,
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changeMyPassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n": typeof types.ChangePasswordDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": typeof types.SignOutDocument,
    "\n  query CoordinatorHome($filter: ReferralFilter!, $attentionFilter: ReferralFilter!, $first: Int!) {\n    attention: referrals(filter: $attentionFilter, orderBy: URGENCY, first: $first) {\n      totalCount\n      edges {\n        node {\n          ...HomeReferralRow\n        }\n      }\n    }\n    list: referrals(filter: $filter, orderBy: NEWEST, first: $first) {\n      totalCount\n      countsByStatus {\n        status\n        count\n      }\n      edges {\n        node {\n          ...HomeReferralRow\n        }\n      }\n    }\n  }\n\n  fragment HomeReferralRow on Referral {\n    id\n    summary\n    category\n    status\n    createdAt\n    responseDueAt\n    currentOrganization {\n      id\n      name\n    }\n  }\n": typeof types.CoordinatorHomeDocument,
    "\n  query HomeOrganizations {\n    organizations {\n      id\n      name\n    }\n  }\n": typeof types.HomeOrganizationsDocument,
    "\n  query Home {\n    referrals(first: 1) {\n      totalCount\n    }\n  }\n": typeof types.HomeDocument,
    "\n  query NewReferralAreas {\n    areas {\n      id\n      code\n      name\n    }\n  }\n": typeof types.NewReferralAreasDocument,
    "\n  query SuggestedOrganizations($areaCode: String!, $category: NeedCategory!) {\n    suggestedOrganizations(areaCode: $areaCode, category: $category) {\n      id\n      name\n      answeredByProxy\n    }\n  }\n": typeof types.SuggestedOrganizationsDocument,
    "\n  mutation SubmitReferral($input: SubmitReferralInput!) {\n    submitReferral(input: $input) {\n      id\n    }\n  }\n": typeof types.SubmitReferralDocument,
};
const documents: Documents = {
    "\n  query Viewer {\n    me {\n      id\n      displayName\n      email\n      role\n      mustChangePassword\n      organization {\n        id\n        name\n      }\n      area {\n        id\n        name\n      }\n    }\n  }\n": types.ViewerDocument,
    "\n  mutation SignIn($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      mustChangePassword\n    }\n  }\n": types.SignInDocument,
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changeMyPassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n": types.ChangePasswordDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": types.SignOutDocument,
    "\n  query CoordinatorHome($filter: ReferralFilter!, $attentionFilter: ReferralFilter!, $first: Int!) {\n    attention: referrals(filter: $attentionFilter, orderBy: URGENCY, first: $first) {\n      totalCount\n      edges {\n        node {\n          ...HomeReferralRow\n        }\n      }\n    }\n    list: referrals(filter: $filter, orderBy: NEWEST, first: $first) {\n      totalCount\n      countsByStatus {\n        status\n        count\n      }\n      edges {\n        node {\n          ...HomeReferralRow\n        }\n      }\n    }\n  }\n\n  fragment HomeReferralRow on Referral {\n    id\n    summary\n    category\n    status\n    createdAt\n    responseDueAt\n    currentOrganization {\n      id\n      name\n    }\n  }\n": types.CoordinatorHomeDocument,
    "\n  query HomeOrganizations {\n    organizations {\n      id\n      name\n    }\n  }\n": types.HomeOrganizationsDocument,
    "\n  query Home {\n    referrals(first: 1) {\n      totalCount\n    }\n  }\n": types.HomeDocument,
    "\n  query NewReferralAreas {\n    areas {\n      id\n      code\n      name\n    }\n  }\n": types.NewReferralAreasDocument,
    "\n  query SuggestedOrganizations($areaCode: String!, $category: NeedCategory!) {\n    suggestedOrganizations(areaCode: $areaCode, category: $category) {\n      id\n      name\n      answeredByProxy\n    }\n  }\n": types.SuggestedOrganizationsDocument,
    "\n  mutation SubmitReferral($input: SubmitReferralInput!) {\n    submitReferral(input: $input) {\n      id\n    }\n  }\n": types.SubmitReferralDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    me {\n      id\n      displayName\n      email\n      role\n      mustChangePassword\n      organization {\n        id\n        name\n      }\n      area {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query Viewer {\n    me {\n      id\n      displayName\n      email\n      role\n      mustChangePassword\n      organization {\n        id\n        name\n      }\n      area {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      mustChangePassword\n    }\n  }\n"): (typeof documents)["\n  mutation SignIn($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      mustChangePassword\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changeMyPassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n"): (typeof documents)["\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changeMyPassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOut {\n    signOut\n  }\n"): (typeof documents)["\n  mutation SignOut {\n    signOut\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CoordinatorHome($filter: ReferralFilter!, $attentionFilter: ReferralFilter!, $first: Int!) {\n    attention: referrals(filter: $attentionFilter, orderBy: URGENCY, first: $first) {\n      totalCount\n      edges {\n        node {\n          ...HomeReferralRow\n        }\n      }\n    }\n    list: referrals(filter: $filter, orderBy: NEWEST, first: $first) {\n      totalCount\n      countsByStatus {\n        status\n        count\n      }\n      edges {\n        node {\n          ...HomeReferralRow\n        }\n      }\n    }\n  }\n\n  fragment HomeReferralRow on Referral {\n    id\n    summary\n    category\n    status\n    createdAt\n    responseDueAt\n    currentOrganization {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query CoordinatorHome($filter: ReferralFilter!, $attentionFilter: ReferralFilter!, $first: Int!) {\n    attention: referrals(filter: $attentionFilter, orderBy: URGENCY, first: $first) {\n      totalCount\n      edges {\n        node {\n          ...HomeReferralRow\n        }\n      }\n    }\n    list: referrals(filter: $filter, orderBy: NEWEST, first: $first) {\n      totalCount\n      countsByStatus {\n        status\n        count\n      }\n      edges {\n        node {\n          ...HomeReferralRow\n        }\n      }\n    }\n  }\n\n  fragment HomeReferralRow on Referral {\n    id\n    summary\n    category\n    status\n    createdAt\n    responseDueAt\n    currentOrganization {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HomeOrganizations {\n    organizations {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query HomeOrganizations {\n    organizations {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Home {\n    referrals(first: 1) {\n      totalCount\n    }\n  }\n"): (typeof documents)["\n  query Home {\n    referrals(first: 1) {\n      totalCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NewReferralAreas {\n    areas {\n      id\n      code\n      name\n    }\n  }\n"): (typeof documents)["\n  query NewReferralAreas {\n    areas {\n      id\n      code\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SuggestedOrganizations($areaCode: String!, $category: NeedCategory!) {\n    suggestedOrganizations(areaCode: $areaCode, category: $category) {\n      id\n      name\n      answeredByProxy\n    }\n  }\n"): (typeof documents)["\n  query SuggestedOrganizations($areaCode: String!, $category: NeedCategory!) {\n    suggestedOrganizations(areaCode: $areaCode, category: $category) {\n      id\n      name\n      answeredByProxy\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitReferral($input: SubmitReferralInput!) {\n    submitReferral(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation SubmitReferral($input: SubmitReferralInput!) {\n    submitReferral(input: $input) {\n      id\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;