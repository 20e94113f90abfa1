// The console's root: the GraphQL client, the session, the router. Each screen is its own chunk (loaded when first
// opened), so the first screen ships only what it needs (docs/BENCHMARKS.md "Web console").
import { lazy, Suspense, useCallback, useState } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { Provider } from 'urql';
import { SessionProvider } from '../features/auth/session';
import { createGraphqlClient } from '../shared/graphql/client';
import { ja } from '../shared/i18n/ja';
import { RequireSession } from './RequireSession';
import { Shell } from './Shell';

const SignInPage = lazy(() => import('../features/auth/SignInPage').then((m) => ({ default: m.SignInPage })));
const ChangePasswordPage = lazy(() => import('../features/auth/ChangePasswordPage').then((m) => ({ default: m.ChangePasswordPage })));
const HomePage = lazy(() => import('../features/home/HomePage').then((m) => ({ default: m.HomePage })));
const NewReferralPage = lazy(() => import('../features/referrals/new/NewReferralPage').then((m) => ({ default: m.NewReferralPage })));
const InboxPage = lazy(() => import('../features/inbox/InboxPage').then((m) => ({ default: m.InboxPage })));
const ReferralPage = lazy(() => import('../features/referrals/ReferralPage').then((m) => ({ default: m.ReferralPage })));
const ReportsPage = lazy(() => import('../features/reports/ReportsPage').then((m) => ({ default: m.ReportsPage })));
const MonthlyReportPage = lazy(() => import('../features/reports/MonthlyReportPage').then((m) => ({ default: m.MonthlyReportPage })));
const KeptMailPage = lazy(() => import('../features/kept-mail/KeptMailPage').then((m) => ({ default: m.KeptMailPage })));
const RegionalIssuePage = lazy(() => import('../features/regional-issue/RegionalIssuePage').then((m) => ({ default: m.RegionalIssuePage })));
const NotificationSettingsPage = lazy(() =>
  import('../features/notification-settings/NotificationSettingsPage').then((m) => ({ default: m.NotificationSettingsPage })),
);
const NotFoundPage = lazy(() => import('../features/not-found/NotFoundPage').then((m) => ({ default: m.NotFoundPage })));

export function App() {
  const [client, setClient] = useState(createGraphqlClient);
  // A new client after sign-out or a password change: its cache (the last user's data) goes with the old one.
  const reset = useCallback(() => setClient(createGraphqlClient()), []);
  return (
    <Provider value={client}>
      <SessionProvider onReset={reset}>
        <BrowserRouter>
          <Shell>
            <Suspense fallback={<p role="status">{ja.app.loading}</p>}>
              <Routes>
                <Route path="/sign-in" element={<SignInPage />} />
                <Route
                  path="/change-password"
                  element={
                    <RequireSession allowTemporaryPassword>
                      <ChangePasswordPage />
                    </RequireSession>
                  }
                />
                <Route
                  path="/"
                  element={
                    <RequireSession>
                      <HomePage />
                    </RequireSession>
                  }
                />
                <Route
                  path="/referrals/new"
                  element={
                    <RequireSession>
                      <NewReferralPage />
                    </RequireSession>
                  }
                />
                <Route
                  path="/inbox"
                  element={
                    <RequireSession>
                      <InboxPage />
                    </RequireSession>
                  }
                />
                <Route
                  path="/referrals/:id"
                  element={
                    <RequireSession>
                      <ReferralPage />
                    </RequireSession>
                  }
                />
                <Route
                  path="/regional-issues/:id"
                  element={
                    <RequireSession>
                      <RegionalIssuePage />
                    </RequireSession>
                  }
                />
                <Route
                  path="/reports"
                  element={
                    <RequireSession>
                      <ReportsPage />
                    </RequireSession>
                  }
                />
                <Route
                  path="/reports/monthly/:month"
                  element={
                    <RequireSession>
                      <MonthlyReportPage />
                    </RequireSession>
                  }
                />
                <Route
                  path="/admin/mail"
                  element={
                    <RequireSession>
                      <KeptMailPage />
                    </RequireSession>
                  }
                />
                <Route
                  path="/settings/notifications"
                  element={
                    <RequireSession>
                      <NotificationSettingsPage />
                    </RequireSession>
                  }
                />
                <Route
                  path="*"
                  element={
                    <RequireSession>
                      <NotFoundPage />
                    </RequireSession>
                  }
                />
              </Routes>
            </Suspense>
          </Shell>
        </BrowserRouter>
      </SessionProvider>
    </Provider>
  );
}
