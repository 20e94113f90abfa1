import { graphql } from '../../../shared/graphql/generated';

/** The form's choices: the daily-life areas (tier-1 picks one; tier-2 starts from their own). */
export const NewReferralAreasDocument = graphql(`
  query NewReferralAreas {
    areas {
      id
      code
      name
    }
  }
`);

/** The partners routing would offer a need of this category and area to, in its order. */
export const SuggestedOrganizationsDocument = graphql(`
  query SuggestedOrganizations($areaCode: String!, $category: NeedCategory!) {
    suggestedOrganizations(areaCode: $areaCode, category: $category) {
      id
      name
      answeredByProxy
    }
  }
`);

export const SubmitReferralDocument = graphql(`
  mutation SubmitReferral($input: SubmitReferralInput!) {
    submitReferral(input: $input) {
      id
    }
  }
`);
