import '@utrecht/component-library-css/dist/index.css';
import '@utrecht/design-tokens/dist/theme.css';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { initialLocale, loadMessages } from './i18n/LocaleProvider';

const render = () =>
  createRoot(document.getElementById('root') as HTMLElement).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );

// English messages are a chunk of their own: fetched before the first render for a visitor who chose English (the
// page shows index.html's loading text meanwhile); unreachable, the app starts in Dutch.
loadMessages(initialLocale()).then(render, render);
