import { graphql } from '../../shared/graphql/generated';

/** The caller's choice for every kind of mail (docs/NOTIFICATIONS.md). */
export const MyNotificationPreferencesDocument = graphql(`
  query MyNotificationPreferences {
    myNotificationPreferences {
      kind
      delivery
      changeable
    }
  }
`);

export const SetNotificationPreferenceDocument = graphql(`
  mutation SetNotificationPreference($kind: NotificationKind!, $delivery: NotificationDelivery!) {
    setNotificationPreference(kind: $kind, delivery: $delivery) {
      kind
      delivery
      changeable
    }
  }
`);
