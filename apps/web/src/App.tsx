import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, type ComponentType } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { ApiError } from './api/client';
import { AuthProvider } from './auth/AuthProvider';
import { RequireRole } from './auth/RequireRole';
import { HomePage } from './features/directory/HomePage';
import { loadFeatureMessages, LocaleProvider } from './i18n/LocaleProvider';
import { Layout } from './ui/Layout';
import { NotFoundPage, RouteError } from './ui/States';

/*
 * Only the home page is in the first bundle. Every other page is in a chunk of its own, fetched when one of its
 * routes is first shown (Layout's Suspense shows the loading text meanwhile): each public page on its own, the
 * identity pages together, and each feature's signed-in screens together (features/<feature>/index.ts), fetched
 * beside the signed-in screens' words (i18n/feature-messages.ts).
 */
type Module = Record<string, ComponentType>;

/** A page (`name`) of a lazily loaded module. */
const page = <M extends Module>(load: () => Promise<M>, name: keyof M & string) =>
  lazy(() => load().then((m) => ({ default: m[name] })));

/** A signed-in screen: its feature's chunk and the features' words, fetched in parallel. */
const screen = <M extends Module>(load: () => Promise<M>, name: keyof M & string) =>
  page(() => Promise.all([load(), loadFeatureMessages()]).then(([m]) => m), name);

const TendersPage = page(() => import('./features/tenders/TendersPage'), 'TendersPage');
const TenderPage = page(() => import('./features/tenders/TenderPage'), 'TenderPage');
const EnterprisePage = page(() => import('./features/directory/EnterprisePage'), 'EnterprisePage');
const identity = () => import('./features/identity');
const SignInPage = page(identity, 'SignInPage');
const RegisterPage = page(identity, 'RegisterPage');
// The account page holds the preferences form, whose words are the features' (loaded beside it).
const AccountPage = screen(identity, 'AccountPage');
const directory = () => import('./features/directory');
const EnterpriseProfilePage = screen(directory, 'EnterpriseProfilePage');
const OfferingsPage = screen(directory, 'OfferingsPage');
const CertificationsReviewPage = screen(directory, 'CertificationsReviewPage');
const policies = () => import('./features/policies');
const PoliciesPage = screen(policies, 'PoliciesPage');
const PolicyPage = screen(policies, 'PolicyPage');
const tenders = () => import('./features/tenders');
const OfficerTendersPage = screen(tenders, 'OfficerTendersPage');
const NewTenderPage = screen(tenders, 'NewTenderPage');
const OfficerTenderPage = screen(tenders, 'OfficerTenderPage');
const obligations = () => import('./features/obligations');
const OfficerObligationsPage = screen(obligations, 'OfficerObligationsPage');
const OfficerObligationPage = screen(obligations, 'OfficerObligationPage');
const ReviewPage = screen(obligations, 'ReviewPage');
const ContractorObligationsPage = screen(obligations, 'ContractorObligationsPage');
const ContractorObligationPage = screen(obligations, 'ContractorObligationPage');
const matching = () => import('./features/matching');
const OpportunitiesPage = screen(matching, 'OpportunitiesPage');
const marketplace = () => import('./features/marketplace');
const QuotesPage = screen(marketplace, 'QuotesPage');
const ContractorOrdersPage = screen(marketplace, 'ContractorOrdersPage');
const QuoteRequestsPage = screen(marketplace, 'QuoteRequestsPage');
const EnterpriseOrdersPage = screen(marketplace, 'EnterpriseOrdersPage');
const notifications = () => import('./features/notifications');
const NotificationsPage = screen(notifications, 'NotificationsPage');
const meetingDays = () => import('./features/meeting-days');
const MeetingDaysPage = screen(meetingDays, 'MeetingDaysPage');
const MeetingDayPage = screen(meetingDays, 'MeetingDayPage');
const OfficerMeetingDaysPage = screen(meetingDays, 'OfficerMeetingDaysPage');
const NewMeetingDayPage = screen(meetingDays, 'NewMeetingDayPage');
const OfficerMeetingDayPage = screen(meetingDays, 'OfficerMeetingDayPage');
const DaySheetPage = screen(meetingDays, 'DaySheetPage');
const MeetingDayResultsPage = screen(meetingDays, 'MeetingDayResultsPage');
const challenges = () => import('./features/challenges');
const ChallengesPage = screen(challenges, 'ChallengesPage');
const ChallengePage = screen(challenges, 'ChallengePage');
const MyProposalsPage = screen(challenges, 'MyProposalsPage');
const OfficerChallengesPage = screen(challenges, 'OfficerChallengesPage');
const NewChallengePage = screen(challenges, 'NewChallengePage');
const OfficerChallengePage = screen(challenges, 'OfficerChallengePage');
const initiatives = () => import('./features/initiatives');
const InitiativesPage = screen(initiatives, 'InitiativesPage');
const InitiativePage = screen(initiatives, 'InitiativePage');
const NewInitiativePage = screen(initiatives, 'NewInitiativePage');
const InitiativeStatsPage = screen(initiatives, 'InitiativeStatsPage');
const interop = () => import('./features/interop');
const EformsImportPage = screen(interop, 'EformsImportPage');
const reports = () => import('./features/reports');
const ReportsPage = screen(reports, 'ReportsPage');
const DashboardPage = screen(reports, 'DashboardPage');

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // 4xx answers are final (not found, forbidden, invalid): retrying only delays the message.
      retry: (count, err) => !(err instanceof ApiError && err.status >= 400 && err.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

const asOfficer = (el: React.ReactNode) => <RequireRole roles={['procurement_officer']}>{el}</RequireRole>;
const asContractor = (el: React.ReactNode) => <RequireRole roles={['contractor']}>{el}</RequireRole>;
const asEnterprise = (el: React.ReactNode) => <RequireRole roles={['social_enterprise']}>{el}</RequireRole>;

const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      {
        // Inside the layout: a page that fails (its chunk unreachable after a release) keeps the header and menu.
        errorElement: <RouteError />,
        children: [
          { path: '/', element: <HomePage /> },
          { path: '/enterprises/:id', element: <EnterprisePage /> },
          { path: '/tenders', element: <TendersPage /> },
          { path: '/tenders/:id', element: <TenderPage /> },
          { path: '/meeting-days', element: <MeetingDaysPage /> },
          { path: '/meeting-days/:id', element: <MeetingDayPage /> },
          { path: '/challenges', element: <ChallengesPage /> },
          { path: '/challenges/:id', element: <ChallengePage /> },
          { path: '/initiatives', element: <InitiativesPage /> },
          { path: '/initiatives/new', element: <RequireRole>{<NewInitiativePage />}</RequireRole> },
          { path: '/initiatives/stats', element: <InitiativeStatsPage /> },
          { path: '/initiatives/:id', element: <InitiativePage /> },
          { path: '/sign-in', element: <SignInPage /> },
          { path: '/register', element: <RegisterPage /> },
          { path: '/account', element: <RequireRole>{<AccountPage />}</RequireRole> },
          { path: '/notifications', element: <RequireRole>{<NotificationsPage />}</RequireRole> },
          { path: '/officer/policies', element: asOfficer(<PoliciesPage />) },
          { path: '/officer/policies/:id', element: asOfficer(<PolicyPage />) },
          { path: '/officer/tenders', element: asOfficer(<OfficerTendersPage />) },
          { path: '/officer/tenders/new', element: asOfficer(<NewTenderPage />) },
          { path: '/officer/tenders/:id', element: asOfficer(<OfficerTenderPage />) },
          { path: '/officer/obligations', element: asOfficer(<OfficerObligationsPage />) },
          { path: '/officer/obligations/:id', element: asOfficer(<OfficerObligationPage />) },
          { path: '/officer/review', element: asOfficer(<ReviewPage />) },
          { path: '/officer/certifications', element: asOfficer(<CertificationsReviewPage />) },
          { path: '/officer/reports', element: asOfficer(<ReportsPage />) },
          { path: '/officer/dashboard', element: asOfficer(<DashboardPage />) },
          { path: '/officer/imports/eforms', element: asOfficer(<EformsImportPage />) },
          { path: '/officer/meeting-days', element: asOfficer(<OfficerMeetingDaysPage />) },
          { path: '/officer/meeting-days/new', element: asOfficer(<NewMeetingDayPage />) },
          { path: '/officer/meeting-days/:id', element: asOfficer(<OfficerMeetingDayPage />) },
          { path: '/officer/meeting-days/:id/sheet', element: asOfficer(<DaySheetPage />) },
          { path: '/officer/meeting-days/:id/results', element: asOfficer(<MeetingDayResultsPage />) },
          { path: '/officer/challenges', element: asOfficer(<OfficerChallengesPage />) },
          { path: '/officer/challenges/new', element: asOfficer(<NewChallengePage />) },
          { path: '/officer/challenges/:id', element: asOfficer(<OfficerChallengePage />) },
          { path: '/contractor/proposals', element: asContractor(<MyProposalsPage />) },
          { path: '/enterprise/proposals', element: asEnterprise(<MyProposalsPage />) },
          { path: '/contractor/obligations', element: asContractor(<ContractorObligationsPage />) },
          { path: '/contractor/obligations/:id', element: asContractor(<ContractorObligationPage />) },
          { path: '/contractor/quotes', element: asContractor(<QuotesPage />) },
          { path: '/contractor/orders', element: asContractor(<ContractorOrdersPage />) },
          { path: '/contractor/reports', element: asContractor(<ReportsPage />) },
          { path: '/enterprise/profile', element: asEnterprise(<EnterpriseProfilePage />) },
          { path: '/enterprise/offerings', element: asEnterprise(<OfferingsPage />) },
          { path: '/enterprise/opportunities', element: asEnterprise(<OpportunitiesPage />) },
          { path: '/enterprise/quote-requests', element: asEnterprise(<QuoteRequestsPage />) },
          { path: '/enterprise/orders', element: asEnterprise(<EnterpriseOrdersPage />) },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <LocaleProvider>
        <AuthProvider>
          <RouterProvider router={router} />
        </AuthProvider>
      </LocaleProvider>
    </QueryClientProvider>
  );
}
