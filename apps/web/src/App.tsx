import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { ApiError } from './api/client';
import { AuthProvider } from './auth/AuthProvider';
import { RequireRole } from './auth/RequireRole';
import { LocaleProvider } from './i18n/LocaleProvider';
import { HomePage } from './pages/public/HomePage';
import { Layout } from './ui/Layout';
import { NotFoundPage, RouteError } from './ui/States';

/*
 * Only the home page is in the first bundle. Every other page group is a chunk of its own, fetched when a route
 * of the group is first shown (Layout's Suspense shows the loading text meanwhile): the other public pages, the
 * account pages, and each signed-in role's screens.
 */
const browse = () => import('./pages/public/browse');
const TendersPage = lazy(() => browse().then((m) => ({ default: m.TendersPage })));
const TenderPage = lazy(() => browse().then((m) => ({ default: m.TenderPage })));
const EnterprisePage = lazy(() => browse().then((m) => ({ default: m.EnterprisePage })));
const account = () => import('./pages/public/account');
const SignInPage = lazy(() => account().then((m) => ({ default: m.SignInPage })));
const RegisterPage = lazy(() => account().then((m) => ({ default: m.RegisterPage })));
const AccountPage = lazy(() => account().then((m) => ({ default: m.AccountPage })));
const officer = () => import('./pages/officer');
const PoliciesPage = lazy(() => officer().then((m) => ({ default: m.PoliciesPage })));
const PolicyPage = lazy(() => officer().then((m) => ({ default: m.PolicyPage })));
const OfficerTendersPage = lazy(() => officer().then((m) => ({ default: m.OfficerTendersPage })));
const NewTenderPage = lazy(() => officer().then((m) => ({ default: m.NewTenderPage })));
const OfficerTenderPage = lazy(() => officer().then((m) => ({ default: m.OfficerTenderPage })));
const ObligationsPage = lazy(() => officer().then((m) => ({ default: m.ObligationsPage })));
const ObligationPage = lazy(() => officer().then((m) => ({ default: m.ObligationPage })));
const ReviewPage = lazy(() => officer().then((m) => ({ default: m.ReviewPage })));
const CertificationsPage = lazy(() => officer().then((m) => ({ default: m.CertificationsPage })));
const contractor = () => import('./pages/contractor');
const MyObligationsPage = lazy(() => contractor().then((m) => ({ default: m.MyObligationsPage })));
const MyObligationPage = lazy(() => contractor().then((m) => ({ default: m.MyObligationPage })));
const QuotesPage = lazy(() => contractor().then((m) => ({ default: m.QuotesPage })));
const ContractorOrdersPage = lazy(() => contractor().then((m) => ({ default: m.ContractorOrdersPage })));
const enterprise = () => import('./pages/social-enterprise');
const EnterpriseProfilePage = lazy(() => enterprise().then((m) => ({ default: m.EnterpriseProfilePage })));
const OfferingsPage = lazy(() => enterprise().then((m) => ({ default: m.OfferingsPage })));
const OpportunitiesPage = lazy(() => enterprise().then((m) => ({ default: m.OpportunitiesPage })));
const EnterpriseRequestsPage = lazy(() => enterprise().then((m) => ({ default: m.EnterpriseRequestsPage })));
const EnterpriseOrdersPage = lazy(() => enterprise().then((m) => ({ default: m.EnterpriseOrdersPage })));
const reports = () => import('./pages/officer-reports');
const ReportsPage = lazy(() => reports().then((m) => ({ default: m.ReportsPage })));
const DashboardPage = lazy(() => reports().then((m) => ({ default: m.DashboardPage })));

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
          { path: '/sign-in', element: <SignInPage /> },
          { path: '/register', element: <RegisterPage /> },
          { path: '/account', element: <RequireRole>{<AccountPage />}</RequireRole> },
          { path: '/officer/policies', element: asOfficer(<PoliciesPage />) },
          { path: '/officer/policies/:id', element: asOfficer(<PolicyPage />) },
          { path: '/officer/tenders', element: asOfficer(<OfficerTendersPage />) },
          { path: '/officer/tenders/new', element: asOfficer(<NewTenderPage />) },
          { path: '/officer/tenders/:id', element: asOfficer(<OfficerTenderPage />) },
          { path: '/officer/obligations', element: asOfficer(<ObligationsPage />) },
          { path: '/officer/obligations/:id', element: asOfficer(<ObligationPage />) },
          { path: '/officer/review', element: asOfficer(<ReviewPage />) },
          { path: '/officer/certifications', element: asOfficer(<CertificationsPage />) },
          { path: '/officer/reports', element: asOfficer(<ReportsPage />) },
          { path: '/officer/dashboard', element: asOfficer(<DashboardPage />) },
          { path: '/contractor/obligations', element: asContractor(<MyObligationsPage />) },
          { path: '/contractor/obligations/:id', element: asContractor(<MyObligationPage />) },
          { path: '/contractor/quotes', element: asContractor(<QuotesPage />) },
          { path: '/contractor/orders', element: asContractor(<ContractorOrdersPage />) },
          { path: '/contractor/reports', element: asContractor(<ReportsPage />) },
          { path: '/enterprise/profile', element: asEnterprise(<EnterpriseProfilePage />) },
          { path: '/enterprise/offerings', element: asEnterprise(<OfferingsPage />) },
          { path: '/enterprise/opportunities', element: asEnterprise(<OpportunitiesPage />) },
          { path: '/enterprise/quote-requests', element: asEnterprise(<EnterpriseRequestsPage />) },
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
