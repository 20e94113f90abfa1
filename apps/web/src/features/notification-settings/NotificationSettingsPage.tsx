// 通知設定: how each kind of mail reaches the signed-in user (every role). One radio group per kind (すぐに, 毎朝まとめて,
// 受け取らない); account events always go at once and are shown, not offered. Choices are sent when 保存する is
// pressed, only those that changed, so moving through a radio group with the arrow keys sends nothing.
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { useSessionEndedBy } from '../auth/session';
import { ja } from '../../shared/i18n/ja';
import { Button } from '../../shared/ui/Button';
import { Notice } from '../../shared/ui/Notice';
import { usePageTitle } from '../../shared/ui/usePageTitle';
import { MyNotificationPreferencesDocument, SetNotificationPreferenceDocument } from './documents';
import { changedPreferences, DELIVERIES, groupPreferences, type Choices, type Preference } from './preferences';

const t = ja.notificationSettings;

export function NotificationSettingsPage() {
  usePageTitle(t.title);
  const [{ data, error }, reexecute] = useQuery({ query: MyNotificationPreferencesDocument });
  useSessionEndedBy(error);
  const [, setPreference] = useMutation(SetNotificationPreferenceDocument);
  const [choices, setChoices] = useState<Choices>({});
  const [saving, setSaving] = useState(false);
  const [outcome, setOutcome] = useState<{ kind: 'notice' | 'alert'; text: string } | null>(null);

  const preferences = data?.myNotificationPreferences ?? [];

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    const changes = changedPreferences(preferences, choices);
    if (!changes.length) return setOutcome({ kind: 'notice', text: t.unchanged });
    setSaving(true);
    setOutcome(null);
    let saved = 0;
    for (const change of changes) {
      const result = await setPreference(change);
      if (result.error) break;
      saved++;
    }
    setSaving(false);
    setOutcome(saved === changes.length ? { kind: 'notice', text: t.saved } : { kind: 'alert', text: t.partlySaved(saved, changes.length) });
    setChoices({});
    reexecute({ requestPolicy: 'network-only' });
  };

  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-col gap-2">
        <h1 className="text-std-32B-150">{t.title}</h1>
        <p>{t.lead}</p>
      </div>
      {outcome?.kind === 'notice' && <Notice>{outcome.text}</Notice>}
      {outcome?.kind === 'alert' && (
        <p role="alert" className="rounded-8 border-2 border-error-1 bg-white p-4 text-error-2">
          {outcome.text}
        </p>
      )}
      {!data && <p role={error ? 'alert' : 'status'}>{error ? ja.errors.loadFailed : ja.app.loading}</p>}
      {data && (
        <form onSubmit={onSubmit} className="flex flex-col gap-8" noValidate>
          {groupPreferences(preferences).map(({ group, preferences: inGroup }) => (
            <section key={group} aria-labelledby={`notification-group-${group}`} className="flex flex-col gap-4">
              <h2 id={`notification-group-${group}`} className="text-std-24B-150">
                {t.groups[group]}
              </h2>
              {group === 'account' && <p>{t.fixedHint}</p>}
              {inGroup.map((preference) =>
                preference.changeable ? (
                  <PreferenceChoice
                    key={preference.kind}
                    preference={preference}
                    chosen={choices[preference.kind] ?? preference.delivery}
                    disabled={saving}
                    onChoose={(delivery) => setChoices((current) => ({ ...current, [preference.kind]: delivery }))}
                  />
                ) : (
                  <FixedPreference key={preference.kind} preference={preference} />
                ),
              )}
            </section>
          ))}
          <div>
            <Button type="submit" disabled={saving}>
              {saving ? t.saving : t.save}
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}

function PreferenceChoice({
  preference,
  chosen,
  disabled,
  onChoose,
}: {
  preference: Preference;
  chosen: Preference['delivery'];
  disabled: boolean;
  onChoose: (delivery: Preference['delivery']) => void;
}) {
  return (
    <fieldset className="flex flex-col gap-2 rounded-8 border border-solid-gray-420 p-4">
      <legend className="px-1 text-std-16B-170">{t.kinds[preference.kind] ?? preference.kind}</legend>
      <div className="flex flex-wrap gap-x-6 gap-y-2">
        {DELIVERIES.map((delivery) => (
          <label key={delivery} className="inline-flex min-h-11 items-center gap-2">
            <input
              type="radio"
              name={`notification-${preference.kind}`}
              value={delivery}
              checked={chosen === delivery}
              disabled={disabled}
              onChange={() => onChoose(delivery)}
              className="size-5"
            />
            {t.deliveries[delivery]}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function FixedPreference({ preference }: { preference: Preference }) {
  return (
    <div className="flex flex-col gap-1 rounded-8 border border-solid-gray-420 p-4">
      <p className="text-std-16B-170">{t.kinds[preference.kind] ?? preference.kind}</p>
      <p>{t.fixed}</p>
    </div>
  );
}
