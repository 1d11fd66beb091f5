import { withPart2Messages } from '../contractor/shared';
import {
  EnterpriseOrdersPage as Orders,
  IncomingRequestsPage,
  OpportunitiesPage as Opps,
} from './MarketplacePages';
import { OfferingsPage as Offerings } from './OfferingsPage';
import { EnterpriseProfilePage as Profile } from './ProfilePages';

export const EnterpriseProfilePage = withPart2Messages(Profile);
export const OfferingsPage = withPart2Messages(Offerings);
export const OpportunitiesPage = withPart2Messages(Opps);
export const EnterpriseRequestsPage = withPart2Messages(IncomingRequestsPage);
export const EnterpriseOrdersPage = withPart2Messages(Orders);
