import { graphql } from '../../shared/graphql/generated';

/** The mails the local mail catcher kept (npm start), newest first; ADMIN only (docs/API.md, keptMails). */
export const KeptMailsDocument = graphql(`
  query KeptMails($first: Int!) {
    keptMails(first: $first) {
      catcherEnabled
      totalCount
      mails {
        id
        receivedAt
        from
        to
        recipients
        subject
        text
        html
      }
    }
  }
`);
