// The session's GraphQL documents (typed by codegen: src/shared/graphql/generated/). Sign-in selects no `token`: the
// api sets the session cookie, and the console's scripts never see the token.
import { graphql } from '../../shared/graphql/generated';

export const ViewerDocument = graphql(`
  query Viewer {
    me {
      id
      displayName
      email
      role
      mustChangePassword
      canReadKeptMail
      organization {
        id
        name
      }
      area {
        id
        name
      }
    }
  }
`);

export const SignInDocument = graphql(`
  mutation SignIn($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      mustChangePassword
    }
  }
`);

export const ChangePasswordDocument = graphql(`
  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changeMyPassword(currentPassword: $currentPassword, newPassword: $newPassword)
  }
`);

export const SignOutDocument = graphql(`
  mutation SignOut {
    signOut
  }
`);
