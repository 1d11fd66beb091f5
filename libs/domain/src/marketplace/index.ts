export * from './marketplace.errors';
export * from './marketplace.module';
export * from './marketplace-steps.service';
export * from './orders.service';
export * from './quote-requests.service';
export * from './quotes.service';
export * from './transitions';
export * from './deal-visibility';
