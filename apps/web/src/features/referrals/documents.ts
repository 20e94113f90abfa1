// The referral page's GraphQL documents: one query shows the whole page (the api says which moves the viewer may make:
// availableActions); one mutation per move, each returning the referral's id so the page refetches its state.
import { graphql } from '../../shared/graphql/generated';

export const ReferralPageDocument = graphql(`
  query ReferralPage($id: ID!) {
    referral(id: $id) {
      id
      status
      category
      summary
      subjectKind
      subjectAgeBand
      createdAt
      responseDueAt
      businessDaysLeft
      resumeOn
      outcome
      area {
        code
        name
      }
      submittedBy {
        displayName
      }
      currentOrganization {
        id
        name
      }
      subject {
        displayName
        nameKana
        ageBand
        contact
      }
      consent {
        obtained
        obtainedAt
        method
        givenBy
      }
      availableActions {
        action
        proxy
      }
      details {
        __typename
        ... on TransportDetails {
          purpose
          frequency
          days
          mobility
          escortNeeded
        }
        ... on ShoppingDetails {
          scope
          location
          nearestShop
          mobileSalesWanted
          frequency
        }
        ... on VolunteerInterestDetails {
          skills
          days
          areaCodes
          supporterTrainingCompleted
          workPreference
        }
        ... on HomeHelpDetails {
          tasks
          frequency
        }
        ... on GatheringPlaceDetails {
          placeKind
          days
          transportNeeded
        }
        ... on WatchOverDetails {
          methods
          frequency
        }
        ... on OtherDetails {
          note
        }
      }
      handoffs {
        seq
        kind
        at
        proxy
        reason
        note
        actor {
          displayName
        }
        fromOrganization {
          name
        }
        toOrganization {
          name
        }
      }
    }
  }
`);

/** Asked only when the viewer opens the reassign form (the page's second request at most). */
export const ReassignSuggestionsDocument = graphql(`
  query ReassignSuggestions($areaCode: String!, $category: NeedCategory!) {
    suggestedOrganizations(areaCode: $areaCode, category: $category) {
      id
      name
    }
  }
`);

export const AcceptReferralDocument = graphql(`
  mutation AcceptReferral($id: ID!, $note: String) {
    acceptReferral(id: $id, note: $note) {
      id
    }
  }
`);

export const DeclineReferralDocument = graphql(`
  mutation DeclineReferral($id: ID!, $reason: DeclineReason!, $note: String) {
    declineReferral(id: $id, reason: $reason, note: $note) {
      id
    }
  }
`);

export const StartReferralDocument = graphql(`
  mutation StartReferral($id: ID!, $note: String) {
    startReferral(id: $id, note: $note) {
      id
    }
  }
`);

export const CompleteReferralDocument = graphql(`
  mutation CompleteReferral($id: ID!, $outcome: ReferralOutcome!, $note: String) {
    completeReferral(id: $id, outcome: $outcome, note: $note) {
      id
    }
  }
`);

export const ReturnReferralDocument = graphql(`
  mutation ReturnReferral($id: ID!, $reason: ReturnReason!, $note: String) {
    returnReferral(id: $id, reason: $reason, note: $note) {
      id
    }
  }
`);

export const ExtendReferralDeadlineDocument = graphql(`
  mutation ExtendReferralDeadline($id: ID!, $businessDays: Int!, $reason: String!) {
    extendReferralDeadline(id: $id, businessDays: $businessDays, reason: $reason) {
      id
    }
  }
`);

export const AddReferralNoteDocument = graphql(`
  mutation AddReferralNote($id: ID!, $note: String!) {
    addReferralNote(id: $id, note: $note) {
      id
    }
  }
`);

export const ReassignReferralDocument = graphql(`
  mutation ReassignReferral($id: ID!, $organizationId: ID!, $note: String) {
    reassignReferral(id: $id, organizationId: $organizationId, note: $note) {
      id
    }
  }
`);

export const EscalateReferralDocument = graphql(`
  mutation EscalateReferral($id: ID!, $note: String!) {
    escalateReferral(id: $id, note: $note) {
      id
    }
  }
`);

export const WithdrawReferralDocument = graphql(`
  mutation WithdrawReferral($id: ID!, $reason: String!) {
    withdrawReferral(id: $id, reason: $reason) {
      id
    }
  }
`);

export const HoldReferralDocument = graphql(`
  mutation HoldReferral($id: ID!, $resumeOn: String!, $reason: String!) {
    holdReferral(id: $id, resumeOn: $resumeOn, reason: $reason) {
      id
    }
  }
`);

export const ResumeReferralDocument = graphql(`
  mutation ResumeReferral($id: ID!, $note: String) {
    resumeReferral(id: $id, note: $note) {
      id
    }
  }
`);

export const TakeReferralDocument = graphql(`
  mutation TakeReferral($id: ID!, $note: String) {
    takeReferral(id: $id, note: $note) {
      id
    }
  }
`);
