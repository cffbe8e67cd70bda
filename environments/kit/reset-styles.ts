/**
 * The CSS reset every bundled app starts from, placed right after its `:root` variables: border-box
 * sizing, no default margins on the page, paragraphs and lists, a visually hidden utility for labels
 * that only assistive technology reads, and a visible keyboard focus ring in the app's accent colour.
 */
export const RESET_STYLES = `* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; }
p { margin: 0; }
ul, ol { margin: 0; padding: 0; list-style: none; }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
`;
