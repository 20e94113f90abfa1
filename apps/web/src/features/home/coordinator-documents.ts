import { graphql } from '../../shared/graphql/generated';

/**
 * The coordinator's home in one request: the referrals that need the viewer now (most urgent first), and the list the
 * filters select with its counts per status (the tabs' numbers). Organisations for the filter come with it.
 */
export const CoordinatorHomeDocument = graphql(`
  query CoordinatorHome($filter: ReferralFilter!, $attentionFilter: ReferralFilter!, $first: Int!) {
    attention: referrals(filter: $attentionFilter, orderBy: URGENCY, first: $first) {
      totalCount
      edges {
        node {
          ...HomeReferralRow
        }
      }
    }
    list: referrals(filter: $filter, orderBy: NEWEST, first: $first) {
      totalCount
      countsByStatus {
        status
        count
      }
      edges {
        node {
          ...HomeReferralRow
        }
      }
    }
  }

  fragment HomeReferralRow on Referral {
    id
    summary
    category
    status
    createdAt
    responseDueAt
    currentOrganization {
      id
      name
    }
  }
`);

/** The filter's choice of organisations: asked once per visit (not with every keystroke). */
export const HomeOrganizationsDocument = graphql(`
  query HomeOrganizations {
    organizations {
      id
      name
    }
    areas {
      code
      name
    }
  }
`);
