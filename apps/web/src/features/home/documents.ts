import { graphql } from '../../shared/graphql/generated';

/** The home's one request: how many referrals the viewer may see (the api decides which: docs/SECURITY.md). */
export const HomeDocument = graphql(`
  query Home {
    referrals(first: 1) {
      totalCount
    }
  }
`);
