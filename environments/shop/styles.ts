import { BASE_STYLES } from './styles-base.js';
import { CATALOG_STYLES } from './styles-catalog.js';
import { PAGE_STYLES } from './styles-pages.js';

/** The app's stylesheet, served at /assets/app.css. */
export const STYLES = BASE_STYLES + CATALOG_STYLES + PAGE_STYLES;
