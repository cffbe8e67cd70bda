/**
 * Runs in every page of a session before its own scripts: keeps the episode in one tab. Links and
 * forms that target a new window open in the current one, and window.open navigates the current
 * page, so the agent sees where its click led instead of an unchanged page and an invisible tab.
 */
export function keepSingleTab(): void {
  const retarget = (event: Event): void => {
    const origin = event.target;
    if (!(origin instanceof Element)) return;
    const owner = event.type === 'submit' ? origin.closest('form') : origin.closest('a[target], area[target]');
    if (owner && owner.getAttribute('target') && owner.getAttribute('target') !== '_self') owner.setAttribute('target', '_self');
  };
  document.addEventListener('click', retarget, true);
  document.addEventListener('submit', retarget, true);
  window.open = (url?: string | URL): Window | null => {
    if (url !== undefined && String(url) !== '') window.location.assign(String(url));
    return window;
  };
}
