import { graphql } from '../../shared/graphql/generated';

/**
 * The inbox in one request: offers to our organisation, what we hold, and the rest we may see (closed, or gone on to
 * another organisation). The api decides what a partner sees (docs/SECURITY.md); the resident's name only once held.
 */
export const InboxDocument = graphql(`
  query Inbox($organizationId: ID!) {
    offers: referrals(first: 100, filter: { organizationId: $organizationId, status: [OFFERED] }, orderBy: URGENCY) {
      totalCount
      edges {
        node {
          ...InboxRow
        }
      }
    }
    held: referrals(first: 100, filter: { organizationId: $organizationId, status: [ACCEPTED, IN_PROGRESS, ON_HOLD] }, orderBy: URGENCY) {
      totalCount
      edges {
        node {
          ...InboxRow
        }
      }
    }
    recent: referrals(first: 50) {
      edges {
        node {
          ...InboxRow
        }
      }
    }
  }

  fragment InboxRow on Referral {
    id
    status
    category
    summary
    subjectAgeBand
    responseDueAt
    businessDaysLeft
    outcome
    updatedAt
    area {
      name
    }
    currentOrganization {
      id
    }
    subject {
      displayName
      contact
    }
    availableActions {
      action
      proxy
    }
  }
`);
