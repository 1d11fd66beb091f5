// Open-data imports (one chunk): the officer's eForms import screen.
export { EformsImportPage } from './EformsImportPage';
