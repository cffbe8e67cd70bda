import { BASE_STYLES } from './styles-base.js';
import { PAGE_STYLES } from './styles-pages.js';

/** The app's stylesheet, served at /assets/app.css. */
export const STYLES = BASE_STYLES + PAGE_STYLES;
