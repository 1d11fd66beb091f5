import { withPart2Messages } from './shared';
import { MyObligationPage as ObligationPage, MyObligationsPage as ObligationsPage } from './ObligationPages';
import { OrdersPage as Orders, QuotesPage as Quotes } from './MarketplacePages';

export const MyObligationsPage = withPart2Messages(ObligationsPage);
export const MyObligationPage = withPart2Messages(ObligationPage);
export const QuotesPage = withPart2Messages(Quotes);
export const ContractorOrdersPage = withPart2Messages(Orders);
