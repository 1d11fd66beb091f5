// Signing in, registering and the account page (one chunk): not needed to search from the home page.
export { AccountPage } from './AccountPage';
export { RegisterPage } from './RegisterPage';
export { SignInPage } from './SignInPage';
