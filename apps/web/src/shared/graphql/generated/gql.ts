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
    "\n  query Inbox($organizationId: ID!) {\n    offers: referrals(first: 100, filter: { organizationId: $organizationId, status: [OFFERED] }, orderBy: URGENCY) {\n      totalCount\n      edges {\n        node {\n          ...InboxRow\n        }\n      }\n    }\n    held: referrals(first: 100, filter: { organizationId: $organizationId, status: [ACCEPTED, IN_PROGRESS, ON_HOLD] }, orderBy: URGENCY) {\n      totalCount\n      edges {\n        node {\n          ...InboxRow\n        }\n      }\n    }\n    recent: referrals(first: 50) {\n      edges {\n        node {\n          ...InboxRow\n        }\n      }\n    }\n  }\n\n  fragment InboxRow on Referral {\n    id\n    status\n    category\n    summary\n    subjectAgeBand\n    responseDueAt\n    businessDaysLeft\n    outcome\n    updatedAt\n    area {\n      name\n    }\n    currentOrganization {\n      id\n    }\n    subject {\n      displayName\n      contact\n    }\n    availableActions {\n      action\n      proxy\n    }\n  }\n": typeof types.InboxDocument,
    "\n  query KeptMails($first: Int!) {\n    keptMails(first: $first) {\n      catcherEnabled\n      totalCount\n      mails {\n        id\n        receivedAt\n        from\n        to\n        recipients\n        subject\n        text\n        html\n      }\n    }\n  }\n": typeof types.KeptMailsDocument,
    "\n  query MyNotificationPreferences {\n    myNotificationPreferences {\n      kind\n      delivery\n      changeable\n    }\n  }\n": typeof types.MyNotificationPreferencesDocument,
    "\n  mutation SetNotificationPreference($kind: NotificationKind!, $delivery: NotificationDelivery!) {\n    setNotificationPreference(kind: $kind, delivery: $delivery) {\n      kind\n      delivery\n      changeable\n    }\n  }\n": typeof types.SetNotificationPreferenceDocument,
    "\n  query ReferralPage($id: ID!) {\n    referral(id: $id) {\n      id\n      status\n      category\n      summary\n      subjectKind\n      subjectAgeBand\n      createdAt\n      responseDueAt\n      businessDaysLeft\n      resumeOn\n      outcome\n      area {\n        code\n        name\n      }\n      submittedBy {\n        displayName\n      }\n      currentOrganization {\n        id\n        name\n      }\n      subject {\n        displayName\n        nameKana\n        ageBand\n        contact\n      }\n      availableActions {\n        action\n        proxy\n      }\n      details {\n        __typename\n        ... on TransportDetails {\n          purpose\n          frequency\n          days\n          mobility\n          escortNeeded\n        }\n        ... on ShoppingDetails {\n          scope\n          location\n          nearestShop\n          mobileSalesWanted\n          frequency\n        }\n        ... on VolunteerInterestDetails {\n          skills\n          days\n          areaCodes\n          supporterTrainingCompleted\n          workPreference\n        }\n        ... on HomeHelpDetails {\n          tasks\n          frequency\n        }\n        ... on GatheringPlaceDetails {\n          placeKind\n          days\n          transportNeeded\n        }\n        ... on WatchOverDetails {\n          methods\n          frequency\n        }\n        ... on OtherDetails {\n          note\n        }\n      }\n      handoffs {\n        seq\n        kind\n        at\n        proxy\n        reason\n        note\n        actor {\n          displayName\n        }\n        fromOrganization {\n          name\n        }\n        toOrganization {\n          name\n        }\n      }\n    }\n  }\n": typeof types.ReferralPageDocument,
    "\n  query ReassignSuggestions($areaCode: String!, $category: NeedCategory!) {\n    suggestedOrganizations(areaCode: $areaCode, category: $category) {\n      id\n      name\n    }\n  }\n": typeof types.ReassignSuggestionsDocument,
    "\n  mutation AcceptReferral($id: ID!, $note: String) {\n    acceptReferral(id: $id, note: $note) {\n      id\n    }\n  }\n": typeof types.AcceptReferralDocument,
    "\n  mutation DeclineReferral($id: ID!, $reason: DeclineReason!, $note: String) {\n    declineReferral(id: $id, reason: $reason, note: $note) {\n      id\n    }\n  }\n": typeof types.DeclineReferralDocument,
    "\n  mutation StartReferral($id: ID!, $note: String) {\n    startReferral(id: $id, note: $note) {\n      id\n    }\n  }\n": typeof types.StartReferralDocument,
    "\n  mutation CompleteReferral($id: ID!, $outcome: ReferralOutcome!, $note: String) {\n    completeReferral(id: $id, outcome: $outcome, note: $note) {\n      id\n    }\n  }\n": typeof types.CompleteReferralDocument,
    "\n  mutation ReturnReferral($id: ID!, $reason: ReturnReason!, $note: String) {\n    returnReferral(id: $id, reason: $reason, note: $note) {\n      id\n    }\n  }\n": typeof types.ReturnReferralDocument,
    "\n  mutation ExtendReferralDeadline($id: ID!, $businessDays: Int!, $reason: String!) {\n    extendReferralDeadline(id: $id, businessDays: $businessDays, reason: $reason) {\n      id\n    }\n  }\n": typeof types.ExtendReferralDeadlineDocument,
    "\n  mutation AddReferralNote($id: ID!, $note: String!) {\n    addReferralNote(id: $id, note: $note) {\n      id\n    }\n  }\n": typeof types.AddReferralNoteDocument,
    "\n  mutation ReassignReferral($id: ID!, $organizationId: ID!, $note: String) {\n    reassignReferral(id: $id, organizationId: $organizationId, note: $note) {\n      id\n    }\n  }\n": typeof types.ReassignReferralDocument,
    "\n  mutation EscalateReferral($id: ID!, $note: String!) {\n    escalateReferral(id: $id, note: $note) {\n      id\n    }\n  }\n": typeof types.EscalateReferralDocument,
    "\n  mutation WithdrawReferral($id: ID!, $reason: String!) {\n    withdrawReferral(id: $id, reason: $reason) {\n      id\n    }\n  }\n": typeof types.WithdrawReferralDocument,
    "\n  mutation HoldReferral($id: ID!, $resumeOn: String!, $reason: String!) {\n    holdReferral(id: $id, resumeOn: $resumeOn, reason: $reason) {\n      id\n    }\n  }\n": typeof types.HoldReferralDocument,
    "\n  mutation ResumeReferral($id: ID!, $note: String) {\n    resumeReferral(id: $id, note: $note) {\n      id\n    }\n  }\n": typeof types.ResumeReferralDocument,
    "\n  mutation TakeReferral($id: ID!, $note: String) {\n    takeReferral(id: $id, note: $note) {\n      id\n    }\n  }\n": typeof types.TakeReferralDocument,
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
    "\n  query Inbox($organizationId: ID!) {\n    offers: referrals(first: 100, filter: { organizationId: $organizationId, status: [OFFERED] }, orderBy: URGENCY) {\n      totalCount\n      edges {\n        node {\n          ...InboxRow\n        }\n      }\n    }\n    held: referrals(first: 100, filter: { organizationId: $organizationId, status: [ACCEPTED, IN_PROGRESS, ON_HOLD] }, orderBy: URGENCY) {\n      totalCount\n      edges {\n        node {\n          ...InboxRow\n        }\n      }\n    }\n    recent: referrals(first: 50) {\n      edges {\n        node {\n          ...InboxRow\n        }\n      }\n    }\n  }\n\n  fragment InboxRow on Referral {\n    id\n    status\n    category\n    summary\n    subjectAgeBand\n    responseDueAt\n    businessDaysLeft\n    outcome\n    updatedAt\n    area {\n      name\n    }\n    currentOrganization {\n      id\n    }\n    subject {\n      displayName\n      contact\n    }\n    availableActions {\n      action\n      proxy\n    }\n  }\n": types.InboxDocument,
    "\n  query KeptMails($first: Int!) {\n    keptMails(first: $first) {\n      catcherEnabled\n      totalCount\n      mails {\n        id\n        receivedAt\n        from\n        to\n        recipients\n        subject\n        text\n        html\n      }\n    }\n  }\n": types.KeptMailsDocument,
    "\n  query MyNotificationPreferences {\n    myNotificationPreferences {\n      kind\n      delivery\n      changeable\n    }\n  }\n": types.MyNotificationPreferencesDocument,
    "\n  mutation SetNotificationPreference($kind: NotificationKind!, $delivery: NotificationDelivery!) {\n    setNotificationPreference(kind: $kind, delivery: $delivery) {\n      kind\n      delivery\n      changeable\n    }\n  }\n": types.SetNotificationPreferenceDocument,
    "\n  query ReferralPage($id: ID!) {\n    referral(id: $id) {\n      id\n      status\n      category\n      summary\n      subjectKind\n      subjectAgeBand\n      createdAt\n      responseDueAt\n      businessDaysLeft\n      resumeOn\n      outcome\n      area {\n        code\n        name\n      }\n      submittedBy {\n        displayName\n      }\n      currentOrganization {\n        id\n        name\n      }\n      subject {\n        displayName\n        nameKana\n        ageBand\n        contact\n      }\n      availableActions {\n        action\n        proxy\n      }\n      details {\n        __typename\n        ... on TransportDetails {\n          purpose\n          frequency\n          days\n          mobility\n          escortNeeded\n        }\n        ... on ShoppingDetails {\n          scope\n          location\n          nearestShop\n          mobileSalesWanted\n          frequency\n        }\n        ... on VolunteerInterestDetails {\n          skills\n          days\n          areaCodes\n          supporterTrainingCompleted\n          workPreference\n        }\n        ... on HomeHelpDetails {\n          tasks\n          frequency\n        }\n        ... on GatheringPlaceDetails {\n          placeKind\n          days\n          transportNeeded\n        }\n        ... on WatchOverDetails {\n          methods\n          frequency\n        }\n        ... on OtherDetails {\n          note\n        }\n      }\n      handoffs {\n        seq\n        kind\n        at\n        proxy\n        reason\n        note\n        actor {\n          displayName\n        }\n        fromOrganization {\n          name\n        }\n        toOrganization {\n          name\n        }\n      }\n    }\n  }\n": types.ReferralPageDocument,
    "\n  query ReassignSuggestions($areaCode: String!, $category: NeedCategory!) {\n    suggestedOrganizations(areaCode: $areaCode, category: $category) {\n      id\n      name\n    }\n  }\n": types.ReassignSuggestionsDocument,
    "\n  mutation AcceptReferral($id: ID!, $note: String) {\n    acceptReferral(id: $id, note: $note) {\n      id\n    }\n  }\n": types.AcceptReferralDocument,
    "\n  mutation DeclineReferral($id: ID!, $reason: DeclineReason!, $note: String) {\n    declineReferral(id: $id, reason: $reason, note: $note) {\n      id\n    }\n  }\n": types.DeclineReferralDocument,
    "\n  mutation StartReferral($id: ID!, $note: String) {\n    startReferral(id: $id, note: $note) {\n      id\n    }\n  }\n": types.StartReferralDocument,
    "\n  mutation CompleteReferral($id: ID!, $outcome: ReferralOutcome!, $note: String) {\n    completeReferral(id: $id, outcome: $outcome, note: $note) {\n      id\n    }\n  }\n": types.CompleteReferralDocument,
    "\n  mutation ReturnReferral($id: ID!, $reason: ReturnReason!, $note: String) {\n    returnReferral(id: $id, reason: $reason, note: $note) {\n      id\n    }\n  }\n": types.ReturnReferralDocument,
    "\n  mutation ExtendReferralDeadline($id: ID!, $businessDays: Int!, $reason: String!) {\n    extendReferralDeadline(id: $id, businessDays: $businessDays, reason: $reason) {\n      id\n    }\n  }\n": types.ExtendReferralDeadlineDocument,
    "\n  mutation AddReferralNote($id: ID!, $note: String!) {\n    addReferralNote(id: $id, note: $note) {\n      id\n    }\n  }\n": types.AddReferralNoteDocument,
    "\n  mutation ReassignReferral($id: ID!, $organizationId: ID!, $note: String) {\n    reassignReferral(id: $id, organizationId: $organizationId, note: $note) {\n      id\n    }\n  }\n": types.ReassignReferralDocument,
    "\n  mutation EscalateReferral($id: ID!, $note: String!) {\n    escalateReferral(id: $id, note: $note) {\n      id\n    }\n  }\n": types.EscalateReferralDocument,
    "\n  mutation WithdrawReferral($id: ID!, $reason: String!) {\n    withdrawReferral(id: $id, reason: $reason) {\n      id\n    }\n  }\n": types.WithdrawReferralDocument,
    "\n  mutation HoldReferral($id: ID!, $resumeOn: String!, $reason: String!) {\n    holdReferral(id: $id, resumeOn: $resumeOn, reason: $reason) {\n      id\n    }\n  }\n": types.HoldReferralDocument,
    "\n  mutation ResumeReferral($id: ID!, $note: String) {\n    resumeReferral(id: $id, note: $note) {\n      id\n    }\n  }\n": types.ResumeReferralDocument,
    "\n  mutation TakeReferral($id: ID!, $note: String) {\n    takeReferral(id: $id, note: $note) {\n      id\n    }\n  }\n": types.TakeReferralDocument,
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
export function graphql(source: "\n  query Inbox($organizationId: ID!) {\n    offers: referrals(first: 100, filter: { organizationId: $organizationId, status: [OFFERED] }, orderBy: URGENCY) {\n      totalCount\n      edges {\n        node {\n          ...InboxRow\n        }\n      }\n    }\n    held: referrals(first: 100, filter: { organizationId: $organizationId, status: [ACCEPTED, IN_PROGRESS, ON_HOLD] }, orderBy: URGENCY) {\n      totalCount\n      edges {\n        node {\n          ...InboxRow\n        }\n      }\n    }\n    recent: referrals(first: 50) {\n      edges {\n        node {\n          ...InboxRow\n        }\n      }\n    }\n  }\n\n  fragment InboxRow on Referral {\n    id\n    status\n    category\n    summary\n    subjectAgeBand\n    responseDueAt\n    businessDaysLeft\n    outcome\n    updatedAt\n    area {\n      name\n    }\n    currentOrganization {\n      id\n    }\n    subject {\n      displayName\n      contact\n    }\n    availableActions {\n      action\n      proxy\n    }\n  }\n"): (typeof documents)["\n  query Inbox($organizationId: ID!) {\n    offers: referrals(first: 100, filter: { organizationId: $organizationId, status: [OFFERED] }, orderBy: URGENCY) {\n      totalCount\n      edges {\n        node {\n          ...InboxRow\n        }\n      }\n    }\n    held: referrals(first: 100, filter: { organizationId: $organizationId, status: [ACCEPTED, IN_PROGRESS, ON_HOLD] }, orderBy: URGENCY) {\n      totalCount\n      edges {\n        node {\n          ...InboxRow\n        }\n      }\n    }\n    recent: referrals(first: 50) {\n      edges {\n        node {\n          ...InboxRow\n        }\n      }\n    }\n  }\n\n  fragment InboxRow on Referral {\n    id\n    status\n    category\n    summary\n    subjectAgeBand\n    responseDueAt\n    businessDaysLeft\n    outcome\n    updatedAt\n    area {\n      name\n    }\n    currentOrganization {\n      id\n    }\n    subject {\n      displayName\n      contact\n    }\n    availableActions {\n      action\n      proxy\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query KeptMails($first: Int!) {\n    keptMails(first: $first) {\n      catcherEnabled\n      totalCount\n      mails {\n        id\n        receivedAt\n        from\n        to\n        recipients\n        subject\n        text\n        html\n      }\n    }\n  }\n"): (typeof documents)["\n  query KeptMails($first: Int!) {\n    keptMails(first: $first) {\n      catcherEnabled\n      totalCount\n      mails {\n        id\n        receivedAt\n        from\n        to\n        recipients\n        subject\n        text\n        html\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyNotificationPreferences {\n    myNotificationPreferences {\n      kind\n      delivery\n      changeable\n    }\n  }\n"): (typeof documents)["\n  query MyNotificationPreferences {\n    myNotificationPreferences {\n      kind\n      delivery\n      changeable\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetNotificationPreference($kind: NotificationKind!, $delivery: NotificationDelivery!) {\n    setNotificationPreference(kind: $kind, delivery: $delivery) {\n      kind\n      delivery\n      changeable\n    }\n  }\n"): (typeof documents)["\n  mutation SetNotificationPreference($kind: NotificationKind!, $delivery: NotificationDelivery!) {\n    setNotificationPreference(kind: $kind, delivery: $delivery) {\n      kind\n      delivery\n      changeable\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReferralPage($id: ID!) {\n    referral(id: $id) {\n      id\n      status\n      category\n      summary\n      subjectKind\n      subjectAgeBand\n      createdAt\n      responseDueAt\n      businessDaysLeft\n      resumeOn\n      outcome\n      area {\n        code\n        name\n      }\n      submittedBy {\n        displayName\n      }\n      currentOrganization {\n        id\n        name\n      }\n      subject {\n        displayName\n        nameKana\n        ageBand\n        contact\n      }\n      availableActions {\n        action\n        proxy\n      }\n      details {\n        __typename\n        ... on TransportDetails {\n          purpose\n          frequency\n          days\n          mobility\n          escortNeeded\n        }\n        ... on ShoppingDetails {\n          scope\n          location\n          nearestShop\n          mobileSalesWanted\n          frequency\n        }\n        ... on VolunteerInterestDetails {\n          skills\n          days\n          areaCodes\n          supporterTrainingCompleted\n          workPreference\n        }\n        ... on HomeHelpDetails {\n          tasks\n          frequency\n        }\n        ... on GatheringPlaceDetails {\n          placeKind\n          days\n          transportNeeded\n        }\n        ... on WatchOverDetails {\n          methods\n          frequency\n        }\n        ... on OtherDetails {\n          note\n        }\n      }\n      handoffs {\n        seq\n        kind\n        at\n        proxy\n        reason\n        note\n        actor {\n          displayName\n        }\n        fromOrganization {\n          name\n        }\n        toOrganization {\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ReferralPage($id: ID!) {\n    referral(id: $id) {\n      id\n      status\n      category\n      summary\n      subjectKind\n      subjectAgeBand\n      createdAt\n      responseDueAt\n      businessDaysLeft\n      resumeOn\n      outcome\n      area {\n        code\n        name\n      }\n      submittedBy {\n        displayName\n      }\n      currentOrganization {\n        id\n        name\n      }\n      subject {\n        displayName\n        nameKana\n        ageBand\n        contact\n      }\n      availableActions {\n        action\n        proxy\n      }\n      details {\n        __typename\n        ... on TransportDetails {\n          purpose\n          frequency\n          days\n          mobility\n          escortNeeded\n        }\n        ... on ShoppingDetails {\n          scope\n          location\n          nearestShop\n          mobileSalesWanted\n          frequency\n        }\n        ... on VolunteerInterestDetails {\n          skills\n          days\n          areaCodes\n          supporterTrainingCompleted\n          workPreference\n        }\n        ... on HomeHelpDetails {\n          tasks\n          frequency\n        }\n        ... on GatheringPlaceDetails {\n          placeKind\n          days\n          transportNeeded\n        }\n        ... on WatchOverDetails {\n          methods\n          frequency\n        }\n        ... on OtherDetails {\n          note\n        }\n      }\n      handoffs {\n        seq\n        kind\n        at\n        proxy\n        reason\n        note\n        actor {\n          displayName\n        }\n        fromOrganization {\n          name\n        }\n        toOrganization {\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReassignSuggestions($areaCode: String!, $category: NeedCategory!) {\n    suggestedOrganizations(areaCode: $areaCode, category: $category) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query ReassignSuggestions($areaCode: String!, $category: NeedCategory!) {\n    suggestedOrganizations(areaCode: $areaCode, category: $category) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptReferral($id: ID!, $note: String) {\n    acceptReferral(id: $id, note: $note) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptReferral($id: ID!, $note: String) {\n    acceptReferral(id: $id, note: $note) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeclineReferral($id: ID!, $reason: DeclineReason!, $note: String) {\n    declineReferral(id: $id, reason: $reason, note: $note) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation DeclineReferral($id: ID!, $reason: DeclineReason!, $note: String) {\n    declineReferral(id: $id, reason: $reason, note: $note) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartReferral($id: ID!, $note: String) {\n    startReferral(id: $id, note: $note) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation StartReferral($id: ID!, $note: String) {\n    startReferral(id: $id, note: $note) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CompleteReferral($id: ID!, $outcome: ReferralOutcome!, $note: String) {\n    completeReferral(id: $id, outcome: $outcome, note: $note) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation CompleteReferral($id: ID!, $outcome: ReferralOutcome!, $note: String) {\n    completeReferral(id: $id, outcome: $outcome, note: $note) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReturnReferral($id: ID!, $reason: ReturnReason!, $note: String) {\n    returnReferral(id: $id, reason: $reason, note: $note) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation ReturnReferral($id: ID!, $reason: ReturnReason!, $note: String) {\n    returnReferral(id: $id, reason: $reason, note: $note) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ExtendReferralDeadline($id: ID!, $businessDays: Int!, $reason: String!) {\n    extendReferralDeadline(id: $id, businessDays: $businessDays, reason: $reason) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation ExtendReferralDeadline($id: ID!, $businessDays: Int!, $reason: String!) {\n    extendReferralDeadline(id: $id, businessDays: $businessDays, reason: $reason) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddReferralNote($id: ID!, $note: String!) {\n    addReferralNote(id: $id, note: $note) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation AddReferralNote($id: ID!, $note: String!) {\n    addReferralNote(id: $id, note: $note) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReassignReferral($id: ID!, $organizationId: ID!, $note: String) {\n    reassignReferral(id: $id, organizationId: $organizationId, note: $note) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation ReassignReferral($id: ID!, $organizationId: ID!, $note: String) {\n    reassignReferral(id: $id, organizationId: $organizationId, note: $note) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EscalateReferral($id: ID!, $note: String!) {\n    escalateReferral(id: $id, note: $note) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation EscalateReferral($id: ID!, $note: String!) {\n    escalateReferral(id: $id, note: $note) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WithdrawReferral($id: ID!, $reason: String!) {\n    withdrawReferral(id: $id, reason: $reason) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation WithdrawReferral($id: ID!, $reason: String!) {\n    withdrawReferral(id: $id, reason: $reason) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation HoldReferral($id: ID!, $resumeOn: String!, $reason: String!) {\n    holdReferral(id: $id, resumeOn: $resumeOn, reason: $reason) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation HoldReferral($id: ID!, $resumeOn: String!, $reason: String!) {\n    holdReferral(id: $id, resumeOn: $resumeOn, reason: $reason) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResumeReferral($id: ID!, $note: String) {\n    resumeReferral(id: $id, note: $note) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation ResumeReferral($id: ID!, $note: String) {\n    resumeReferral(id: $id, note: $note) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TakeReferral($id: ID!, $note: String) {\n    takeReferral(id: $id, note: $note) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation TakeReferral($id: ID!, $note: String) {\n    takeReferral(id: $id, note: $note) {\n      id\n    }\n  }\n"];
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