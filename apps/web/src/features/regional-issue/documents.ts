import { graphql } from '../../shared/graphql/generated';

/**
 * One regional issue, read-only (the follow-up mail links here, docs/NOTIFICATIONS.md): what the api lets the viewer
 * see. `referralCount` counts every linked referral; `referrals` holds only those the viewer may open.
 */
export const RegionalIssuePageDocument = graphql(`
  query RegionalIssuePage($id: ID!) {
    regionalIssue(id: $id) {
      id
      title
      status
      category
      areas {
        code
        name
      }
      referralCount
      referrals {
        id
        status
        category
        area {
          name
        }
      }
      proposals {
        id
        title
        status
        followUpActions {
          id
          description
          owner
          dueOn
          doneAt
          overdue
        }
      }
    }
  }
`);
