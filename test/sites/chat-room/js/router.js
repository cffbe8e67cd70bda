/**
 * History API router. Intercepts clicks on same-origin <a href> and swaps views without a reload.
 */
export class Router {
  constructor(routes, { fallback } = {}) {
    this.routes = routes.map(([pattern, handler]) => ({
      re: new RegExp('^' + pattern.replace(/:(\w+)/g, '(?<$1>[^/]+)') + '/?$'),
      handler,
    }));
    this.fallback = fallback;
    document.addEventListener('click', (event) => this.#onClick(event));
    window.addEventListener('popstate', () => this.resolve());
  }

  #onClick(event) {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = event.target.closest('a[href]');
    if (!link || link.target === '_blank') return;
    const url = new URL(link.href, location.href);
    if (url.origin !== location.origin) return;
    event.preventDefault();
    this.navigate(url.pathname);
  }

  navigate(path, { replace = false } = {}) {
    if (path !== location.pathname) {
      history[replace ? 'replaceState' : 'pushState']({}, '', path);
    }
    this.resolve();
  }

  resolve() {
    const path = decodeURIComponent(location.pathname);
    for (const { re, handler } of this.routes) {
      const match = path.match(re);
      if (match) return handler(match.groups ?? {});
    }
    return this.fallback?.(path);
  }
}
