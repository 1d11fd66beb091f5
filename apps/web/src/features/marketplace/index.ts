// The marketplace (one chunk): the contractor's quotes and orders, the social enterprise's requests and orders.
export { ContractorOrdersPage } from './ContractorOrdersPage';
export { EnterpriseOrdersPage } from './EnterpriseOrdersPage';
export { QuoteRequestsPage } from './QuoteRequestsPage';
export { QuotesPage } from './QuotesPage';
